//! `labelchain work`: an annotator's loop on one task. Take an item (the
//! chain assigns one, or in an open task the next one this annotator may
//! label), find it by CID in local folders or CAR archives, get its label
//! from a person or a command, commit it sealed, and reveal it once the
//! item's reveal window opens. Labels and salts are saved before each commit
//! and read back on restart, so a stopped `work` picks up where it left off.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use labelchain_client::{
	accounts::account_of,
	content::ContentStore,
	manifest::Manifest,
	node::Node,
	runtime::{
		self,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			labelchain_primitives::{
				items::ItemPhase,
				labeling::AssignmentMode,
				runtime_api::{LabelingApiError, WorkPlace},
			},
		},
	},
	secrets::{LabelStore, SealedLabel},
	transact::sign_and_finalize,
};
use subxt::utils::{AccountId32, H256};
use subxt_signer::sr25519::Keypair;

use crate::labeler::Labeler;

#[derive(Args, Debug)]
pub struct WorkArgs {
	task: u32,
	/// Folders, CAR archives or files holding the task's manifest and items
	/// (what `publish` wrote, or anything with the same content).
	#[arg(long = "items", required = true)]
	items: Vec<PathBuf>,
	/// A command that prints each item's label (class name or number); it
	/// gets the item's file as its last argument. Without it, you are asked.
	#[arg(long)]
	label_with: Option<String>,
	/// Take no more than this many new items.
	#[arg(long)]
	max_items: Option<u32>,
	/// Where sealed labels wait for their reveal (default: under
	/// ~/.local/share/labelchain/labels/).
	#[arg(long)]
	labels_file: Option<PathBuf>,
	/// Leave once nothing is left to commit instead of waiting for reveal
	/// windows; the labels stay in the labels file and a later `work`
	/// reveals them.
	#[arg(long)]
	no_wait: bool,
}

/// What the chain says this annotator has to do on the task now.
#[derive(Default)]
struct Duties {
	/// Claimed items waiting for a commit.
	to_commit: Vec<u32>,
	/// Committed items whose reveal window is open and not yet revealed.
	to_reveal: Vec<u32>,
	/// Committed items not yet revealed, whatever their phase.
	unrevealed: Vec<u32>,
	/// Items the annotator holds a place on (claimed or committed, unsettled).
	held: Vec<u32>,
}

async fn duties(node: &Node, who: &AccountId32, task: u32) -> anyhow::Result<Duties> {
	let at = node.api.at_current_block().await?;
	let work = at
		.runtime_apis()
		.call(
			runtime::runtime_apis()
				.labeling_api()
				.annotator_work(*who, task),
		)
		.await?
		.map_err(|error| anyhow::anyhow!("task {task}: {error:?}"))?;
	let mut duties = Duties::default();
	for entry in work {
		duties.held.push(entry.item);
		match entry.place {
			WorkPlace::Claimed { .. } => duties.to_commit.push(entry.item),
			WorkPlace::Committed { revealed: None } => {
				duties.unrevealed.push(entry.item);
				if let ItemPhase::Revealing { ends_at } = entry.phase {
					// The reveal lands in a later block; the window includes `ends_at`.
					if u64::from(ends_at) > at.block_number() {
						duties.to_reveal.push(entry.item);
					}
				}
			}
			WorkPlace::Committed { revealed: Some(_) } => {}
		}
	}
	Ok(duties)
}

/// The next item to take, if the task has one for this annotator: in an open
/// task one of the first claimable items (spread by account, so annotators
/// working at once rarely pick the same), in an assigned task the chain's
/// pick through `claim`. `Ok(None)` when there is nothing to take now.
async fn take_item(
	node: &Node,
	key: &Keypair,
	task: u32,
	mode: &AssignmentMode,
) -> anyhow::Result<Option<u32>> {
	let who = account_of(key);
	let at = node.api.at_current_block().await?;
	let page = at
		.runtime_apis()
		.call(
			runtime::runtime_apis()
				.labeling_api()
				.claimable_items(who, task, 0, 16),
		)
		.await?;
	let items = match page {
		Ok(page) => page.items,
		Err(LabelingApiError::TooManyOpenClaims) | Err(LabelingApiError::TaskNotAcceptingWork) => {
			return Ok(None)
		}
		Err(LabelingApiError::InsufficientStake) => anyhow::bail!(
			"{who} has too little bonded stake for task {task}: `labelchain bond` first"
		),
		Err(error) => anyhow::bail!("task {task} takes no work from {who}: {error:?}"),
	};
	if items.is_empty() {
		return Ok(None);
	}
	match mode {
		AssignmentMode::Open => Ok(Some(items[usize::from(who.0[0]) % items.len()])),
		AssignmentMode::Assigned => {
			let claim = runtime::tx().label_voting().claim(task);
			let events = match sign_and_finalize(node, &claim, key, "claim").await {
				Ok(events) => events,
				// Others took the last items first: nothing to take now.
				Err(error) if error.to_string().contains("NoItemAvailable") => return Ok(None),
				Err(error) => return Err(error),
			};
			let claimed = events
				.find_first::<runtime::label_voting::events::ItemClaimed>()
				.context("claim succeeded without an ItemClaimed event")??;
			Ok(Some(claimed.item))
		}
	}
}

/// Reveals `items` (one call, or a batch), with the labels saved for them.
async fn reveal(
	node: &Node,
	key: &Keypair,
	task: u32,
	store: &LabelStore,
	items: &[u32],
) -> anyhow::Result<()> {
	let mut reveals = Vec::new();
	for item in items {
		let sealed = store.labels.get(item).with_context(|| {
			format!(
				"item {item} was committed without a label in {}: it cannot be revealed",
				store.path().display()
			)
		})?;
		reveals.push((*item, sealed.label, sealed.salt()?));
	}
	if let [(item, label, salt)] = reveals[..] {
		let call = runtime::tx().label_voting().reveal(task, item, label, salt);
		sign_and_finalize(node, &call, key, "reveal").await?;
	} else {
		let call = runtime::tx()
			.label_voting()
			.reveal_batch(task, BoundedVec(reveals));
		sign_and_finalize(node, &call, key, "reveal_batch").await?;
	}
	let list: Vec<String> = items.iter().map(u32::to_string).collect();
	println!(
		"revealed item{} {}",
		if items.len() == 1 { "" } else { "s" },
		list.join(", ")
	);
	Ok(())
}

pub async fn work(node: &Node, args: &WorkArgs, key: &Keypair) -> anyhow::Result<()> {
	let who = account_of(key);
	let task = args.task;
	let summary = node
		.api
		.at_current_block()
		.await?
		.runtime_apis()
		.call(runtime::runtime_apis().labeling_api().task(task))
		.await?
		.with_context(|| format!("no task {task}"))?;
	let content = ContentStore::open(&args.items)?;
	let manifest = Manifest::find(&content, &summary.manifest)?;
	let mut labeler = Labeler::new(&manifest, &content, args.label_with.clone());
	let path = match &args.labels_file {
		Some(path) => path.clone(),
		None => LabelStore::default_path(task, &who)?,
	};
	let mut store = LabelStore::open(path)?;
	println!(
		"task {task}: {} items, classes {}; labels kept in {}",
		summary.item_count,
		manifest.class_list(),
		store.path().display()
	);
	if !manifest.instructions.is_empty() {
		println!("instructions: {}", manifest.instructions);
	}

	let max_blocks_waiting = 600;
	let mut blocks = node
		.api
		.stream_blocks()
		.await
		.context("following finalized blocks")?;
	let mut taken = 0u32;
	let mut waited = 0;
	loop {
		let duties = duties(node, &who, task).await?;
		// Labels of items this annotator no longer holds are settled or gone.
		let before = store.labels.len();
		store.labels.retain(|item, _| duties.held.contains(item));
		if store.labels.len() != before {
			store.save()?;
		}

		let may_take = args.max_items.is_none_or(|max| taken < max);
		let next = match duties.to_commit.first() {
			Some(item) => Some(*item),
			None if may_take => take_item(node, key, task, &summary.assignment)
				.await?
				.inspect(|_| taken += 1),
			None => None,
		};
		if let Some(item) = next {
			let sealed = match store.labels.get(&item) {
				Some(sealed) => sealed.clone(),
				None => {
					let Some(label) = labeler.label(item)? else {
						println!("no more labels given; stopping (committed labels are kept for revealing)");
						return Ok(());
					};
					SealedLabel::new(label)?
				}
			};
			let hash = H256(sealed.commitment(&who)?);
			store.labels.insert(item, sealed);
			store.save()?;
			let result = match duties.to_reveal.split_first() {
				Some((first, rest)) => {
					let first_sealed = &store.labels[first];
					let call = runtime::tx().label_voting().commit_and_reveal(
						task,
						item,
						hash,
						*first,
						first_sealed.label,
						first_sealed.salt()?,
					);
					let sent = sign_and_finalize(node, &call, key, "commit_and_reveal").await;
					if sent.is_ok() {
						println!("revealed item {first}");
						if !rest.is_empty() {
							reveal(node, key, task, &store, rest).await?;
						}
					}
					sent
				}
				None => {
					sign_and_finalize(
						node,
						&runtime::tx().label_voting().commit(task, item, hash),
						key,
						"commit",
					)
					.await
				}
			};
			match result {
				Ok(_) => println!("committed item {item}"),
				Err(error) => {
					// Another annotator filled the item first, or the task
					// stopped taking work: forget the label and go on.
					store.labels.remove(&item);
					store.save()?;
					println!("item {item} not committed: {error:#}");
				}
			}
			waited = 0;
			continue;
		}
		if !duties.to_reveal.is_empty() {
			reveal(node, key, task, &store, &duties.to_reveal).await?;
			waited = 0;
			continue;
		}
		if duties.unrevealed.is_empty() && duties.to_commit.is_empty() {
			println!("nothing more to do on task {task}: {taken} items labeled this run");
			return Ok(());
		}
		// Committed labels wait for their items' other commits.
		if args.no_wait {
			println!(
				"items {:?} wait for their reveal windows; run `work` again to reveal them",
				duties.unrevealed
			);
			return Ok(());
		}
		anyhow::ensure!(
			waited < max_blocks_waiting,
			"waited {max_blocks_waiting} blocks for reveal windows to open on items {:?}; run `work` again later",
			duties.unrevealed
		);
		blocks
			.next()
			.await
			.context("the node stopped sending blocks")?
			.context("a finalized block")?;
		waited += 1;
	}
}
