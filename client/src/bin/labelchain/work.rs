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
	gateway::Gateways,
	manifest::Manifest,
	node::Node,
	runtime::{
		self,
		runtime_types::labelchain_primitives::{
			item_lifecycle::ItemPhase,
			task::AssignmentMode,
			runtime_api::{ItemSummary, LabelingApiError, WorkItem, WorkPlace},
		},
	},
	secrets::{LabelStore, SealedLabel},
	transact::sign_and_finalize,
};
use subxt::utils::{AccountId32, H256};
use subxt_signer::sr25519::Keypair;

use crate::{chain::task_summary, labeler::Labeler, send};

#[derive(Args, Debug)]
pub struct WorkArgs {
	task: u32,
	/// Folders, CAR archives or files holding the task's manifest and items
	/// (what `publish` wrote, or anything with the same content).
	#[arg(long = "items", required_unless_present = "gateways")]
	items: Vec<PathBuf>,
	/// IPFS gateways (`http://127.0.0.1:8080`, `https://…`) to fetch the
	/// manifest and items from when `--items` lacks them; each block is
	/// checked against its CID.
	#[arg(long = "gateway", id = "gateways")]
	gateways: Vec<String>,
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
	/// Label this many items before sending their commits together in one
	/// `commit_batch` (cheaper per label); 1 sends each label on its own.
	#[arg(long, default_value_t = 1)]
	batch: usize,
}

/// What the chain says this annotator has to do on the task now.
#[derive(Default)]
struct Duties {
	/// Live claims waiting for a commit.
	to_commit: Vec<u32>,
	/// Committed items whose reveal window is open and not yet revealed.
	to_reveal: Vec<u32>,
	/// Committed items whose reveal window has not opened yet.
	waiting: Vec<u32>,
	/// Committed items whose reveal window closed before this annotator revealed.
	missed: Vec<u32>,
	/// Items the annotator holds a place on (claimed or committed, unsettled).
	held: Vec<u32>,
}

/// The newest block: reveals and commits land after it. Windows are judged
/// against it, not the last finalized block, which may be some blocks behind.
async fn best_block(node: &Node) -> anyhow::Result<u32> {
	let header = node.rpc.chain_get_header(None).await.context("reading the best block")?;
	Ok(header.context("the node has no best block")?.number as u32)
}

/// Every item of `task` this annotator holds a place on, as the chain says,
/// a page at a time.
async fn annotator_work(node: &Node, who: &AccountId32, task: u32) -> anyhow::Result<Vec<WorkItem>> {
	let at = node.api.at_current_block().await?;
	let mut work = Vec::new();
	let mut start = Some(0);
	while let Some(from) = start {
		let call = runtime::runtime_apis().labeling_api().annotator_work(*who, task, from, 100);
		let page = at.runtime_apis().call(call).await?.map_err(|error| anyhow::anyhow!("task {task}: {error:?}"))?;
		work.extend(page.items);
		start = page.next;
	}
	Ok(work)
}

async fn duties(node: &Node, who: &AccountId32, task: u32) -> anyhow::Result<Duties> {
	let work = annotator_work(node, who, task).await?;
	let next = best_block(node).await?.saturating_add(1);
	let mut duties = Duties::default();
	for entry in work {
		duties.held.push(entry.item);
		match (entry.place, entry.phase) {
			// A claim counts through its expiry block.
			(WorkPlace::Claimed { expires_at }, _) if expires_at >= next => duties.to_commit.push(entry.item),
			(WorkPlace::Claimed { .. }, _) => {},
			(WorkPlace::Committed { revealed: None }, ItemPhase::Labeling) => duties.waiting.push(entry.item),
			// The window includes `ends_at`.
			(WorkPlace::Committed { revealed: None }, ItemPhase::Revealing { ends_at }) if ends_at >= next =>
				duties.to_reveal.push(entry.item),
			(WorkPlace::Committed { revealed: None }, _) => duties.missed.push(entry.item),
			(WorkPlace::Committed { revealed: Some(_) }, _) => {},
		}
	}
	Ok(duties)
}

/// Whether a saved label can still be needed: its item is untouched or
/// taking commits (a commit of it may still be on its way), or this
/// annotator holds a place on it. Labels of items past that are dropped.
async fn still_needed(node: &Node, task: u32, item: u32, held: &[u32]) -> anyhow::Result<bool> {
	if held.contains(&item) {
		return Ok(true);
	}
	let at = node.api.at_current_block().await?;
	let summary = at.runtime_apis().call(runtime::runtime_apis().labeling_api().item(task, item)).await?;
	Ok(matches!(
		summary,
		Ok(ItemSummary::Untouched) | Ok(ItemSummary::InProgress { phase: ItemPhase::Labeling, .. })
	))
}

/// Sends in a row that failed or may not have landed before `work` gives up.
const MAX_UNSURE_SENDS: u32 = 5;

/// Reveals `items`; a reveal that fails is counted in `unsure` and tried
/// again next round while its window is open (the salts stay saved).
async fn reveal_or_retry(
	node: &Node,
	key: &Keypair,
	task: u32,
	store: &LabelStore,
	items: &[u32],
	max_batch: usize,
	unsure: &mut u32,
) -> anyhow::Result<()> {
	match send::reveal(node, key, task, store, items, max_batch).await {
		Ok(()) => *unsure = 0,
		Err(error) => {
			*unsure += 1;
			anyhow::ensure!(*unsure < MAX_UNSURE_SENDS, "{unsure} sends in a row failed, the last: {error:#}");
			println!("revealing {}: {error:#}; trying again", send::listed("item", items));
		},
	}
	Ok(())
}

/// Whether a failed commit certainly changed nothing: the pool refused it,
/// or the runtime did. Anything else (a dropped connection, a watch that
/// ended) may hide a commit that landed, whose salt must be kept.
fn certainly_not_committed(error: &anyhow::Error) -> bool {
	let text = error.to_string();
	text.contains("was not accepted") || text.contains("dispatch error")
}

/// Up to `want` new items to take, none of them in `taken`: in an open task
/// from the first claimable items (starting at a place set by the account, so
/// annotators working at once rarely pick the same), in an assigned task the
/// chain's picks through `claim`, one call each. Empty when there is nothing
/// to take now.
async fn take_items(
	node: &Node,
	key: &Keypair,
	task: u32,
	mode: &AssignmentMode,
	want: usize,
	taken: &[u32],
) -> anyhow::Result<Vec<u32>> {
	let who = account_of(key);
	let at = node.api.at_current_block().await?;
	// The runtime scans a bounded stretch of items per call: follow the
	// pages until some item is free for this annotator or the task ends.
	let mut items: Vec<u32> = Vec::new();
	let mut start = Some(0);
	while let (Some(from), true) = (start, items.is_empty()) {
		let call = runtime::runtime_apis().labeling_api().claimable_items(who, task, from, 100);
		match at.runtime_apis().call(call).await? {
			Ok(page) => {
				items.extend(page.items.into_iter().filter(|item| !taken.contains(item)));
				start = page.next;
			},
			Err(LabelingApiError::TooManyOpenClaims) | Err(LabelingApiError::TaskNotAcceptingWork) =>
				return Ok(Vec::new()),
			Err(LabelingApiError::InsufficientStake) =>
				anyhow::bail!("{who} has too little bonded stake for task {task}: `labelchain bond` first"),
			Err(error) => anyhow::bail!("task {task} takes no work from {who}: {error:?}"),
		}
	}
	if items.is_empty() {
		return Ok(Vec::new());
	}
	match mode {
		AssignmentMode::Open => {
			let start = usize::from(who.0[0]) % items.len();
			Ok(items.iter().cycle().skip(start).take(want.min(items.len())).copied().collect())
		},
		AssignmentMode::Assigned => {
			let mut claimed = Vec::new();
			while claimed.len() < want.min(items.len()) {
				let before = claimed_items(node, &who, task).await?;
				let claim = runtime::tx().label_voting().claim(task);
				match sign_and_finalize(node, &claim, key, "claim").await {
					Ok(_) => {},
					// This annotator holds as many claims as allowed, or the
					// block took all the claims it takes: nothing more now.
					Err(error)
						if ["TooManyOpenClaims", "ClaimQueueFull"]
							.iter()
							.any(|name| error.to_string().contains(name)) =>
						break,
					Err(error) => return Err(error),
				};
				// The chain draws the item at the start of the next block.
				match drawn_claim(node, &who, task, &before).await? {
					Some(item) => claimed.push(item),
					// No item was left: others took the last ones first.
					None => break,
				}
			}
			Ok(claimed)
		},
	}
}

/// The items this annotator holds a live claim on, as the chain says.
async fn claimed_items(node: &Node, who: &AccountId32, task: u32) -> anyhow::Result<Vec<u32>> {
	let work = annotator_work(node, who, task).await?;
	Ok(work
		.into_iter()
		.filter(|entry| matches!(entry.place, WorkPlace::Claimed { .. }))
		.map(|entry| entry.item)
		.collect())
}

/// The item drawn for a claim just finalized: once a block after the one
/// that included it is final, the claim this annotator holds that it did
/// not hold before; `None` if the draw found no item.
async fn drawn_claim(node: &Node, who: &AccountId32, task: u32, before: &[u32]) -> anyhow::Result<Option<u32>> {
	// The claim is in this block or an earlier one.
	let claim_block = node.api.at_current_block().await?.block_number() as u32;
	for _ in 0..600 {
		if node.api.at_current_block().await?.block_number() as u32 > claim_block {
			let now = claimed_items(node, who, task).await?;
			return Ok(now.into_iter().find(|item| !before.contains(item)));
		}
		if !node.seal_block().await {
			tokio::time::sleep(std::time::Duration::from_millis(100)).await;
		}
	}
	anyhow::bail!("no block followed block {claim_block}, where the claim was taken, for a minute")
}

pub async fn work(node: &Node, args: &WorkArgs, key: &Keypair) -> anyhow::Result<()> {
	let who = account_of(key);
	let task = args.task;
	let at = node.api.at_current_block().await?;
	let summary = task_summary(&at, task).await?;
	let max_batch = at.constants().entry(runtime::constants().label_voting().max_batch())?;
	anyhow::ensure!(
		(1..=max_batch as usize).contains(&args.batch),
		"--batch is 1 to {max_batch} (the chain's largest batch), not {}",
		args.batch
	);
	let mut content = ContentStore::open(&args.items)?;
	let gateways = (!args.gateways.is_empty()).then(|| Gateways::new(args.gateways.clone())).transpose()?;
	if let (Some(gateways), Ok(cid)) = (&gateways, cid::Cid::try_from(summary.manifest.as_slice())) {
		gateways.fill(&mut content, &cid).await.context("the task's manifest")?;
	}
	let manifest = Manifest::find(&content, &summary.manifest)?;
	let mut labeler = Labeler::new(&manifest, content, gateways, args.label_with.clone());
	let path = match &args.labels_file {
		Some(path) => path.clone(),
		None => LabelStore::default_path(task, &who)?,
	};
	let mut store = LabelStore::open(path)?;
	println!(
		"task {task}: {} items, classes {}; labels kept in {}",
		summary.terms.item_count,
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
	let mut reported_missed = false;
	let mut unsure = 0;
	loop {
		let duties = duties(node, &who, task).await?;
		let mut stale = Vec::new();
		for item in store.labels.keys() {
			if !still_needed(node, task, *item, &duties.held).await? {
				stale.push(*item);
			}
		}
		if !stale.is_empty() {
			store.labels.retain(|item, _| !stale.contains(item));
			store.save()?;
		}
		if !duties.missed.is_empty() && !reported_missed {
			println!("missed the reveal window of {} (unrevealed commits are slashed)", send::listed("item", &duties.missed));
			reported_missed = true;
		}

		// Reveals go first unless a single one can ride along with a single commit.
		if duties.to_reveal.len() > 1 || (args.batch > 1 && !duties.to_reveal.is_empty()) {
			reveal_or_retry(node, key, task, &store, &duties.to_reveal, max_batch as usize, &mut unsure).await?;
			waited = 0;
			continue;
		}
		let mut batch: Vec<u32> = duties.to_commit.iter().take(args.batch).copied().collect();
		let room = args.max_items.map_or(usize::MAX, |max| max.saturating_sub(taken) as usize);
		if batch.len() < args.batch && room > 0 {
			let want = (args.batch - batch.len()).min(room);
			let new = take_items(node, key, task, &summary.terms.assignment, want, &batch).await?;
			taken += new.len() as u32;
			batch.extend(new);
		}
		if !batch.is_empty() {
			let mut commits = Vec::new();
			let mut stopping = false;
			for item in batch {
				let sealed = match store.labels.get(&item) {
					Some(sealed) => sealed.clone(),
					None => match labeler.label(item).await? {
						Some(label) => SealedLabel::new(label)?,
						None => {
							stopping = true;
							break;
						},
					},
				};
				commits.push((item, H256(sealed.commitment(task, item, &who)?)));
				store.labels.insert(item, sealed);
			}
			// Salts are on disk before their commitments leave.
			store.save()?;
			if !commits.is_empty() {
				let items: Vec<u32> = commits.iter().map(|(item, _)| *item).collect();
				let ride_along = duties.to_reveal.first().copied().filter(|_| commits.len() == 1);
				match send::commit(node, key, task, &store, &commits, ride_along).await {
					Ok(()) => {
						unsure = 0;
						println!("committed {}", send::listed("item", &items));
					},
					// Another annotator filled an item first, or the task
					// stopped taking work: forget these labels and go on.
					Err(error) if certainly_not_committed(&error) => {
						store.labels.retain(|item, _| !items.contains(item));
						store.save()?;
						println!("{} not committed: {error:#}", send::listed("item", &items));
					},
					// The commit may have landed: keep the salts; the next round
					// sees whether it did (then reveals it) or sends it again
					// with the same labels.
					Err(error) => {
						unsure += 1;
						anyhow::ensure!(
							unsure < MAX_UNSURE_SENDS,
							"{unsure} commits in a row ended without an answer, the last: {error:#}; the labels stay in {} for a later `work`",
							store.path().display()
						);
						println!("{} may not have been committed ({error:#}); checking again", send::listed("item", &items));
						continue;
					},
				}
			}
			if stopping {
				println!("no more labels given; stopping (committed labels are kept for revealing)");
				return Ok(());
			}
			waited = 0;
			continue;
		}
		if !duties.to_reveal.is_empty() {
			reveal_or_retry(node, key, task, &store, &duties.to_reveal, max_batch as usize, &mut unsure).await?;
			waited = 0;
			continue;
		}
		if duties.waiting.is_empty() && duties.to_commit.is_empty() {
			println!("nothing more to do on task {task}: {taken} items labeled this run");
			return Ok(());
		}
		// Committed labels wait for their items' other commits.
		if args.no_wait {
			println!(
				"{} wait for their reveal windows; run `work` again to reveal them",
				send::listed("item", &duties.waiting)
			);
			return Ok(());
		}
		anyhow::ensure!(
			waited < max_blocks_waiting,
			"waited {max_blocks_waiting} blocks for reveal windows to open on {}; run `work` again later",
			send::listed("item", &duties.waiting)
		);
		blocks
			.next()
			.await
			.context("the node stopped sending blocks")?
			.context("a finalized block")?;
		waited += 1;
	}
}
