//! `labelchain`: the command-line client for annotators and requesters.
//!
//!   labelchain --account //Bob bond 20          # hold 20 LBL as stake
//!   labelchain --account //Bob unbond 5         # start unbonding 5 LBL
//!   labelchain --account //Bob withdraw         # take back what finished unbonding
//!   labelchain --account //Bob tasks            # the open tasks Bob may work on
//!   labelchain stake 5FHne...                   # an account's stake
//!   labelchain status 3 --follow                # task 3's progress until it closes
//!   labelchain --account //Alice publish ./photos --classes cat,dog --reward 0.05 --out ./task
//!   labelchain --account //Bob work 3 --items ./task        # label task 3's items
//!   labelchain --account //Alice reveal-gold 3 --gold ./task/gold.json
//!   labelchain --account //Alice finalize 3     # move on now what the chain would next block
//!   labelchain export 3 --items ./task --out labels.jsonl
//!   labelchain --account //Alice replay replay/data/bluebirds
//!
//! `--account` takes a dev name (`//Alice`), a seed phrase (with derivations)
//! or the path of a file holding one; `--url` the node (default
//! ws://127.0.0.1:9944).

mod chain;
mod export;
mod finalize;
mod gold;
mod labeler;
mod publish;
mod replay;
mod send;
mod work;

use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand};
use labelchain_client::{
	accounts::{account_of, key_from_spec},
	amount::{format_lbl, parse_lbl},
	node::Node,
	runtime,
	transact::sign_and_finalize,
};
use subxt::utils::AccountId32;
use subxt_signer::sr25519::Keypair;

#[derive(Parser, Debug)]
#[command(name = "labelchain", about = "LabelChain's client for annotators and requesters")]
struct Args {
	/// The node's RPC address.
	#[arg(long, global = true, default_value = "ws://127.0.0.1:9944")]
	url: String,
	/// Who signs: a dev name (//Alice), a seed phrase, or a file holding one.
	#[arg(long, global = true)]
	account: Option<String>,
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
	/// Hold AMOUNT LBL of your balance as annotator stake.
	Bond { amount: String },
	/// Start unbonding AMOUNT LBL of stake (slashable until withdrawn).
	Unbond { amount: String },
	/// Take back stake whose unbonding period has ended.
	Withdraw,
	/// An account's stake: bonded, locked behind labels, unbonding.
	Stake {
		/// The account (default: --account's).
		who: Option<String>,
	},
	/// The open tasks; with --account, only those it may take work on now.
	Tasks,
	/// A task's progress; with --follow, redrawn at each finalized block until
	/// the task closes.
	Status {
		task: u32,
		#[arg(long)]
		follow: bool,
	},
	/// Requester: turn a folder of items into a task (manifest, CAR archive,
	/// hidden gold) with its budget in escrow.
	Publish(publish::PublishArgs),
	/// Annotator: take items, label them, commit and reveal.
	Work(work::WorkArgs),
	/// Requester: reveal the gold answers `publish` hid, for tallied items.
	RevealGold {
		task: u32,
		/// The gold file `publish` wrote.
		#[arg(long)]
		gold: PathBuf,
		/// Keep following the chain until every gold item is revealed.
		#[arg(long)]
		wait: bool,
	},
	/// Anyone: move on now the items the chain would move on by itself next
	/// block (tally, settle and pay those whose windows have ended). Optional.
	Finalize { task: u32 },
	/// The labeled data set as JSON lines or CSV, and a quality summary.
	Export(export::ExportArgs),
	/// Anyone: serve the blocks of folders, CAR archives or files (a task's
	/// items.car) as an IPFS trustless gateway, `GET /ipfs/<cid>`, so that
	/// annotators and the web app can fetch a task's items from a requester
	/// who runs no IPFS node. Needs no node.
	ServeItems {
		#[arg(long = "items", required = true)]
		items: Vec<PathBuf>,
		/// The address to listen on.
		#[arg(long, default_value = "127.0.0.1:8080")]
		listen: std::net::SocketAddr,
	},
	/// Replay a crowd data set (labels.csv, truth.csv) on this node, with
	/// --account as requester, and measure its label quality.
	Replay(replay::ReplayArgs),
}

fn signer(args: &Args) -> anyhow::Result<Keypair> {
	let spec = args.account.as_deref().context("this command signs: give --account")?;
	key_from_spec(spec)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
	let args = Args::parse();
	if let Command::ServeItems { items, listen } = &args.command {
		let store = labelchain_client::content::ContentStore::open(items)?;
		let blocks = store.len();
		let bound = labelchain_client::gateway::spawn_server(store, *listen).await?;
		println!("serving {blocks} blocks at http://{bound}/ipfs/<cid> (Ctrl-C stops)");
		return std::future::pending().await;
	}
	let node = Node::connect(&args.url).await?;
	match &args.command {
		Command::Bond { amount } => {
			let amount = parse_lbl(amount)?;
			let call = runtime::tx().annotator_stake().bond(amount);
			sign_and_finalize(&node, &call, &signer(&args)?, "bond").await?;
			println!("bonded {}", format_lbl(amount));
		},
		Command::Unbond { amount } => {
			let amount = parse_lbl(amount)?;
			let call = runtime::tx().annotator_stake().unbond(amount);
			sign_and_finalize(&node, &call, &signer(&args)?, "unbond").await?;
			println!("unbonding {}", format_lbl(amount));
		},
		Command::Withdraw => {
			let call = runtime::tx().annotator_stake().withdraw();
			sign_and_finalize(&node, &call, &signer(&args)?, "withdraw").await?;
			println!("withdrawn");
		},
		Command::Stake { who } => {
			let who: AccountId32 = match who {
				Some(address) => address.parse().map_err(|_| anyhow::anyhow!("not an address: {address}"))?,
				None => account_of(&signer(&args)?),
			};
			let at = node.api.at_current_block().await?;
			let summary = at.runtime_apis().call(runtime::runtime_apis().labeling_api().annotator(who, 0)).await?;
			let stake = summary.stake;
			let unbonding: u128 = stake.unbonding.iter().map(|chunk| chunk.amount).sum();
			println!(
				"{who}: bonded {}, locked behind labels {}, unbonding {}, withdrawable now {}",
				format_lbl(stake.bonded),
				format_lbl(stake.locked),
				format_lbl(unbonding),
				format_lbl(stake.withdrawable)
			);
		},
		Command::Tasks => {
			let annotator = args.account.as_deref().map(key_from_spec).transpose()?.map(|key| account_of(&key));
			let at = node.api.at_current_block().await?;
			let mut start = 0;
			println!("task  items  classes  r  reward/label  deadline  requester");
			loop {
				let page = at
					.runtime_apis()
					.call(runtime::runtime_apis().labeling_api().open_tasks(start, 100, annotator))
					.await?;
				for task in &page.tasks {
					println!(
						"{:>4}  {:>5}  {:>7}  {}  {:>12}  {:>8}  {}",
						task.id,
						task.terms.item_count,
						task.terms.class_count,
						task.terms.max_redundancy,
						format_lbl(task.terms.reward_per_label),
						task.terms.deadline,
						task.terms.requester
					);
				}
				match page.next {
					Some(next) => start = next,
					None => break,
				}
			}
		},
		Command::Status { task, follow } => {
			let at = node.api.at_current_block().await?;
			let first = task_line(&at, *task).await?;
			println!("{first}");
			if *follow && !first.ends_with("closed") {
				let mut blocks = node.api.stream_blocks().await.context("following finalized blocks")?;
				let seen = at.block_number();
				while let Some(block) = blocks.next().await {
					let block = block.context("a finalized block")?;
					// The stream may start with finalized blocks already seen.
					if block.number() <= seen {
						continue;
					}
					let line = task_line(&block.at().await?, *task).await?;
					println!("#{} {line}", block.number());
					if line.ends_with("closed") {
						break;
					}
				}
			}
		},
		Command::Publish(publish_args) => publish::publish(&node, publish_args, &signer(&args)?).await?,
		Command::Work(work_args) => work::work(&node, work_args, &signer(&args)?).await?,
		Command::RevealGold { task, gold, wait } => {
			let revealed = gold::reveal_gold(&node, *task, gold, *wait, &signer(&args)?).await?;
			println!("{revealed} gold answers revealed");
		},
		Command::Finalize { task } => {
			let (finalized, settled) = finalize::finalize(&node, *task, &signer(&args)?).await?;
			println!("{finalized} items were due and moved on ({settled} had settled before)");
		},
		Command::Export(export_args) => export::export(&node, export_args).await?,
		Command::Replay(replay_args) => replay::replay(&node, replay_args, &signer(&args)?).await?,
		// Served above, before connecting to a node.
		Command::ServeItems { .. } => {},
	}
	Ok(())
}

/// One line of a task's progress: a bar of settled items, each phase's count,
/// the escrow left, and its status (the last word).
async fn task_line(at: &subxt::OnlineClientAtBlock<labelchain_client::node::Config>, task: u32) -> anyhow::Result<String> {
	let summary = at
		.runtime_apis()
		.call(runtime::runtime_apis().labeling_api().task(task))
		.await?
		.with_context(|| format!("no task {task}"))?;
	let progress = &summary.progress;
	let items = summary.terms.item_count.max(1);
	let filled = (progress.settled as usize * 30) / items as usize;
	let status = match summary.terms.status {
		runtime::runtime_types::labelchain_primitives::task::TaskStatus::Open => "open",
		runtime::runtime_types::labelchain_primitives::task::TaskStatus::Cancelled => "cancelled",
		runtime::runtime_types::labelchain_primitives::task::TaskStatus::Closed => "closed",
	};
	// When the chain next moves the task on by itself (no one need call
	// finalize), seen from the block this line is for.
	let next_step = match summary.next_step_at {
		Some(block) => format!("next automatic step at #{block} (in {} blocks); ", block.saturating_sub(at.block_number() as u32)),
		None => String::new(),
	};
	Ok(format!(
		"task {task} [{}{}] {}/{} settled; labeling {}, revealing {}, accepted {}, disputed {}, appealed {}, untouched {}; escrow held {}; {next_step}{status}",
		"#".repeat(filled),
		"-".repeat(30 - filled),
		progress.settled,
		summary.terms.item_count,
		progress.labeling,
		progress.revealing,
		progress.accepted,
		progress.disputed,
		progress.appealed,
		progress.untouched,
		format_lbl(summary.escrow.held),
	))
}
