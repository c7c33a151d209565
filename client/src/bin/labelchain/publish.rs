//! `labelchain publish`: a folder of items becomes a task. Writes the
//! manifest, a CAR archive of items and manifest, and the gold file (salts
//! the requester must keep), then creates the task with its budget in escrow.

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::{Args, ValueEnum};
use labelchain_client::{
	accounts::account_of,
	amount::{format_lbl, parse_lbl},
	content::{folder_items, Item},
	ipfs::car_v1,
	manifest::{Manifest, ManifestItem, FORMAT},
	node::Node,
	runtime::{
		self,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			labelchain_primitives::{task::AssignmentMode, reputation::Tier},
			pallet_tasks::types::TaskSpec,
			sp_arithmetic::per_things::Perbill,
		},
	},
	secrets::{write_atomically, GoldFile, GoldSecret},
	transact::{free_balance, sign_and_finalize},
};
use subxt::utils::H256;
use subxt_signer::sr25519::Keypair;

#[derive(Args, Debug)]
pub struct PublishArgs {
	/// The folder of items: one item per file, one per line of a `.jsonl` file.
	folder: PathBuf,
	/// The label classes, in label order: `cat,dog,bird`.
	#[arg(long, value_delimiter = ',', required = true)]
	classes: Vec<String>,
	/// What annotators are asked to do.
	#[arg(long, default_value = "")]
	instructions: String,
	/// Where the manifest, items.car and gold.json are written.
	#[arg(long)]
	out: PathBuf,
	/// The most annotators an item may have (`r_max`): the budget holds this
	/// many labels an item, and what items do not use comes back at close.
	#[arg(long, alias = "redundancy", default_value_t = 3)]
	max_redundancy: u8,
	/// Annotators every item has at first (`r_min`); an item the crowd is
	/// not sure of then asks for one more at a time, up to
	/// --max-redundancy. Defaults to --max-redundancy (fixed redundancy).
	#[arg(long)]
	min_redundancy: Option<u8>,
	/// LBL paid for each accepted label.
	#[arg(long)]
	reward: String,
	/// LBL set aside to pay experts for disputed items and appeals: at least
	/// one expert's fee, unless --no-experts.
	#[arg(long, default_value = "0")]
	dispute_budget: String,
	/// Publish without a budget for experts: disputes then wait out the
	/// expert timeout and settle by the fallback (a two-annotator plurality),
	/// or stay unresolved with their budget refunded; appeals are refused.
	#[arg(long)]
	no_experts: bool,
	/// How sure the crowd must be to accept a label without an expert: the
	/// winning label's least posterior probability, in percent (above 50).
	#[arg(long, alias = "threshold", default_value_t = 60.0)]
	target_accuracy: f64,
	/// How many blocks from now the task takes work (6 s blocks: 14,400 a day).
	#[arg(long, default_value_t = 14_400)]
	deadline_blocks: u32,
	/// The lowest reputation tier admitted.
	#[arg(long, value_enum, default_value = "newcomer")]
	min_tier: TierArg,
	/// LBL of bonded stake an annotator needs, on top of the chain's minimum.
	#[arg(long, default_value = "0")]
	min_stake: String,
	/// Who picks items: the chain (`assigned`) or the annotator (`open`).
	#[arg(long, value_enum, default_value = "assigned")]
	assignment: AssignmentArg,
	/// The reputation domain the labels count towards (0: general).
	#[arg(long, default_value_t = 0)]
	domain: u32,
	/// Hidden gold answers: a CSV of `item,answer` (item by name or index,
	/// answer by class name or index).
	#[arg(long)]
	gold: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum TierArg {
	Newcomer,
	Qualified,
	Trusted,
	Expert,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum AssignmentArg {
	Assigned,
	Open,
}

/// The gold answers of a CSV: one `item,answer` per line, an optional
/// `item,answer` header, items by name (as the manifest has them) or index.
fn read_gold(path: &Path, manifest: &Manifest) -> anyhow::Result<Vec<GoldSecret>> {
	let text = std::fs::read_to_string(path)
		.with_context(|| format!("reading the gold answers {}", path.display()))?;
	let mut answers = Vec::new();
	let mut seen = std::collections::BTreeSet::new();
	for (number, line) in text
		.lines()
		.enumerate()
		.map(|(index, line)| (index + 1, line.trim()))
	{
		if line.is_empty() || (number == 1 && line.eq_ignore_ascii_case("item,answer")) {
			continue;
		}
		let (item, answer) = line
			.rsplit_once(',')
			.with_context(|| format!("{}:{number}: expected `item,answer`", path.display()))?;
		let item = match manifest
			.items
			.iter()
			.position(|listed| listed.name == item.trim())
		{
			Some(index) => index as u32,
			None => item
				.trim()
				.parse::<u32>()
				.ok()
				.filter(|index| (*index as usize) < manifest.items.len())
				.with_context(|| {
					format!(
						"{}:{number}: no item named or numbered {item:?}",
						path.display()
					)
				})?,
		};
		anyhow::ensure!(
			seen.insert(item),
			"{}:{number}: item {item} has a gold answer already",
			path.display()
		);
		let answer = manifest
			.parse_label(answer)
			.with_context(|| format!("{}:{number}", path.display()))?;
		answers.push(GoldSecret::new(answers.len() as u32, item, answer)?);
	}
	Ok(answers)
}

fn manifest_of(items: &[Item], args: &PublishArgs) -> anyhow::Result<Manifest> {
	anyhow::ensure!(
		(2..=256).contains(&args.classes.len()),
		"a task has 2 to 256 classes, not {}",
		args.classes.len()
	);
	Ok(Manifest {
		format: FORMAT.into(),
		classes: args
			.classes
			.iter()
			.map(|class| class.trim().to_string())
			.collect(),
		instructions: args.instructions.clone(),
		items: items
			.iter()
			.map(|item| ManifestItem {
				cid: item.cid().to_string(),
				name: item.name.clone(),
			})
			.collect(),
	})
}

pub async fn publish(node: &Node, args: &PublishArgs, key: &Keypair) -> anyhow::Result<()> {
	let items = folder_items(&args.folder)?;
	let manifest = manifest_of(&items, args)?;
	let manifest_bytes = manifest.to_bytes();
	let manifest_cid = manifest.cid();
	let gold = args
		.gold
		.as_deref()
		.map(|path| read_gold(path, &manifest))
		.transpose()?
		.unwrap_or_default();

	let reward = parse_lbl(&args.reward)?;
	let dispute_budget = parse_lbl(&args.dispute_budget)?;
	let at = node.api.at_current_block().await?;
	let expert_fee = at.constants().entry(runtime::constants().label_voting().expert_fee())?;
	let expert_timeout = at.constants().entry(runtime::constants().label_voting().expert_timeout())?;
	anyhow::ensure!(
		dispute_budget >= expert_fee || args.no_experts,
		"a dispute budget of {} LBL cannot pay one expert (the fee is {} LBL): every item the crowd \
		 cannot settle would wait {expert_timeout} blocks and then take the fallback (the label with a \
		 strict plurality and two annotators, else no label and its budget refunded), and no label \
		 could be appealed. Give --dispute-budget of at least {} LBL, or --no-experts to publish anyway",
		format_lbl(dispute_budget),
		format_lbl(expert_fee),
		format_lbl(expert_fee),
	);
	// The chain says what it will hold (the protocol fee and the gold bonds
	// included): the tasks pallet's rule, not a copy of it.
	let quote_call = runtime::runtime_apis().labeling_api().task_budget(
		items.len() as u32,
		args.max_redundancy,
		reward,
		dispute_budget,
		gold.len() as u32,
	);
	let quote = at
		.runtime_apis()
		.call(quote_call)
		.await?
		.map_err(|error| anyhow::anyhow!("the chain cannot price this task: {error:?}"))?;
	let budget = quote.total;
	let requester = account_of(key);
	let free = free_balance(&at, &requester).await?;
	anyhow::ensure!(
		free > budget,
		"{requester} has {} free, short of the budget {} ({} items × {} × ({} + a protocol fee of {}) + {} for \
		 disputes + {} of gold bonds, {} answers × {}, returned at close for each answer that stands + a storage \
		 deposit of {}, returned once the closed task's storage is removed) and the transaction fee",
		format_lbl(free),
		format_lbl(budget),
		items.len(),
		args.max_redundancy,
		format_lbl(reward),
		format_lbl(quote.fee_per_label),
		format_lbl(dispute_budget),
		format_lbl(quote.gold_bonds),
		gold.len(),
		format_lbl(quote.gold_bond),
		format_lbl(quote.storage_deposit),
	);
	anyhow::ensure!(
		args.target_accuracy > 50.0 && args.target_accuracy <= 100.0,
		"the target accuracy is a percentage above 50, not {}",
		args.target_accuracy
	);
	let min_redundancy = args.min_redundancy.unwrap_or(args.max_redundancy);
	anyhow::ensure!(
		min_redundancy >= 1 && min_redundancy <= args.max_redundancy,
		"--min-redundancy {min_redundancy} must be from 1 to --max-redundancy {}",
		args.max_redundancy
	);

	let gold_path = args.out.join("gold.json");
	// A gold file holds the only copy of its salts: never write over one.
	anyhow::ensure!(
		!gold_path.exists(),
		"{} already exists (the salts of an earlier task's gold); publish into another --out folder",
		gold_path.display()
	);

	// Everything the task needs off chain is on disk before it exists.
	std::fs::create_dir_all(&args.out)
		.with_context(|| format!("creating {}", args.out.display()))?;
	write_atomically(&args.out.join("manifest.json"), &manifest_bytes)?;
	let cids: Vec<_> = items.iter().map(Item::cid).collect();
	let blocks = cids
		.iter()
		.zip(&items)
		.map(|(cid, item)| (cid, item.bytes.as_slice()));
	let car = car_v1(
		&[manifest_cid],
		blocks.chain([(&manifest_cid, manifest_bytes.as_slice())]),
	);
	write_atomically(&args.out.join("items.car"), &car)?;
	let mut gold_file = GoldFile {
		task: None,
		manifest: manifest_cid.to_string(),
		answers: gold,
	};
	if !gold_file.answers.is_empty() {
		gold_file.write(&gold_path)?;
	}

	let at = node.api.at_current_block().await?;
	let spec = TaskSpec {
		manifest: BoundedVec(manifest_cid.to_bytes()),
		item_count: items.len() as u32,
		class_count: manifest.classes.len() as u16,
		min_redundancy,
		max_redundancy: args.max_redundancy,
		target_accuracy: Perbill((args.target_accuracy * 10_000_000.0).round() as u32),
		reward_per_label: reward,
		dispute_budget,
		deadline: (at.block_number() as u32).saturating_add(args.deadline_blocks),
		min_tier: match args.min_tier {
			TierArg::Newcomer => Tier::Newcomer,
			TierArg::Qualified => Tier::Qualified,
			TierArg::Trusted => Tier::Trusted,
			TierArg::Expert => Tier::Expert,
		},
		min_stake: parse_lbl(&args.min_stake)?,
		assignment: match args.assignment {
			AssignmentArg::Assigned => AssignmentMode::Assigned,
			AssignmentArg::Open => AssignmentMode::Open,
		},
		domain: args.domain,
		gold_commitments: BoundedVec(
			gold_file
				.answers
				.iter()
				.map(|answer| answer.commitment().map(H256))
				.collect::<anyhow::Result<_>>()?,
		),
	};
	let events = sign_and_finalize(
		node,
		&runtime::tx().tasks().create_task(spec),
		key,
		"create_task",
	)
	.await?;
	let created = events
		.find_first::<runtime::tasks::events::TaskCreated>()
		.context("create_task succeeded without a TaskCreated event")??;
	if !gold_file.answers.is_empty() {
		gold_file.task = Some(created.task);
		gold_file.write(&gold_path)?;
	}
	println!(
		"task {} created: {} items, budget {} in escrow",
		created.task,
		items.len(),
		format_lbl(created.budget)
	);
	println!(
		"manifest {manifest_cid} ({})",
		args.out.join("manifest.json").display()
	);
	println!(
		"items and manifest: {} (ipfs dag import)",
		args.out.join("items.car").display()
	);
	if !gold_file.answers.is_empty() {
		println!(
			"{} gold answers hidden; keep {} safe: `labelchain reveal-gold {} --gold {}` reveals them",
			gold_file.answers.len(),
			gold_path.display(),
			created.task,
			gold_path.display()
		);
	}
	Ok(())
}
