//! `labelchain replay`: the real-data replay of `labelchain-replay`, sent to
//! a live node over RPC. The same plan (label stream, gold, spammers) and
//! the same report; here every label is a signed transaction from a fresh
//! account per worker, funded by the requester, and time is the node's
//! blocks. Disputed items go to the expert (a dev expert answers with the
//! truth). Reports the same figures as the native replay.

use std::{collections::BTreeMap, path::PathBuf};

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
				items::{Decision, ItemPhase},
				labeling::{AssignmentMode, Tier},
				runtime_api::ItemSummary,
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
	dataset::Row, figures, outcome::top_weighted, report, DecidedBy, Dataset, ItemResult, Outcome, Plan,
};
use subxt::utils::{AccountId32, MultiAddress, H256};
use subxt_signer::{sr25519::Keypair, DeriveJunction};

use labelchain_primitives::commitment::{gold_commitment, label_commitment};

use crate::chain::{item_summaries, task_summary, AtBlock};

#[derive(Args, Debug)]
pub struct ReplayArgs {
	/// A data set folder with labels.csv (item,worker,label) and truth.csv (item,truth).
	dataset: PathBuf,
	/// Share of items with hidden gold answers.
	#[arg(long, default_value_t = 0.10)]
	gold_share: f64,
	/// The task's agreement threshold, in percent of vote weight.
	#[arg(long, default_value_t = 60)]
	threshold: u32,
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

/// The salt of a worker's label on an item: derived, so a replay is
/// repeatable; these accounts exist only for the replay.
fn salt(worker: u32, item: u32) -> [u8; 32] {
	let mut seed = b"labelchain-replay salt".to_vec();
	seed.extend(worker.to_le_bytes());
	seed.extend(item.to_le_bytes());
	sp_crypto_hashing::blake2_256(&seed)
}

fn gold_salt(item: u32) -> [u8; 32] {
	let mut seed = b"labelchain-replay gold".to_vec();
	seed.extend(item.to_le_bytes());
	sp_crypto_hashing::blake2_256(&seed)
}

/// The replay's state: the task, its accounts and where each item stands.
struct LiveRun<'a> {
	node: &'a Node,
	data: &'a Dataset,
	plan: &'a Plan,
	task: u32,
	requester: &'a Keypair,
	expert: Keypair,
	/// Disputes take their top-weighted label, not the truth.
	no_experts: bool,
	workers: Vec<Keypair>,
	no_shows: Vec<Keypair>,
	max_batch: usize,
	claim_ttl: u32,
	committed: Vec<Vec<(u32, u16)>>,
	/// Items with all their labels, waiting for their no-show's claim to
	/// expire: (item, first block the reveal may open in).
	waiting: Vec<(u32, u32)>,
	/// Accepted items waiting out their appeal window: (item, its last block).
	appealable: Vec<(u32, u32)>,
	disputed: Vec<bool>,
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

impl<'a> LiveRun<'a> {
	async fn now(&self) -> anyhow::Result<u32> {
		Ok(self.node.api.at_current_block().await?.block_number() as u32)
	}

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

	/// Commits a round of labels: one batch per worker, workers at once; a
	/// no-show claims first each item that gets fewer labels than r.
	async fn commit_round(&mut self, rows: &[Row]) -> anyhow::Result<()> {
		let mut claims = Vec::new();
		let mut by_worker: BTreeMap<u32, Vec<(u32, H256)>> = BTreeMap::new();
		for row in rows {
			let item = row.item as usize;
			if self.committed[item].is_empty() && self.plan.expected[item] < self.plan.redundancy {
				let call = voting(VotingCall::claim_item { task: self.task, item: row.item });
				claims.push((&self.no_shows[item], vec![call]));
			}
			let who = account_of(&self.workers[row.worker as usize]);
			let hash = H256(label_commitment(row.label, &salt(row.worker, row.item), &who).0);
			by_worker.entry(row.worker).or_default().push((row.item, hash));
			self.committed[item].push((row.worker, row.label));
		}
		send_all(self.node, claims, "claim_item (no-show)").await?;
		let task = self.task;
		let commits = self.batches(by_worker, |chunk| VotingCall::commit_batch { task, commits: BoundedVec(chunk) });
		send_all(self.node, commits, "commit_batch").await?;
		let now = self.now().await?;
		let mut complete = Vec::new();
		for item in rows.iter().map(|row| row.item).collect::<std::collections::BTreeSet<_>>() {
			if self.committed[item as usize].len() as u32 == self.plan.expected[item as usize] {
				if self.plan.expected[item as usize] == self.plan.redundancy {
					complete.push(item);
				} else {
					self.waiting.push((item, now + self.claim_ttl + 1));
				}
			}
		}
		self.reveal(&complete).await
	}

	/// Every committer of `items` reveals (a batch per worker); the last
	/// reveal tallies each item, which then goes on as `after_tally` says.
	async fn reveal(&mut self, items: &[u32]) -> anyhow::Result<()> {
		if items.is_empty() {
			return Ok(());
		}
		let mut by_worker: BTreeMap<u32, Vec<(u32, u16, [u8; 32])>> = BTreeMap::new();
		for item in items {
			for (worker, label) in &self.committed[*item as usize] {
				by_worker.entry(*worker).or_default().push((*item, *label, salt(*worker, *item)));
			}
		}
		let task = self.task;
		let reveals = self.batches(by_worker, |chunk| VotingCall::reveal_batch { task, reveals: BoundedVec(chunk) });
		send_all(self.node, reveals, "reveal_batch").await?;
		self.after_tally(items).await
	}

	/// The label with the largest share of an item's revealed vote weight now.
	async fn top_weighted_label(&self, at: &AtBlock, item: u32) -> anyhow::Result<u16> {
		let tally = at
			.runtime_apis()
			.call(runtime::runtime_apis().labeling_api().item_tally(self.task, item))
			.await
			.with_context(|| format!("item {item}: reading its tally (labeling API version 2, spec 107 on)"))?
			.map_err(|error| anyhow::anyhow!("item {item}: {error:?}"))?;
		top_weighted(tally.iter().map(|entry| (entry.label, entry.share.0)))
			.with_context(|| format!("item {item} is disputed with nothing revealed"))
	}

	/// Gold is revealed by the requester, disputed items are settled by the
	/// expert with the truth (or their top-weighted label), accepted items
	/// wait out their appeal window.
	async fn after_tally(&mut self, items: &[u32]) -> anyhow::Result<()> {
		let at = self.node.api.at_current_block().await?;
		let (mut gold_calls, mut expert_calls) = (Vec::new(), Vec::new());
		for item in items {
			let summary = at
				.runtime_apis()
				.call(runtime::runtime_apis().labeling_api().item(self.task, *item))
				.await?
				.map_err(|error| anyhow::anyhow!("item {item}: {error:?}"))?;
			let ItemSummary::InProgress { phase, .. } = summary else {
				anyhow::bail!("item {item} is not in progress after its tally");
			};
			let disputed = matches!(phase, ItemPhase::Disputed);
			self.disputed[*item as usize] = disputed;
			if let Some(index) = self.plan.gold.get(item) {
				let answer = self.data.truth[*item as usize].context("gold has a true answer")?;
				gold_calls.push(voting(VotingCall::reveal_gold {
					task: self.task,
					item: *item,
					gold_index: *index,
					answer,
					salt: gold_salt(*item),
				}));
			} else if disputed {
				// Without experts, or without a true answer, an item takes its
				// top-weighted label.
				let truth = self.data.truth[*item as usize].filter(|_| !self.no_experts);
				let label = match truth {
					Some(label) => label,
					None => self.top_weighted_label(&at, *item).await?,
				};
				expert_calls.push(voting(VotingCall::resolve_dispute { task: self.task, item: *item, label }));
			} else if let ItemPhase::Accepted { appeal_ends_at, .. } = phase {
				self.appealable.push((*item, appeal_ends_at));
			}
		}
		send_all(self.node, vec![(self.requester, gold_calls), (&self.expert, expert_calls)], "gold and disputes").await
	}

	/// Moves items on whose time has come: those whose no-show claim expired
	/// open their reveal; those past their appeal window settle.
	async fn step_time(&mut self) -> anyhow::Result<()> {
		let next = self.now().await? + 1;
		let (open, waiting): (Vec<_>, Vec<_>) = self.waiting.drain(..).partition(|(_, at)| *at <= next);
		self.waiting = waiting;
		let (settle, appealable): (Vec<_>, Vec<_>) = self.appealable.drain(..).partition(|(_, ends)| *ends < next);
		self.appealable = appealable;
		let due: Vec<u32> = open.iter().chain(&settle).map(|(item, _)| *item).collect();
		let calls = due
			.chunks(self.max_batch)
			.map(|chunk| voting(VotingCall::finalize_items { task: self.task, items: BoundedVec(chunk.to_vec()) }))
			.collect();
		send_all(self.node, vec![(self.requester, calls)], "finalize_items").await?;
		let open: Vec<u32> = open.into_iter().map(|(item, _)| item).collect();
		self.reveal(&open).await
	}

	/// Waits for the node's next block, sealing one if it is a manually
	/// sealed dev node that only seals on demand.
	async fn next_block(&self) -> anyhow::Result<()> {
		let before = self.now().await?;
		if self.node.seal_block().await {
			return Ok(());
		}
		while self.now().await? == before {
			tokio::time::sleep(std::time::Duration::from_millis(200)).await;
		}
		Ok(())
	}

	async fn outcome(&self) -> anyhow::Result<Outcome> {
		let at = self.node.api.at_current_block().await?;
		let mut items = Vec::with_capacity(self.data.items.len());
		let summaries = item_summaries(&at, self.task, self.data.items.len() as u32).await?;
		for (item, summary) in (0u32..).zip(summaries) {
			let ItemSummary::Settled { record } = summary else { anyhow::bail!("item {item} did not settle") };
			items.push(ItemResult {
				label: record.label,
				decided_by: match record.decided_by {
					Decision::Crowd => DecidedBy::Crowd,
					Decision::Expert => DecidedBy::Expert,
					Decision::Gold => DecidedBy::Gold,
				},
				gold: self.plan.gold.contains_key(&item),
				disputed: self.disputed[item as usize],
			});
		}
		let mut net_earnings = Vec::with_capacity(self.workers.len());
		for worker in &self.workers {
			let call = runtime::runtime_apis().labeling_api().annotator(account_of(worker), 0);
			let earnings = at.runtime_apis().call(call).await?.earnings;
			net_earnings.push((earnings.label_rewards as f64 - earnings.slashed as f64) / UNIT as f64);
		}
		Ok(Outcome {
			items,
			net_earnings,
			spammers: self.plan.spammers,
			rows: self.plan.order.clone(),
			redundancy: self.plan.redundancy,
			over_redundancy: self.plan.over_redundancy,
		})
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
	// A no-show per item (funded only for the items that get fewer labels
	// than the redundancy: their claims must expire).
	let no_shows = replay_keys(task, "no-show", item_count)?;
	let short: Vec<&Keypair> = no_shows
		.iter()
		.zip(&plan.expected)
		.filter(|(_, expected)| **expected < plan.redundancy)
		.map(|(key, _)| key)
		.collect();

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
	// A no-show holds one claim.
	let no_show_bond = minimum + stake_per_label;
	let funded: Vec<(&Keypair, u128)> =
		workers.iter().map(|key| (key, bond)).chain(short.iter().map(|key| (*key, no_show_bond))).collect();
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

	let mut commitments = vec![H256::zero(); plan.gold.len()];
	for (item, index) in &plan.gold {
		let answer = data.truth[*item as usize].context("gold needs a true answer")?;
		commitments[*index as usize] = H256(gold_commitment(*item, answer, &gold_salt(*item)).0);
	}
	let expert_fee = constants.entry(runtime::constants().label_voting().expert_fee())?;
	let manifest = raw_cid(format!("labelchain replay of {}", data.name).as_bytes()).to_bytes();
	let spec = TaskSpec {
		manifest: BoundedVec(manifest),
		item_count,
		class_count: data.class_count(),
		redundancy: plan.redundancy as u8,
		agreement_threshold: Perbill(args.threshold * 10_000_000),
		reward_per_label: REWARD_PER_LABEL,
		dispute_budget: u128::from(item_count) * expert_fee,
		deadline: (at.block_number() as u32).saturating_add(10_000_000),
		min_tier: Tier::Newcomer,
		min_stake: 0,
		assignment: AssignmentMode::Open,
		domain: 0,
		gold_commitments: BoundedVec(commitments),
	};
	let events = sign_and_finalize(node, &runtime::tx().tasks().create_task(spec), requester, "create_task").await?;
	let created = events.find_first::<runtime::tasks::events::TaskCreated>().context("no TaskCreated event")??;
	anyhow::ensure!(created.task == task, "another task was created at the same time; run the replay again");
	eprintln!("replaying {} ({} labels, {worker_count} workers) as task {task}", data.name, plan.order.len());

	let mut run = LiveRun {
		node,
		data: &data,
		plan: &plan,
		task,
		requester,
		expert: labelchain_client::accounts::key_from_spec(&args.expert)?,
		no_experts: args.no_experts,
		workers,
		no_shows,
		max_batch: constants.entry(runtime::constants().label_voting().max_batch())? as usize,
		claim_ttl: constants.entry(runtime::constants().label_voting().claim_ttl())?,
		committed: vec![Vec::new(); data.items.len()],
		waiting: Vec::new(),
		appealable: Vec::new(),
		disputed: vec![false; data.items.len()],
	};
	let started = std::time::Instant::now();
	for (round, rows) in plan.order.chunks(args.labels_per_round.max(1)).enumerate() {
		run.commit_round(rows).await?;
		run.step_time().await?;
		if round % 50 == 49 {
			eprintln!("  {} labels sent, {:.0} s", (round + 1) * args.labels_per_round, started.elapsed().as_secs_f64());
		}
	}
	while !run.waiting.is_empty() || !run.appealable.is_empty() {
		run.next_block().await?;
		run.step_time().await?;
	}
	let summary = task_summary(&node.api.at_current_block().await?, task).await?;
	anyhow::ensure!(summary.progress.settled == item_count, "not every item settled: {:?}", summary.progress);
	let outcome = run.outcome().await?;
	let measured = figures(&data, &outcome);
	let experts = if args.no_experts { "live, no experts" } else { "live, experts" };
	let variant = if plan.spammers > 0 { format!("{experts}, {:.0}% spammers", args.spammers * 100.0) } else { experts.into() };
	println!("{}", report::HEADER);
	println!("{}", report::row(&data.name, &variant, &measured));
	eprintln!("task {task}: {} labels replayed in {:.0} s", plan.order.len(), started.elapsed().as_secs_f64());
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
