//! Throughput load generator: against a node running the `benchmark` chain
//! (`labelchain-node --chain benchmark`), it sends pre-signed transactions from
//! many funded accounts and counts what the blocks include, in one run:
//! plain `Balances.transfer_keep_alive`, then labels one call per transaction
//! (`commit`, which on an `Open` task needs no claim first, then `reveal`),
//! then labels one transaction each (`commit_and_reveal`: each commit carries
//! the reveal of the annotator's label before), then labels in batches
//! (`commit_batch`, then `reveal_batch`). It prints
//! each one's rate, from the blocks' own timestamps, and the ratios of labels
//! to transfers.
//!
//!   scripts/throughput.sh      # builds a release node and this tool, runs both

mod calls;
mod plan;

use std::{path::PathBuf, time::Duration};

use anyhow::Context;
use clap::Parser;
use futures::{stream, StreamExt, TryStreamExt};
use labelchain_client::{
	accounts::{account_of, bench_accounts},
	blocks::{BlockLog, BlockRecord},
	node::{Config, Node},
	submit::submit_in_order,
};
use subxt::{config::DefaultExtrinsicParamsBuilder, dynamic, utils::AccountId32, OnlineClientAtBlock};
use subxt_signer::sr25519::{dev, Keypair};

use crate::calls::{TaskShape, UNIT};

#[derive(Parser, Debug)]
#[command(about = "Counts transfers and labels per second that a LabelChain node includes")]
struct Args {
	/// The node's RPC address; it must run the `benchmark` chain.
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	url: String,
	/// Accounts sending transfers (`//Bench//0` up).
	#[arg(long, default_value_t = 2_000)]
	senders: u32,
	/// Accounts labeling (after the senders); each bonds stake first.
	#[arg(long, default_value_t = 1_500)]
	annotators: u32,
	/// Transfers to send.
	#[arg(long, default_value_t = 40_000)]
	transfers: u32,
	/// Labels to send one call per transaction.
	#[arg(long, default_value_t = 30_000)]
	labels: u32,
	/// Labels to send one transaction each (`commit_and_reveal`), per annotator.
	#[arg(long, default_value_t = 40)]
	paired_labels: u32,
	/// Labels per annotator in each wave of the paired load.
	#[arg(long, default_value_t = 10)]
	per_wave: u32,
	/// Labels to send in batches (a block holds tens of thousands: enough for
	/// several full blocks).
	#[arg(long, default_value_t = 150_000)]
	batched_labels: u32,
	/// Labels per batch transaction (at most the runtime's `MaxBatch`, 64).
	#[arg(long, default_value_t = 50)]
	batch: u32,
	/// Annotators per item.
	#[arg(long, default_value_t = 3)]
	redundancy: u8,
	/// Also write the results here as JSON.
	#[arg(long)]
	json: Option<PathBuf>,
}

/// An account with the next nonce it will sign with.
pub struct Sender {
	pub key: Keypair,
	pub account: AccountId32,
	pub nonce: u64,
}

/// Signs calls offline, with explicit nonces, against the chain's metadata.
pub struct Signer {
	at: OnlineClientAtBlock<Config>,
}

impl Signer {
	pub fn sign(&self, call: &calls::Call, sender: &mut Sender) -> anyhow::Result<Vec<u8>> {
		let params = DefaultExtrinsicParamsBuilder::<Config>::new().nonce(sender.nonce).immortal().build();
		let signed = self.at.tx().create_signable_offline(call, params)?.sign(&sender.key)?;
		sender.nonce += 1;
		Ok(signed.into_encoded())
	}
}

/// What one kind of load achieved.
#[derive(Debug)]
struct Measured {
	load: String,
	/// Transactions that succeeded.
	transactions: u64,
	/// Transfers or labels they carried.
	units: u64,
	blocks: u64,
	seconds: f64,
}

impl Measured {
	fn per_second(&self) -> f64 {
		self.units as f64 / self.seconds
	}
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
	let args = Args::parse();
	anyhow::ensure!(args.redundancy >= 1 && args.batch >= 1, "redundancy and batch must be at least 1");
	anyhow::ensure!(
		u32::from(args.redundancy) <= args.annotators,
		"each item needs {} different annotators",
		args.redundancy
	);
	let node = Node::connect(&args.url).await?;
	let log = BlockLog::follow(&node).await?;
	let signer = Signer { at: node.api.at_current_block().await.context("the finalized block")? };

	eprintln!("deriving {} accounts", args.senders + args.annotators);
	let keys = bench_accounts(args.senders + args.annotators)?;
	let mut accounts = with_nonces(&node, keys).await?;
	let mut annotators = accounts.split_off(args.senders as usize);
	let mut senders = accounts;
	let mut requester = with_nonces(&node, vec![dev::alice()]).await?.remove(0);

	// Setup, not measured: annotators bond, Alice opens one task per label load.
	let (single_task, batched_task, paired_task) = open_tasks(&node, &log, &signer, &mut requester, &args).await?;
	let bonds = annotators
		.iter_mut()
		.map(|annotator| Ok(vec![signer.sign(&calls::bond(1_000 * UNIT), annotator)?]))
		.collect::<anyhow::Result<Vec<_>>>()?;
	let bonds = plan::Load { counted: bonds.len() as u64, chains: bonds };
	run(&node, &log, "setup: bond", bonds, "AnnotatorStake.bond", 1).await?;

	let mut results = Vec::new();
	eprintln!("signing {} transfers", args.transfers);
	let transfers = plan::transfers(&signer, &mut senders, args.transfers)?;
	results.push(run(&node, &log, "transfer_keep_alive", transfers, "Balances.transfer_keep_alive", 1).await?);

	eprintln!("signing {} single labels", args.labels);
	let single = plan::single_labels(&signer, &mut annotators, single_task, args.labels, args.redundancy)?;
	let commits = run(&node, &log, "label: commit", single.commits, "LabelVoting.commit", 1).await?;
	let reveals = run(&node, &log, "label: reveal", single.reveals, "LabelVoting.reveal", 1).await?;
	results.push(combine("label, one call per transaction", &commits, &reveals));
	results.extend([commits, reveals]);

	let per_annotator = args.paired_labels;
	eprintln!("signing {per_annotator} paired labels for each annotator");
	let waves = plan::paired_labels(&signer, &mut annotators, paired_task, per_annotator, args.redundancy, args.per_wave)?;
	let last = waves.len() - 1;
	let mut paired: Option<Measured> = None;
	for (index, wave) in waves.into_iter().enumerate() {
		let (name, call) = match index {
			0 => ("paired: first commits", "LabelVoting.commit"),
			index if index == last => ("paired: last reveals", "LabelVoting.reveal"),
			_ => ("paired: commit_and_reveal wave", "LabelVoting.commit_and_reveal"),
		};
		let measured = run(&node, &log, name, wave, call, 1).await?;
		if index != 0 && index != last {
			paired = Some(match paired {
				None => measured,
				Some(before) => add(&before, &measured),
			});
		}
	}
	if let Some(mut paired) = paired {
		paired.load = "label, one transaction each (commit_and_reveal)".into();
		results.push(paired);
	}

	eprintln!("signing {} batched labels", args.batched_labels);
	let batched =
		plan::batched_labels(&signer, &mut annotators, batched_task, args.batched_labels, args.redundancy, args.batch)?;
	let per_batch = u64::from(args.batch);
	let commits =
		run(&node, &log, "batch: commit_batch", batched.commits, "LabelVoting.commit_batch", per_batch).await?;
	let reveals =
		run(&node, &log, "batch: reveal_batch", batched.reveals, "LabelVoting.reveal_batch", per_batch).await?;
	results.push(combine(&format!("label, batches of {}", args.batch), &commits, &reveals));
	results.extend([commits, reveals]);

	report(&results, args.json.as_deref())
}

/// Each account with its next nonce, as the node's pool sees it.
async fn with_nonces(node: &Node, keys: Vec<Keypair>) -> anyhow::Result<Vec<Sender>> {
	stream::iter(keys)
		.map(|key| async move {
			let account = account_of(&key);
			let nonce = node.rpc.system_account_next_index(&account).await.context("an account's nonce")?;
			Ok::<_, anyhow::Error>(Sender { key, account, nonce })
		})
		.buffered(64)
		.try_collect()
		.await
}

/// Opens the single-label, batched-label and paired-label tasks; returns their ids.
async fn open_tasks(
	node: &Node,
	log: &BlockLog,
	signer: &Signer,
	requester: &mut Sender,
	args: &Args,
) -> anyhow::Result<(u32, u32, u32)> {
	let at = node.api.at_current_block().await?;
	let next_id: u32 = at
		.storage()
		.fetch(dynamic::storage::<(), u32>("Tasks", "NextTaskId"), ())
		.await?
		.decode()?;
	let deadline = u32::try_from(log.last_number().max(at.block_number()))? + 100_000;
	let shape = |labels: u32| TaskShape {
		item_count: labels.div_ceil(args.redundancy.into()).max(1),
		redundancy: args.redundancy,
		reward_per_label: UNIT / 100,
		deadline,
	};
	let paired = args.paired_labels.saturating_mul(args.annotators);
	let chain = vec![
		signer.sign(&calls::create_task(&shape(args.labels)), requester)?,
		signer.sign(&calls::create_task(&shape(args.batched_labels)), requester)?,
		signer.sign(&calls::create_task(&shape(paired)), requester)?,
	];
	let tasks = plan::Load { chains: vec![chain], counted: 3 };
	run(node, log, "setup: create_task", tasks, "Tasks.create_task", 1).await?;
	Ok((next_id, next_id + 1, next_id + 2))
}

/// Sends `chains` (one per sender, in nonce order), waits until the blocks
/// have included every `call`, and measures their rate over those blocks.
async fn run(
	node: &Node,
	log: &BlockLog,
	load: &str,
	signed: plan::Load,
	call: &str,
	units_per_call: u64,
) -> anyhow::Result<Measured> {
	let after = log.last_number();
	eprintln!("{load}: sending {} transactions", signed.chains.iter().map(Vec::len).sum::<usize>());
	let submitted = submit_in_order(&node.rpc, signed.chains, 512).await;
	if let Some(reason) = submitted.refused.first() {
		anyhow::bail!("{load}: the node refused {} transactions, e.g. {reason}", submitted.refused.len());
	}
	log.wait_for(call, after, signed.counted, Duration::from_secs(60)).await?;
	let measured = measure(&log.records(), after, load, call, units_per_call)?;
	eprintln!("{load}: {} in {} blocks", measured.units, measured.blocks);
	Ok(measured)
}

/// The rate of `call` over the blocks after `after` that include it: from the
/// timestamp of the block before the first to that of the last. Any failed
/// call makes the run invalid.
fn measure(records: &[BlockRecord], after: u64, load: &str, call: &str, units_per_call: u64) -> anyhow::Result<Measured> {
	let failures: Vec<String> = records
		.iter()
		.filter(|record| record.number > after)
		.flat_map(|record| record.failed.iter())
		.map(|(failure, count)| format!("{count} × {failure}"))
		.collect();
	anyhow::ensure!(failures.is_empty(), "{load}: calls failed: {}", failures.join("; "));
	let including: Vec<&BlockRecord> =
		records.iter().filter(|record| record.number > after && record.succeeded(call) > 0).collect();
	let (Some(first), Some(last)) = (including.first(), including.last()) else {
		anyhow::bail!("{load}: no block included {call}");
	};
	let before = records
		.iter()
		.find(|record| record.number + 1 == first.number)
		.context("the block before the load was not seen")?;
	// Loads run one after another, so these blocks hold this load alone.
	let span: Vec<&BlockRecord> =
		records.iter().filter(|record| (first.number..=last.number).contains(&record.number)).collect();
	let transactions = span.iter().flat_map(|record| record.succeeded.values()).sum();
	let calls: u64 = span.iter().map(|record| record.succeeded(call)).sum();
	Ok(Measured {
		load: load.into(),
		transactions,
		units: calls * units_per_call,
		blocks: last.number - first.number + 1,
		seconds: (last.timestamp_ms - before.timestamp_ms) as f64 / 1000.0,
	})
}

/// Two runs of the same load, as one: their units over their time together.
fn add(first: &Measured, second: &Measured) -> Measured {
	Measured {
		load: first.load.clone(),
		transactions: first.transactions + second.transactions,
		units: first.units + second.units,
		blocks: first.blocks + second.blocks,
		seconds: first.seconds + second.seconds,
	}
}

/// A label needs both stages: its rate is labels over their total time.
fn combine(load: &str, commits: &Measured, reveals: &Measured) -> Measured {
	Measured {
		load: load.into(),
		transactions: commits.transactions + reveals.transactions,
		units: reveals.units,
		blocks: commits.blocks + reveals.blocks,
		seconds: commits.seconds + reveals.seconds,
	}
}

fn report(results: &[Measured], json: Option<&std::path::Path>) -> anyhow::Result<()> {
	let transfers = results.first().context("no transfer figure")?.per_second();
	println!("| load | transactions | transfers or labels | blocks | seconds | per second | × transfers |");
	println!("|---|---:|---:|---:|---:|---:|---:|");
	for result in results {
		println!(
			"| {} | {} | {} | {} | {:.0} | {:.1} | {:.2} |",
			result.load,
			result.transactions,
			result.units,
			result.blocks,
			result.seconds,
			result.per_second(),
			result.per_second() / transfers
		);
	}
	if let Some(path) = json {
		let rows: Vec<serde_json::Value> = results
			.iter()
			.map(|result| {
				serde_json::json!({
					"load": result.load,
					"transactions": result.transactions,
					"units": result.units,
					"blocks": result.blocks,
					"seconds": result.seconds,
					"per_second": result.per_second(),
					"ratio_to_transfers": result.per_second() / transfers,
				})
			})
			.collect();
		std::fs::write(path, serde_json::to_string_pretty(&rows)?)
			.with_context(|| format!("writing {}", path.display()))?;
	}
	Ok(())
}
