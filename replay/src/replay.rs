//! Runs a data set through the real labeling pallets in the native runtime:
//! one `Open` task, one funded and bonded account per worker, every label
//! committed in stream order and revealed as soon as its item's reveal window
//! opens, gold revealed by the requester as soon as a gold item is tallied,
//! disputes settled by an expert, accepted items settled after their appeal
//! window in batches.

use std::collections::BTreeMap;

use anyhow::{anyhow, bail, Context};
use codec::Encode;
use frame_support::{traits::Get, BoundedVec};
use labelchain_primitives::{
	items::{Decision, ItemPhase},
	labeling::{AssignmentMode, Tier},
};
use labelchain_runtime::{
	currency::UNIT, AccountId, AnnotatorStake, Balance, LabelVoting, Reputation, Runtime, RuntimeOrigin, System,
	Tasks,
};
use sp_core::H256;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{DispatchError, Perbill};

use crate::{
	dataset::{Dataset, Row},
	outcome::{top_weighted, DecidedBy, ItemResult, Outcome},
	plan::Plan,
};

/// How a replay runs. The chain's own parameters (reputation prior, gold
/// weight, weight cap) are the runtime's unless `reputation` replaces them.
#[derive(Clone, Debug)]
pub struct Settings {
	/// The share of items (with a true answer) the requester hides gold for;
	/// their labels come first in the stream, as a requester seeds gold.
	pub gold_share: f64,
	/// The task's agreement threshold: the winning label's share of vote weight.
	pub agreement_threshold: Perbill,
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
			agreement_threshold: Perbill::from_percent(60),
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

fn salt(worker: u32, item: u32) -> [u8; 32] {
	sp_io::hashing::blake2_256(&(b"salt", worker, item).encode())
}

fn gold_salt(item: u32) -> [u8; 32] {
	sp_io::hashing::blake2_256(&(b"gold", item).encode())
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
	let Plan { order, spammers, expected, redundancy, gold, over_redundancy } =
		Plan::new(data, settings.gold_share, settings.spammer_share, settings.shuffle, settings.seed, most)?;
	let worker_count = data.workers.len() as u32 + spammers;
	let item_count = data.items.len() as u32;

	// Every worker and every no-show (one per item that gets fewer labels than
	// the redundancy) is funded at genesis; they bond most of it.
	let fund = 10_000 * UNIT;
	let workers: Vec<AccountId> = (0..worker_count).map(|worker| account("worker", worker)).collect();
	let no_shows: Vec<AccountId> = (0..item_count).map(|item| account("no-show", item)).collect();
	let endowed = workers.iter().chain(no_shows.iter()).map(|who| (who.clone(), fund));
	let storage = labelchain_runtime::genesis_config_presets::genesis_storage(&PresetId::from(DEV_RUNTIME_PRESET), endowed)
		.map_err(|error| anyhow!("genesis: {error}"))?;
	let mut ext: sp_io::TestExternalities = storage.into();

	ext.execute_with(|| {
		let mut run = Run::start(data, settings, &gold, redundancy, &expected, workers, no_shows)?;
		for (index, row) in order.iter().enumerate() {
			run.commit(*row)?;
			if (index as u32 + 1).is_multiple_of(settings.labels_per_block.max(1)) {
				run.next_block()?;
			}
		}
		while run.busy() {
			run.next_block()?;
		}
		run.finish(spammers, order, redundancy, over_redundancy)
	})
}

/// The replay's state inside the chain.
struct Run<'a> {
	data: &'a Dataset,
	settings: &'a Settings,
	task: u32,
	gold: &'a BTreeMap<u32, u32>,
	redundancy: u32,
	expected: &'a [u32],
	workers: Vec<AccountId>,
	no_shows: Vec<AccountId>,
	expert: AccountId,
	requester: AccountId,
	/// Each item's commits so far: (worker, label), in commit order.
	committed: Vec<Vec<(u32, u16)>>,
	/// Items with all their commits, waiting for their no-show's claim to
	/// expire: (item, first block after it).
	waiting: Vec<(u32, u32)>,
	/// Accepted items waiting out their appeal window: (item, last block of it).
	appealable: Vec<(u32, u32)>,
	disputed: Vec<bool>,
}

impl<'a> Run<'a> {
	fn start(
		data: &'a Dataset,
		settings: &'a Settings,
		gold: &'a BTreeMap<u32, u32>,
		redundancy: u32,
		expected: &'a [u32],
		workers: Vec<AccountId>,
		no_shows: Vec<AccountId>,
	) -> anyhow::Result<Self> {
		System::set_block_number(1);
		let requester = Sr25519Keyring::Alice.to_account_id();
		let expert = Sr25519Keyring::Ferdie.to_account_id();
		if let Some(parameters) = settings.reputation {
			check(Reputation::set_parameters(RuntimeOrigin::root(), parameters), "set_parameters")?;
		}
		for who in workers.iter().chain(no_shows.iter()) {
			check(AnnotatorStake::bond(RuntimeOrigin::signed(who.clone()), 9_000 * UNIT), "bond")?;
		}
		let item_count = data.items.len() as u32;
		let mut commitments = vec![H256::zero(); gold.len()];
		for (item, index) in gold {
			let answer = data.truth[*item as usize].context("gold needs a true answer")?;
			commitments[*index as usize] =
				H256(sp_io::hashing::blake2_256(&(*item, answer, gold_salt(*item)).encode()));
		}
		let task = pallet_tasks::NextTaskId::<Runtime>::get();
		check(
			Tasks::create_task(
				RuntimeOrigin::signed(requester.clone()),
				pallet_tasks::TaskSpec {
					manifest: BoundedVec::truncate_from(labelchain_primitives::labeling::EXAMPLE_CID.to_vec()),
					item_count,
					class_count: data.class_count(),
					redundancy: redundancy as u8,
					agreement_threshold: settings.agreement_threshold,
					reward_per_label: settings.reward_per_label,
					dispute_budget: Balance::from(item_count) * labelchain_runtime::configs::labeling::ExpertFee::get(),
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
		Ok(Self {
			data,
			settings,
			task,
			gold,
			redundancy,
			expected,
			workers,
			no_shows,
			expert,
			requester,
			committed: vec![Vec::new(); data.items.len()],
			waiting: Vec::new(),
			appealable: Vec::new(),
			disputed: vec![false; data.items.len()],
		})
	}

	fn now() -> u32 {
		System::block_number()
	}

	fn commit(&mut self, row: Row) -> anyhow::Result<()> {
		let item = row.item;
		let expected = self.expected[item as usize];
		if self.committed[item as usize].is_empty() && expected < self.redundancy {
			// A place nobody fills: its claim expires, which lets the item's
			// reveal open with fewer labels than the redundancy.
			check(
				LabelVoting::claim_item(RuntimeOrigin::signed(self.no_shows[item as usize].clone()), self.task, item),
				"claim_item (no-show)",
			)?;
		}
		let who = &self.workers[row.worker as usize];
		let hash = H256(sp_io::hashing::blake2_256(&(row.label, salt(row.worker, item), who).encode()));
		check_post(LabelVoting::commit(RuntimeOrigin::signed(who.clone()), self.task, item, hash), "commit")?;
		self.committed[item as usize].push((row.worker, row.label));
		if self.committed[item as usize].len() as u32 == expected {
			if expected == self.redundancy {
				self.reveal_all(item)?;
			} else {
				let ttl: u32 = <Runtime as pallet_label_voting::Config>::ClaimTtl::get();
				self.waiting.push((item, Self::now() + ttl + 1));
			}
		}
		Ok(())
	}

	/// Every committer reveals, in commit order; the last reveal tallies.
	fn reveal_all(&mut self, item: u32) -> anyhow::Result<()> {
		for (worker, label) in self.committed[item as usize].clone() {
			let who = self.workers[worker as usize].clone();
			check_post(
				LabelVoting::reveal(RuntimeOrigin::signed(who), self.task, item, label, salt(worker, item)),
				"reveal",
			)?;
		}
		self.after_tally(item)
	}

	fn phase(&self, item: u32) -> Option<ItemPhase<AccountId, u32>> {
		pallet_label_voting::Items::<Runtime>::get(self.task, item).map(|state| state.phase)
	}

	/// Gold is revealed at once; a disputed item goes to the expert; an
	/// accepted one waits out its appeal window.
	fn after_tally(&mut self, item: u32) -> anyhow::Result<()> {
		let phase = self.phase(item).context("a tallied item is in progress")?;
		if matches!(phase, ItemPhase::Disputed) {
			self.disputed[item as usize] = true;
		}
		if let Some(index) = self.gold.get(&item) {
			let answer = self.data.truth[item as usize].context("gold has an answer")?;
			return check_post(
				LabelVoting::reveal_gold(
					RuntimeOrigin::signed(self.requester.clone()),
					self.task,
					item,
					*index,
					answer,
					gold_salt(item),
				),
				"reveal_gold",
			);
		}
		match phase {
			ItemPhase::Accepted { appeal_ends_at, .. } => {
				self.appealable.push((item, appeal_ends_at));
				Ok(())
			},
			ItemPhase::Disputed => {
				let label = match self.data.truth[item as usize].filter(|_| self.settings.experts) {
					Some(truth) => truth,
					None => self.top_weighted_label(item)?,
				};
				check_post(
					LabelVoting::resolve_dispute(RuntimeOrigin::signed(self.expert.clone()), self.task, item, label),
					"resolve_dispute",
				)
			},
			other => bail!("item {item} is {other:?} after its last reveal"),
		}
	}

	/// The label with the most vote weight now, as the chain's tally weighs
	/// it; ties (at parts-per-billion shares) go to the lower label.
	fn top_weighted_label(&self, item: u32) -> anyhow::Result<u16> {
		let tally = pallet_label_voting::Pallet::<Runtime>::item_tally(self.task, item)
			.map_err(|error| anyhow!("item {item}: {error:?}"))?;
		top_weighted(tally.iter().map(|entry| (entry.label, entry.share.deconstruct())))
			.with_context(|| format!("item {item} is disputed with nothing revealed"))
	}

	/// Whether anything is still waiting for time to pass.
	fn busy(&self) -> bool {
		!self.waiting.is_empty() || !self.appealable.is_empty()
	}

	/// Moves to the next block: items whose no-show claim expired open their
	/// reveal and are revealed; items past their appeal window settle, 64 per
	/// call.
	fn next_block(&mut self) -> anyhow::Result<()> {
		System::set_block_number(Self::now() + 1);
		let now = Self::now();
		let (ready, waiting): (Vec<_>, Vec<_>) = self.waiting.drain(..).partition(|(_, at)| *at <= now);
		self.waiting = waiting;
		for (item, _) in ready {
			check_post(
				LabelVoting::finalize_item(RuntimeOrigin::signed(self.requester.clone()), self.task, item),
				"finalize_item (reveal opens)",
			)?;
			self.reveal_all(item)?;
		}
		let (ready, appealable): (Vec<_>, Vec<_>) = self.appealable.drain(..).partition(|(_, ends)| *ends < now);
		self.appealable = appealable;
		let most: u32 = <Runtime as pallet_label_voting::Config>::MaxBatch::get();
		for chunk in ready.chunks(most as usize) {
			let items = BoundedVec::truncate_from(chunk.iter().map(|(item, _)| *item).collect::<Vec<_>>());
			check_post(
				LabelVoting::finalize_items(RuntimeOrigin::signed(self.requester.clone()), self.task, items),
				"finalize_items",
			)?;
		}
		Ok(())
	}

	fn finish(self, spammers: u32, rows: Vec<Row>, redundancy: u32, over_redundancy: usize) -> anyhow::Result<Outcome> {
		pallet_label_voting::Pallet::<Runtime>::do_try_state()
			.map_err(|error| anyhow!("the chain's invariants: {error:?}"))?;
		let mut items = Vec::with_capacity(self.data.items.len());
		for item in 0..self.data.items.len() as u32 {
			let settled = pallet_label_voting::SettledItems::<Runtime>::get(self.task, item)
				.with_context(|| format!("item {item} did not settle"))?;
			items.push(ItemResult {
				label: settled.label,
				decided_by: match settled.decided_by {
					Decision::Crowd => DecidedBy::Crowd,
					Decision::Expert => DecidedBy::Expert,
					Decision::Gold => DecidedBy::Gold,
				},
				gold: self.gold.contains_key(&item),
				disputed: self.disputed[item as usize],
			});
		}
		let lbl = |amount: Balance| amount as f64 / UNIT as f64;
		let net_earnings = self
			.workers
			.iter()
			.map(|who| {
				let earnings = pallet_label_voting::Earnings::<Runtime>::get(who);
				lbl(earnings.label_rewards) - lbl(earnings.slashed)
			})
			.collect();
		Ok(Outcome { items, net_earnings, spammers, rows, redundancy, over_redundancy })
	}
}
