//! A property test of the labeling protocol through the real runtime: honest,
//! random and lazy annotators, a requester who seeds gold, and experts, act in
//! tasks of fixed and of adaptive redundancy, in random order, block after
//! block, with the blocks' agendas moving items on
//! by themselves; after every block every pallet's invariants hold and no
//! token was created or destroyed. At the end it reports what each
//! kind of annotator earned or lost.
//!
//! `cargo test --workspace --test property` runs the CI size with a
//! fixed seed. To run longer by hand:
//! `PROPERTY_SEED=7 PROPERTY_BLOCKS=3000 cargo test --workspace --test property -- --nocapture`.

mod common;

use common::simulation::{check_invariants, dispatch, salt_of, Rng};

use frame_support::{traits::fungible::Inspect, BoundedVec};
use labelchain_primitives::{
	commitment::{gold_commitment, label_commitment},
	reputation::Tier,
	task::AssignmentMode,
};
use labelchain_runtime::{
	currency::UNIT, AccountId, Balances, Runtime, RuntimeCall,
};
use pallet_label_voting::{ItemPhase, Items};
use sp_core::crypto::AccountId32;
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring;
use sp_runtime::Perbill;

use labelchain_primitives::cid::EXAMPLE_CID as MANIFEST_CID;
const ITEMS_PER_TASK: u32 = 12;
const CLASSES: u16 = 3;
const GOLD_PER_TASK: u32 = 2;
const GOLD_SALT: [u8; 32] = [5; 32];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
	/// Labels the truth nine times in ten, always reveals.
	Honest,
	/// Labels uniformly at random, always reveals.
	Random,
	/// Rushes (right seven times in ten), often lets claims expire and
	/// forgets to reveal.
	Lazy,
}

struct Annotator {
	account: AccountId,
	kind: Kind,
	start: u128,
}

fn truth(task: u32, item: u32) -> u16 {
	((task.wrapping_mul(31) ^ item.wrapping_mul(17)) % u32::from(CLASSES)) as u16
}

fn worth(who: &AccountId) -> u128 {
	Balances::total_balance(who)
}

fn create_task(requester: &AccountId, task: u32, deadline: u32) {
	let gold = (0..GOLD_PER_TASK)
		.map(|item| gold_commitment(item, truth(task, item), &GOLD_SALT))
		.collect::<Vec<_>>();
	let spec = pallet_tasks::TaskSpec::<Runtime> {
		manifest: BoundedVec::truncate_from(MANIFEST_CID.to_vec()),
		item_count: ITEMS_PER_TASK,
		class_count: CLASSES,
		// Every other task adaptive: two labels at first, up to four.
		min_redundancy: if task % 2 == 0 { 3 } else { 2 },
		max_redundancy: if task % 2 == 0 { 3 } else { 4 },
		target_accuracy: Perbill::from_percent(60),
		reward_per_label: UNIT,
		dispute_budget: 50 * UNIT,
		deadline,
		min_tier: Tier::Newcomer,
		min_stake: 0,
		assignment: AssignmentMode::Assigned,
		domain: 0,
		gold_commitments: BoundedVec::truncate_from(gold),
	};
	assert!(dispatch(requester, RuntimeCall::Tasks(pallet_tasks::Call::create_task { spec })));
}

/// Seeds 2026 to 2031, or the one `PROPERTY_SEED` names: a kind's average
/// over several runs, as one run of a few hundred blocks settles only some
/// sixty items and a couple of appeals move an annotator's net by LBL.
#[test]
fn random_labeling_keeps_every_invariant_and_rewards_care() {
	let seeds: Vec<u64> = match std::env::var("PROPERTY_SEED").ok().and_then(|s| s.parse().ok()) {
		Some(seed) => vec![seed],
		None => (2026..=2031).collect(),
	};
	let blocks: u32 = std::env::var("PROPERTY_BLOCKS").ok().and_then(|s| s.parse().ok()).unwrap_or(400);
	let nets: Vec<(i128, i128, i128)> = seeds.iter().map(|seed| random_labeling(*seed, blocks)).collect();
	let mean = |pick: fn(&(i128, i128, i128)) -> i128| nets.iter().map(pick).sum::<i128>() / nets.len() as i128;
	let (honest, random, lazy) = (mean(|n| n.0), mean(|n| n.1), mean(|n| n.2));
	let lbl = |amount: i128| amount as f64 / UNIT as f64;
	let report = format!("Honest {:.3}, Random {:.3}, Lazy {:.3} LBL each", lbl(honest), lbl(random), lbl(lazy));
	println!("over {} seeds: {report}", seeds.len());
	assert!(honest > random, "careful annotators must out-earn random ones ({report})");
	assert!(honest > lazy, "careful annotators must out-earn lazy ones ({report})");
}

/// One run: every invariant after every block; returns each kind's average
/// net (honest, random, lazy).
fn random_labeling(seed: u64, blocks: u32) -> (i128, i128, i128) {
	let mut rng = Rng(seed.max(1));
	let mut nets = (0, 0, 0);
	common::genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		let requester = Sr25519Keyring::Alice.to_account_id();
		let expert = Sr25519Keyring::Eve.to_account_id();
		let kinds = [Kind::Honest, Kind::Honest, Kind::Honest, Kind::Honest, Kind::Random, Kind::Random, Kind::Lazy, Kind::Lazy];
		let annotators: Vec<Annotator> = kinds
			.iter()
			.enumerate()
			.map(|(index, kind)| {
				let account = AccountId32::new([index as u8 + 100; 32]);
				assert!(dispatch(
					&requester,
					RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
						dest: account.clone().into(),
						value: 1_000 * UNIT,
					})
				));
				assert!(dispatch(
					&account,
					RuntimeCall::AnnotatorStake(pallet_annotator_stake::Call::bond { amount: 100 * UNIT })
				));
				Annotator { start: worth(&account), account, kind: *kind }
			})
			.collect();
		let issuance = Balances::total_issuance();
		let mut tasks = 0u32;

		for block in 2..blocks {
			// The block's hooks: the agendas move due items and close tasks,
			// before any transaction (the random finalize calls race them).
			common::labeling_steps::run_block(block);
			if block % 60 == 2 {
				create_task(&requester, tasks, block + 250);
				tasks += 1;
			}
			let open_tasks: Vec<u32> = (0..tasks).collect();

			for annotator in &annotators {
				let who = &annotator.account;
				// Claim some work.
				if rng.chance(40) {
					let task = open_tasks[rng.below(open_tasks.len() as u64) as usize];
					dispatch(who, RuntimeCall::LabelVoting(pallet_label_voting::Call::claim { task }));
				}
				// Commit or reveal on items this annotator is part of.
				for task in &open_tasks {
					for item in 0..ITEMS_PER_TASK {
						let Some(state) = Items::<Runtime>::get(task, item) else { continue };
						let label = match annotator.kind {
							Kind::Honest if rng.chance(90) => truth(*task, item),
							Kind::Lazy if rng.chance(70) => truth(*task, item),
							_ => rng.below(u64::from(CLASSES)) as u16,
						};
						let salt = salt_of(who, *task, item);
						if state.claims.iter().any(|claim| &claim.annotator == who) {
							if annotator.kind == Kind::Lazy && rng.chance(50) {
								continue; // lets the claim run out
							}
							let hash = label_commitment(*task, item, label, &salt, &who);
							dispatch(who, RuntimeCall::LabelVoting(pallet_label_voting::Call::commit { task: *task, item, hash }));
						}
						if matches!(state.phase, ItemPhase::Revealing { .. }) &&
							state.commits.iter().any(|c| &c.annotator == who && c.revealed.is_none())
						{
							if annotator.kind == Kind::Lazy && rng.chance(40) {
								continue; // forgets to reveal
							}
							// Reveal what was committed: recompute it the same way.
							let committed = state
								.commits
								.iter()
								.find(|c| &c.annotator == who)
								.map(|c| c.hash)
								.expect("committed");
							let label = (0..CLASSES)
								.find(|label| label_commitment(*task, item, *label, &salt, &who) == committed)
								.expect("one of the classes");
							dispatch(who, RuntimeCall::LabelVoting(pallet_label_voting::Call::reveal { task: *task, item, label, salt }));
						}
					}
				}
			}

			// Anyone moves items on; the requester reveals gold; experts decide
			// disputes and appeals with the truth; a dissenter sometimes appeals.
			for task in &open_tasks {
				// Half the time, the items past their appeal window settle in one
				// batch first (the rest, one by one below).
				if rng.chance(50) {
					let now = labelchain_runtime::System::block_number();
					let ready: Vec<u32> = (0..ITEMS_PER_TASK)
						.filter(|item| {
							matches!(Items::<Runtime>::get(task, item).map(|state| state.phase),
								Some(ItemPhase::Accepted { appeal_ends_at, .. }) if appeal_ends_at < now)
						})
						.collect();
					if !ready.is_empty() {
						let items = frame_support::BoundedVec::truncate_from(ready);
						assert!(
							dispatch(&requester, RuntimeCall::LabelVoting(pallet_label_voting::Call::finalize_items { task: *task, items })),
							"items past their appeal window settle together"
						);
					}
				}
				for item in 0..ITEMS_PER_TASK {
					let Some(state) = Items::<Runtime>::get(task, item) else { continue };
					let (task, right) = (*task, truth(*task, item));
					match state.phase {
						ItemPhase::Accepted { label, .. } => {
							if item < GOLD_PER_TASK {
								dispatch(&requester, RuntimeCall::LabelVoting(pallet_label_voting::Call::reveal_gold {
									task, item, gold_index: item, answer: right, salt: GOLD_SALT,
								}));
							} else if label != right && rng.chance(30) {
								if let Some(dissenter) = state.commits.iter().find(|c| c.revealed == Some(right)) {
									dispatch(&dissenter.annotator, RuntimeCall::LabelVoting(pallet_label_voting::Call::appeal { task, item }));
								}
							}
						},
						ItemPhase::Disputed { .. } => {
							dispatch(&expert, RuntimeCall::LabelVoting(pallet_label_voting::Call::resolve_dispute { task, item, label: right }));
						},
						ItemPhase::Appealed { .. } => {
							dispatch(&expert, RuntimeCall::LabelVoting(pallet_label_voting::Call::decide_appeal { task, item, label: right }));
						},
						_ => {},
					}
					dispatch(&requester, RuntimeCall::LabelVoting(pallet_label_voting::Call::finalize_item { task, item }));
				}
			}
			// Closing finished tasks returns what is left to the requester.
			for task in 0..tasks {
				dispatch(&requester, RuntimeCall::Tasks(pallet_tasks::Call::close_task { task }));
			}

			check_invariants(issuance, block);
		}

		let settled = pallet_label_voting::SettledItems::<Runtime>::iter().count();
		let correct = pallet_label_voting::SettledItems::<Runtime>::iter()
			.filter(|(task, item, record)| record.label == truth(*task, *item))
			.count();
		let mut report = String::new();
		let mut average = |kind: Kind| {
			let nets: Vec<i128> = annotators
				.iter()
				.filter(|a| a.kind == kind)
				.map(|a| worth(&a.account) as i128 - a.start as i128)
				.collect();
			let mean = nets.iter().sum::<i128>() / nets.len() as i128;
			report.push_str(&format!("{kind:?}: {:.3} LBL each; ", mean as f64 / UNIT as f64));
			mean
		};
		let (honest, random, lazy) = (average(Kind::Honest), average(Kind::Random), average(Kind::Lazy));
		println!(
			"seed {seed}, {blocks} blocks, {tasks} tasks, {settled} items settled ({correct} correct): {report}"
		);
		assert!(settled > 0, "nothing settled: the test exercised nothing");
		nets = (honest, random, lazy);
	});
	nets
}
