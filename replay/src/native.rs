//! The replay in the native runtime: one `Open` task, one funded and bonded
//! account per worker, and the driver's calls made directly on the real
//! labeling pallets, one at a time, with a block every `labels_per_block`
//! labels (the policy is the driver's, in `driver.rs`).

use anyhow::anyhow;
use codec::Encode;
use frame_support::{traits::Get, BoundedVec};
use labelchain_primitives::{cid::EXAMPLE_CID, reputation::Tier, task::AssignmentMode};
use labelchain_runtime::{
	currency::UNIT, AccountId, AnnotatorStake, Balance, LabelVoting, Reputation, Runtime, RuntimeOrigin, System,
	Tasks,
};
use pallet_label_voting::ItemPhase;
use sp_core::H256;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{DispatchError, Perbill};

use crate::{
	dataset::Dataset,
	driver::{self, Chain, Commit, GoldReveal, NewTask, Pace, Policy, Reveal, Tallied},
	outcome::{DecidedBy, Outcome},
	plan::Plan,
};

/// How a replay runs. The chain's own parameters (reputation prior, gold
/// weight, weight cap) are the runtime's unless `reputation` replaces them.
#[derive(Clone, Debug)]
pub struct Settings {
	/// The share of items (with a true answer) the requester hides gold for;
	/// their labels come first in the stream, as a requester seeds gold.
	pub gold_share: f64,
	/// The task's target accuracy: the posterior the winning label needs to
	/// be accepted without an expert. 90 %: a label the crowd settles is to
	/// be as likely right as one careful annotator's.
	pub target_accuracy: Perbill,
	/// The labels every item takes at first (`r_min`), adaptive from there
	/// to the most the file gives an item (`r_max`, at most the chain's
	/// `MaxRedundancy`). 2: the fewest that can settle an item, as the
	/// crowd needs two annotators to agree. `None`: fixed redundancy, every
	/// item takes all its labels.
	pub min_redundancy: Option<u32>,
	/// What the requester pays each accepted label.
	pub reward_per_label: Balance,
	/// Labels committed per block.
	pub labels_per_block: u32,
	/// Replay the labels in a seeded random order instead of the file's.
	pub shuffle: bool,
	pub seed: u64,
	/// Disputed items go to an expert who answers with the truth; without
	/// experts, a disputed item takes its top-weighted label.
	pub experts: bool,
	/// Simulated spammers (uniform random labels) as this share of all workers.
	pub spammer_share: f64,
	pub reputation: Option<pallet_reputation::Parameters>,
}

impl Default for Settings {
	fn default() -> Self {
		Self {
			gold_share: 0.10,
			target_accuracy: Perbill::from_percent(90),
			min_redundancy: Some(2),
			reward_per_label: UNIT / 20,
			labels_per_block: 20,
			shuffle: false,
			seed: 2026,
			experts: true,
			spammer_share: 0.0,
			reputation: None,
		}
	}
}

fn account(kind: &str, index: u32) -> AccountId {
	AccountId::from(sp_io::hashing::blake2_256(&(b"labelchain-replay", kind, index).encode()))
}

fn check<T>(result: Result<T, impl Into<DispatchError>>, what: &str) -> anyhow::Result<()> {
	result.map(|_| ()).map_err(|error| anyhow!("{what}: {:?}", error.into()))
}

fn check_post<T>(
	result: Result<T, sp_runtime::DispatchErrorWithPostInfo<frame_support::dispatch::PostDispatchInfo>>,
	what: &str,
) -> anyhow::Result<()> {
	result.map(|_| ()).map_err(|error| anyhow!("{what}: {:?}", error.error))
}

/// Replays `data` under `settings`.
pub fn replay(data: &Dataset, settings: &Settings) -> anyhow::Result<Outcome> {
	let most: u32 = <Runtime as pallet_label_voting::Config>::MaxRedundancy::get();
	let plan = Plan::new(data, settings.gold_share, settings.spammer_share, settings.shuffle, settings.seed, most)?;
	let worker_count = data.workers.len() as u32 + plan.spammers;

	// Every worker is funded at genesis; they bond most of it.
	let fund = 10_000 * UNIT;
	let workers: Vec<AccountId> = (0..worker_count).map(|worker| account("worker", worker)).collect();
	let endowed = workers.iter().map(|who| (who.clone(), fund));
	let storage = labelchain_runtime::genesis_config_presets::genesis_storage(&PresetId::from(DEV_RUNTIME_PRESET), endowed)
		.map_err(|error| anyhow!("genesis: {error}"))?;
	let mut ext: sp_io::TestExternalities = storage.into();

	let policy = Policy {
		experts: settings.experts,
		pace: Pace::OneByOne { labels_per_block: settings.labels_per_block },
		min_redundancy: settings.min_redundancy,
	};
	ext.execute_with(|| {
		let mut chain = Native::start(settings, workers)?;
		driver::ready(driver::run(&mut chain, data, &plan, policy))
	})
}

/// The native runtime as the driver's chain; calls run inside the replay's
/// externalities.
struct Native<'a> {
	settings: &'a Settings,
	task: u32,
	item_count: u32,
	workers: Vec<AccountId>,
	expert: AccountId,
	requester: AccountId,
}

impl<'a> Native<'a> {
	/// Block 1, the reputation parameters, and every account bonded.
	fn start(settings: &'a Settings, workers: Vec<AccountId>) -> anyhow::Result<Self> {
		System::set_block_number(1);
		if let Some(parameters) = settings.reputation {
			check(Reputation::set_parameters(RuntimeOrigin::root(), parameters), "set_parameters")?;
		}
		for who in workers.iter() {
			check(AnnotatorStake::bond(RuntimeOrigin::signed(who.clone()), 9_000 * UNIT), "bond")?;
		}
		Ok(Self {
			settings,
			task: 0,
			item_count: 0,
			workers,
			expert: Sr25519Keyring::Ferdie.to_account_id(),
			requester: Sr25519Keyring::Alice.to_account_id(),
		})
	}

	fn worker(&self, worker: u32) -> RuntimeOrigin {
		RuntimeOrigin::signed(self.workers[worker as usize].clone())
	}

	fn requester(&self) -> RuntimeOrigin {
		RuntimeOrigin::signed(self.requester.clone())
	}
}

impl Chain for Native<'_> {
	const CALLS_LAND_AFTER: u32 = 0;

	fn account(&self, worker: u32) -> [u8; 32] {
		<[u8; 32]>::from(self.workers[worker as usize].clone())
	}

	async fn create_task(&mut self, task: &NewTask) -> anyhow::Result<u32> {
		self.task = pallet_tasks::NextTaskId::<Runtime>::get();
		self.item_count = task.item_count;
		let commitments = task.gold_commitments.iter().map(|hash| H256(*hash)).collect::<Vec<_>>();
		check(
			Tasks::create_task(
				self.requester(),
				pallet_tasks::TaskSpec {
					manifest: BoundedVec::truncate_from(EXAMPLE_CID.to_vec()),
					item_count: task.item_count,
					class_count: task.class_count,
					min_redundancy: task.min_redundancy as u8,
					max_redundancy: task.redundancy as u8,
					target_accuracy: self.settings.target_accuracy,
					reward_per_label: self.settings.reward_per_label,
					dispute_budget: Balance::from(task.item_count) *
						<Runtime as pallet_label_voting::Config>::ExpertFee::get(),
					deadline: 100_000_000,
					min_tier: Tier::Newcomer,
					min_stake: 0,
					assignment: AssignmentMode::Open,
					domain: 0,
					gold_commitments: BoundedVec::truncate_from(commitments),
				},
			),
			"create_task",
		)?;
		Ok(self.task)
	}

	async fn stop_labeling(&mut self) -> anyhow::Result<()> {
		check(Tasks::cancel_task(self.requester(), self.task), "cancel_task")
	}

	async fn commit(&mut self, commits: &[Commit]) -> anyhow::Result<()> {
		for commit in commits {
			let origin = self.worker(commit.worker);
			check_post(LabelVoting::commit(origin, self.task, commit.item, H256(commit.hash)), "commit")?;
		}
		Ok(())
	}

	async fn reveal(&mut self, reveals: &[Reveal]) -> anyhow::Result<()> {
		for reveal in reveals {
			let origin = self.worker(reveal.worker);
			check_post(LabelVoting::reveal(origin, self.task, reveal.item, reveal.label, reveal.salt), "reveal")?;
		}
		Ok(())
	}

	async fn tallied(&mut self, items: &[u32]) -> anyhow::Result<Vec<Tallied>> {
		items
			.iter()
			.map(|item| {
				let state = pallet_label_voting::Items::<Runtime>::get(self.task, item);
				Ok(match state.ok_or_else(|| anyhow!("a tallied item is in progress"))?.phase {
					ItemPhase::Accepted { appeal_ends_at, .. } => Tallied::Accepted { appeal_ends_at },
					ItemPhase::Disputed { .. } => Tallied::Disputed,
					ItemPhase::Labeling => Tallied::MoreWanted,
					other => Tallied::Other(format!("{other:?}")),
				})
			})
			.collect()
	}

	async fn tally(&mut self, item: u32) -> anyhow::Result<Vec<(u16, u32)>> {
		let tally = pallet_label_voting::Pallet::<Runtime>::item_tally(self.task, item)
			.map_err(|error| anyhow!("item {item}: {error:?}"))?;
		Ok(tally.iter().map(|entry| (entry.label, entry.share.deconstruct())).collect())
	}

	async fn settle(&mut self, gold: &[GoldReveal], disputes: &[(u32, u16)]) -> anyhow::Result<()> {
		for gold in gold {
			check_post(
				LabelVoting::reveal_gold(self.requester(), self.task, gold.item, gold.gold_index, gold.answer, gold.salt),
				"reveal_gold",
			)?;
		}
		for (item, label) in disputes {
			let expert = RuntimeOrigin::signed(self.expert.clone());
			check_post(LabelVoting::resolve_dispute(expert, self.task, *item, *label), "resolve_dispute")?;
		}
		Ok(())
	}

	async fn finalize(&mut self, items: &[u32]) -> anyhow::Result<()> {
		let most: u32 = <Runtime as pallet_label_voting::Config>::MaxBatch::get();
		for chunk in items.chunks(most as usize) {
			let items = BoundedVec::truncate_from(chunk.to_vec());
			check_post(LabelVoting::finalize_items(self.requester(), self.task, items), "finalize_items")?;
		}
		Ok(())
	}

	async fn block(&mut self) -> anyhow::Result<u32> {
		Ok(System::block_number())
	}

	async fn next_block(&mut self) -> anyhow::Result<()> {
		System::set_block_number(System::block_number() + 1);
		Ok(())
	}

	async fn settled(&mut self) -> anyhow::Result<Vec<(u16, DecidedBy)>> {
		pallet_label_voting::Pallet::<Runtime>::do_try_state()
			.map_err(|error| anyhow!("the chain's invariants: {error:?}"))?;
		(0..self.item_count)
			.map(|item| {
				let settled = pallet_label_voting::SettledItems::<Runtime>::get(self.task, item)
					.ok_or_else(|| anyhow!("item {item} did not settle"))?;
				Ok((settled.label, DecidedBy::from(settled.decided_by)))
			})
			.collect()
	}

	async fn net_earnings(&mut self) -> anyhow::Result<Vec<f64>> {
		let lbl = |amount: Balance| amount as f64 / UNIT as f64;
		Ok(self
			.workers
			.iter()
			.map(|who| {
				let earnings = pallet_label_voting::Earnings::<Runtime>::get(who);
				lbl(earnings.label_rewards) - lbl(earnings.slashed)
			})
			.collect())
	}
}
