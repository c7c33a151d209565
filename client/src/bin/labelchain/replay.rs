//! `labelchain replay`: the real-data replay of `labelchain-replay`, sent to
//! a live node over RPC. The same plan (label stream, gold, spammers), the
//! same driver (`labelchain_replay::driver`: what is sent when) and the same
//! report; here every label is a signed transaction from a fresh account per
//! worker, funded by the requester, and time is the node's blocks. Disputed
//! items go to the expert (a dev expert answers with the truth). Reports the
//! same figures as the native replay.

use std::{collections::BTreeMap, path::PathBuf, time::Instant};

use anyhow::Context;
use clap::Args;
use futures::future::try_join_all;
use labelchain_client::{
	accounts::account_of,
	amount::UNIT,
	ipfs::raw_cid,
	node::Node,
	runtime::{
		self,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			labelchain_primitives::{
				item_lifecycle::{Decision, ItemPhase},
				reputation::Tier,
				runtime_api::ItemSummary,
				task::AssignmentMode,
			},
			labelchain_runtime::RuntimeCall,
			pallet_balances::pallet::Call as BalancesCall,
			pallet_label_voting::pallet::Call as VotingCall,
			pallet_tasks::types::TaskSpec,
			sp_arithmetic::per_things::Perbill,
		},
	},
	transact::sign_and_finalize,
};
use labelchain_replay::{
	driver::{self, Chain, Commit, GoldReveal, NewTask, Pace, Policy, Reveal, Tallied},
	figures, report, DecidedBy, Dataset, Plan,
};
use subxt::utils::{AccountId32, MultiAddress, H256};
use subxt_signer::{sr25519::Keypair, DeriveJunction};

use crate::chain::{item_summaries, task_summary};

#[derive(Args, Debug)]
pub struct ReplayArgs {
	/// A data set folder with labels.csv (item,worker,label) and truth.csv (item,truth).
	dataset: PathBuf,
	/// Share of items with hidden gold answers.
	#[arg(long, default_value_t = 0.10)]
	gold_share: f64,
	/// The task's target accuracy, in percent: the posterior a label needs
	/// to be accepted without an expert.
	#[arg(long, alias = "target-accuracy", default_value_t = 60)]
	threshold: u32,
	/// The labels every item takes at first; an item the chain is not sure
	/// of then takes its next label in the file, one at a time. Without it
	/// every item takes all its labels (fixed redundancy).
	#[arg(long)]
	min_redundancy: Option<u32>,
	/// Simulated spammers (uniform random labels) as this share of all workers.
	#[arg(long, default_value_t = 0.0)]
	spammers: f64,
	/// Replay in a seeded random order instead of the file's.
	#[arg(long)]
	shuffle: bool,
	#[arg(long, default_value_t = 2026)]
	seed: u64,
	/// Labels sent together before waiting for them to be final.
	#[arg(long, default_value_t = 20)]
	labels_per_round: usize,
	/// The expert who settles disputed items (a member of the expert set).
	#[arg(long, default_value = "//Ferdie")]
	expert: String,
	/// The expert (still `--expert`, who signs) settles each disputed item with
	/// its top-weighted label, as the runtime API's `item_tally` weighs it,
	/// instead of the true answer: the crowd's own figures, without experts.
	#[arg(long)]
	no_experts: bool,
	/// Also write the figures here as JSON.
	#[arg(long)]
	json: Option<PathBuf>,
}

/// What each worker is paid per accepted label, as the native replay pays.
const REWARD_PER_LABEL: u128 = UNIT / 20;
/// What each replay account keeps unbonded, for fees.
const FEES: u128 = 10 * UNIT;

/// A live node as the replay driver's chain: each step is signed
/// transactions, a batch per signer, signers at once, each waited on until
/// final; time is the node's blocks.
struct Live<'a> {
	node: &'a Node,
	/// The data set's name, and its labels and workers, for the task's
	/// manifest and the progress lines.
	name: &'a str,
	labels: usize,
	worker_count: u32,
	/// The task's id (read before it is created: the accounts derive from it).
	task: u32,
	item_count: u32,
	threshold: u32,
	deadline: u32,
	expert_fee: u128,
	requester: &'a Keypair,
	expert: Keypair,
	workers: Vec<Keypair>,
	max_batch: usize,
	labels_per_round: usize,
	/// When the task was created.
	started: Instant,
}

/// Sends each signer's calls, signers at once, each signer's in order;
/// fails if any fails.
async fn send_all(node: &Node, per_signer: Vec<(&Keypair, Vec<RuntimeCall>)>, what: &str) -> anyhow::Result<()> {
	try_join_all(per_signer.into_iter().filter(|(_, calls)| !calls.is_empty()).map(|(key, calls)| async move {
		sign_and_finalize(node, &runtime::tx().utility().batch_all(calls), key, what).await
	}))
	.await?;
	Ok(())
}

fn voting(call: VotingCall) -> RuntimeCall {
	RuntimeCall::LabelVoting(call)
}

impl Live<'_> {
	/// Each worker's entries as batch calls of at most `max_batch`, with the
	/// worker's key.
	fn batches<E: Clone>(
		&self,
		by_worker: BTreeMap<u32, Vec<E>>,
		batch: impl Fn(Vec<E>) -> VotingCall,
	) -> Vec<(&Keypair, Vec<RuntimeCall>)> {
		by_worker
			.into_iter()
			.map(|(worker, entries)| {
				let calls = entries.chunks(self.max_batch).map(|chunk| voting(batch(chunk.to_vec()))).collect();
				(&self.workers[worker as usize], calls)
			})
			.collect()
	}
}

impl Chain for Live<'_> {
	const CALLS_LAND_AFTER: u32 = 1;

	fn account(&self, worker: u32) -> [u8; 32] {
		account_of(&self.workers[worker as usize]).0
	}

	async fn create_task(&mut self, task: &NewTask) -> anyhow::Result<u32> {
		let manifest = raw_cid(format!("labelchain replay of {}", self.name).as_bytes()).to_bytes();
		let spec = TaskSpec {
			manifest: BoundedVec(manifest),
			item_count: task.item_count,
			class_count: task.class_count,
			min_redundancy: task.min_redundancy as u8,
			max_redundancy: task.redundancy as u8,
			target_accuracy: Perbill(self.threshold * 10_000_000),
			reward_per_label: REWARD_PER_LABEL,
			dispute_budget: u128::from(task.item_count) * self.expert_fee,
			deadline: self.deadline,
			min_tier: Tier::Newcomer,
			min_stake: 0,
			assignment: AssignmentMode::Open,
			domain: 0,
			gold_commitments: BoundedVec(task.gold_commitments.iter().map(|hash| H256(*hash)).collect()),
		};
		let call = runtime::tx().tasks().create_task(spec);
		let events = sign_and_finalize(self.node, &call, self.requester, "create_task").await?;
		let created = events.find_first::<runtime::tasks::events::TaskCreated>().context("no TaskCreated event")??;
		anyhow::ensure!(created.task == self.task, "another task was created at the same time; run the replay again");
		self.item_count = task.item_count;
		eprintln!(
			"replaying {} ({} labels, {} workers) as task {}",
			self.name, self.labels, self.worker_count, self.task
		);
		self.started = Instant::now();
		Ok(self.task)
	}

	async fn stop_labeling(&mut self) -> anyhow::Result<()> {
		let call = runtime::tx().tasks().cancel_task(self.task);
		sign_and_finalize(self.node, &call, self.requester, "cancel_task").await?;
		Ok(())
	}

	async fn commit(&mut self, commits: &[Commit]) -> anyhow::Result<()> {
		let mut by_worker: BTreeMap<u32, Vec<(u32, H256)>> = BTreeMap::new();
		for commit in commits {
			by_worker.entry(commit.worker).or_default().push((commit.item, H256(commit.hash)));
		}
		let task = self.task;
		let commits = self.batches(by_worker, |chunk| VotingCall::commit_batch { task, commits: BoundedVec(chunk) });
		send_all(self.node, commits, "commit_batch").await
	}

	async fn reveal(&mut self, reveals: &[Reveal]) -> anyhow::Result<()> {
		let mut by_worker: BTreeMap<u32, Vec<(u32, u16, [u8; 32])>> = BTreeMap::new();
		for reveal in reveals {
			by_worker.entry(reveal.worker).or_default().push((reveal.item, reveal.label, reveal.salt));
		}
		let task = self.task;
		let reveals = self.batches(by_worker, |chunk| VotingCall::reveal_batch { task, reveals: BoundedVec(chunk) });
		send_all(self.node, reveals, "reveal_batch").await
	}

	async fn tallied(&mut self, items: &[u32]) -> anyhow::Result<Vec<Tallied>> {
		let at = self.node.api.at_current_block().await?;
		let mut tallied = Vec::with_capacity(items.len());
		for item in items {
			let summary = at
				.runtime_apis()
				.call(runtime::runtime_apis().labeling_api().item(self.task, *item))
				.await?
				.map_err(|error| anyhow::anyhow!("item {item}: {error:?}"))?;
			let ItemSummary::InProgress { phase, .. } = summary else {
				anyhow::bail!("item {item} is not in progress after its tally");
			};
			tallied.push(match phase {
				ItemPhase::Accepted { appeal_ends_at, .. } => Tallied::Accepted { appeal_ends_at },
				ItemPhase::Disputed { .. } => Tallied::Disputed,
				ItemPhase::Labeling => Tallied::MoreWanted,
				other => Tallied::Other(format!("{other:?}")),
			});
		}
		Ok(tallied)
	}

	async fn tally(&mut self, item: u32) -> anyhow::Result<Vec<(u16, u32)>> {
		let tally = self
			.node
			.api
			.at_current_block()
			.await?
			.runtime_apis()
			.call(runtime::runtime_apis().labeling_api().item_tally(self.task, item))
			.await
			.with_context(|| format!("item {item}: reading its tally (labeling API version 2, spec 107 on)"))?
			.map_err(|error| anyhow::anyhow!("item {item}: {error:?}"))?;
		Ok(tally.iter().map(|entry| (entry.label, entry.share.0)).collect())
	}

	async fn settle(&mut self, gold: &[GoldReveal], disputes: &[(u32, u16)]) -> anyhow::Result<()> {
		let task = self.task;
		let gold_calls = gold
			.iter()
			.map(|gold| {
				voting(VotingCall::reveal_gold {
					task,
					item: gold.item,
					gold_index: gold.gold_index,
					answer: gold.answer,
					salt: gold.salt,
				})
			})
			.collect();
		let expert_calls =
			disputes.iter().map(|(item, label)| voting(VotingCall::resolve_dispute { task, item: *item, label: *label })).collect();
		send_all(self.node, vec![(self.requester, gold_calls), (&self.expert, expert_calls)], "gold and disputes").await
	}

	async fn finalize(&mut self, items: &[u32]) -> anyhow::Result<()> {
		let calls: Vec<RuntimeCall> = items
			.chunks(self.max_batch)
			.map(|chunk| voting(VotingCall::finalize_items { task: self.task, items: BoundedVec(chunk.to_vec()) }))
			.collect();
		// The chain's agenda moves the same items by itself in the block these
		// land in: a batch it already did fails alone (`NothingToFinalize`),
		// so the batches are sent to be tried each, not all or nothing.
		if calls.is_empty() {
			return Ok(());
		}
		sign_and_finalize(self.node, &runtime::tx().utility().force_batch(calls), self.requester, "finalize_items").await?;
		Ok(())
	}

	async fn block(&mut self) -> anyhow::Result<u32> {
		Ok(self.node.api.at_current_block().await?.block_number() as u32)
	}

	/// Waits for the node's next block, sealing one if it is a manually
	/// sealed dev node that only seals on demand.
	async fn next_block(&mut self) -> anyhow::Result<()> {
		let before = self.block().await?;
		if self.node.seal_block().await {
			return Ok(());
		}
		while self.block().await? == before {
			tokio::time::sleep(std::time::Duration::from_millis(200)).await;
		}
		Ok(())
	}

	async fn settled(&mut self) -> anyhow::Result<Vec<(u16, DecidedBy)>> {
		let at = self.node.api.at_current_block().await?;
		let summary = task_summary(&at, self.task).await?;
		anyhow::ensure!(summary.progress.settled == self.item_count, "not every item settled: {:?}", summary.progress);
		let summaries = item_summaries(&at, self.task, self.item_count).await?;
		(0u32..)
			.zip(summaries)
			.map(|(item, summary)| {
				let ItemSummary::Settled { record } = summary else { anyhow::bail!("item {item} did not settle") };
				let decided_by = match record.decided_by {
					Decision::Crowd => DecidedBy::Crowd,
					Decision::Expert => DecidedBy::Expert,
					Decision::Gold => DecidedBy::Gold,
					Decision::Fallback => DecidedBy::Fallback,
					Decision::Unresolved => DecidedBy::Unresolved,
				};
				Ok((record.label, decided_by))
			})
			.collect()
	}

	async fn net_earnings(&mut self) -> anyhow::Result<Vec<f64>> {
		let at = self.node.api.at_current_block().await?;
		let mut net_earnings = Vec::with_capacity(self.workers.len());
		for worker in &self.workers {
			let call = runtime::runtime_apis().labeling_api().annotator(account_of(worker), 0);
			let earnings = at.runtime_apis().call(call).await?.earnings;
			net_earnings.push((earnings.label_rewards as f64 - earnings.slashed as f64) / UNIT as f64);
		}
		Ok(net_earnings)
	}

	fn round_done(&mut self, rounds: usize) {
		if rounds.is_multiple_of(50) {
			let sent = rounds * self.labels_per_round;
			eprintln!("  {sent} labels sent, {:.0} s", self.started.elapsed().as_secs_f64());
		}
	}
}

/// Fresh accounts for task `task`'s replay: `//LabelchainReplay//<task>//<kind>//<n>`.
fn replay_keys(task: u32, kind: &str, count: u32) -> anyhow::Result<Vec<Keypair>> {
	let root = Keypair::from_uri(&"//LabelchainReplay".parse()?)?;
	let base = root.derive([DeriveJunction::hard(u64::from(task)), DeriveJunction::hard(kind)]);
	Ok((0..u64::from(count)).map(|index| base.derive([DeriveJunction::hard(index)])).collect())
}

pub async fn replay(node: &Node, args: &ReplayArgs, requester: &Keypair) -> anyhow::Result<()> {
	anyhow::ensure!(
		(51..=100).contains(&args.threshold),
		"--threshold is a percentage above 50, not {}",
		args.threshold
	);
	anyhow::ensure!((0.0..1.0).contains(&args.spammers), "--spammers is a share below 1, not {}", args.spammers);
	anyhow::ensure!((0.0..=1.0).contains(&args.gold_share), "--gold-share is a share, not {}", args.gold_share);
	let data = Dataset::read(&args.dataset)?;
	let at = node.api.at_current_block().await?;
	let constants = at.constants();
	let max_redundancy = constants.entry(runtime::constants().label_voting().max_redundancy())?;
	let plan = Plan::new(&data, args.gold_share, args.spammers, args.shuffle, args.seed, max_redundancy)?;
	let left_out = report::left_out_over_redundancy(&data.name, plan.over_redundancy, max_redundancy);
	for note in report::left_out_of_data_set(&data).into_iter().chain(left_out) {
		eprintln!("{note}");
	}
	let task = at.storage().fetch(runtime::storage().tasks().next_task_id(), ()).await?.decode()?;
	let worker_count = data.workers.len() as u32 + plan.spammers;
	let item_count = data.items.len() as u32;
	let workers = replay_keys(task, "worker", worker_count)?;

	// Every account bonds enough for all its labels to be in flight at once
	// (each locks some stake until it settles) and to lose every gold answer,
	// on top of the minimum stake; it is given that and its fees.
	let mut labels_of = vec![0u128; worker_count as usize];
	for row in &plan.order {
		labels_of[row.worker as usize] += 1;
	}
	let most_labels = labels_of.into_iter().max().unwrap_or(0);
	let stake_per_label = constants.entry(runtime::constants().label_voting().stake_per_label())?;
	let gold_slash = constants.entry(runtime::constants().label_voting().gold_slash())?;
	let minimum = at.storage().fetch(runtime::storage().annotator_stake().minimum_stake(), ()).await?.decode()?;
	let bond = minimum + most_labels * stake_per_label + plan.gold.len() as u128 * gold_slash;
	let funded: Vec<(&Keypair, u128)> = workers.iter().map(|key| (key, bond)).collect();
	let transfers: Vec<RuntimeCall> = funded
		.iter()
		.map(|(key, bond)| {
			let dest = MultiAddress::<AccountId32, ()>::Id(account_of(key));
			RuntimeCall::Balances(BalancesCall::transfer_keep_alive { dest, value: bond + FEES })
		})
		.collect();
	for chunk in transfers.chunks(200) {
		let call = runtime::tx().utility().batch_all(chunk.to_vec());
		sign_and_finalize(node, &call, requester, "funding the replay's accounts").await?;
	}
	for chunk in funded.chunks(50) {
		try_join_all(chunk.iter().map(|(key, bond)| async move {
			sign_and_finalize(node, &runtime::tx().annotator_stake().bond(*bond), key, "bond").await
		}))
		.await?;
	}

	let mut live = Live {
		node,
		name: &data.name,
		labels: plan.order.len(),
		worker_count,
		task,
		item_count,
		threshold: args.threshold,
		deadline: (at.block_number() as u32).saturating_add(10_000_000),
		expert_fee: constants.entry(runtime::constants().label_voting().expert_fee())?,
		requester,
		expert: labelchain_client::accounts::key_from_spec(&args.expert)?,
		workers,
		max_batch: constants.entry(runtime::constants().label_voting().max_batch())? as usize,
		labels_per_round: args.labels_per_round,
		started: Instant::now(),
	};
	let policy = Policy {
		experts: !args.no_experts,
		pace: Pace::Rounds { labels_per_round: args.labels_per_round },
		min_redundancy: args.min_redundancy,
	};
	let outcome = driver::run(&mut live, &data, &plan, policy).await?;
	let mut measured = figures(&data, &outcome);
	match labelchain_replay::dawid_skene(data.items.len(), &outcome.rows) {
		Ok(ds) => measured = measured.with_dawid_skene(&data, &outcome, &ds),
		Err(error) => eprintln!("{}: no Dawid-Skene figures: {error:#}", data.name),
	}
	let experts = if args.no_experts { "live, no experts" } else { "live, experts" };
	let variant = if plan.spammers > 0 { format!("{experts}, {:.0}% spammers", args.spammers * 100.0) } else { experts.into() };
	if let Some(note) = report::gold_note(&data.name, &measured) {
		eprintln!("{note}");
	}
	println!("{}", report::HEADER);
	println!("{}", report::row(&data.name, &variant, &measured));
	eprintln!("task {task}: {} labels replayed in {:.0} s", plan.order.len(), live.started.elapsed().as_secs_f64());
	if let Some(path) = &args.json {
		let mut entry = measured.to_json();
		entry["data_set"] = data.name.clone().into();
		entry["variant"] = variant.into();
		entry["task"] = task.into();
		entry["repeated_labels"] = data.repeated_labels.into();
		entry["blank_labels"] = data.blank_labels.into();
		entry["labels_over_redundancy"] = plan.over_redundancy.into();
		let earned = data.workers.iter().zip(&outcome.net_earnings).map(|(worker, net)| (worker.clone(), (*net).into()));
		entry["worker_net_earnings"] = serde_json::Value::Object(earned.collect());
		std::fs::write(path, serde_json::to_string_pretty(&entry)?)?;
	}
	Ok(())
}
