//! The whole labeling protocol on one task through the real runtime: a requester
//! publishes 20 items with redundancy 3 and two gold items; five annotators of
//! different accuracies claim, commit and reveal; one item is disputed and an
//! expert settles it; one accepted label is appealed and the appeal upheld; the
//! gold answers are revealed; every item settles. Every balance, hold,
//! reputation count and event that results is checked, and the requester gets
//! back exactly the unspent budget.

mod common;

use std::collections::BTreeMap;

use frame_support::{
	assert_ok,
	traits::fungible::{Inspect, InspectHold},
	BoundedVec,
};
use labelchain_primitives::{
	commitment::{gold_commitment, label_commitment},
	reputation::Tier,
	task::{AssignmentMode, TaskStatus},
};
use labelchain_runtime::{
	currency::UNIT, AccountId, Balances, LabelVoting, Runtime, RuntimeEvent, RuntimeHoldReason,
	RuntimeOrigin, System,
};
use pallet_label_voting::{Decision, ItemPhase, Items, SettledItems};
use sp_core::crypto::AccountId32;
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring;
use sp_runtime::Perbill;

use labelchain_primitives::cid::EXAMPLE_CID as MANIFEST_CID;
const ITEMS: u32 = 20;
const REWARD: u128 = UNIT;
const DISPUTE_BUDGET: u128 = 10 * UNIT;
const GOLD_SALT: [u8; 32] = [11; 32];
/// Gold items: their answers are the truth.
const GOLD_ITEMS: [u32; 2] = [0, 1];
/// Item 7: one annotator never reveals, the other two split: disputed.
const DISPUTED_ITEM: u32 = 7;
/// Item 9: two annotators are wrong; the right one appeals and wins.
const APPEALED_ITEM: u32 = 9;
// The runtime's parameters (runtime/src/configs/, one file per pallet).
const EXPERT_FEE: u128 = UNIT;
const UNREVEALED_SLASH: u128 = UNIT / 10;
const GOLD_SLASH: u128 = UNIT;
const APPEAL_BOND: u128 = 2 * UNIT;
const STAKE_PER_LABEL: u128 = UNIT;

fn truth(item: u32) -> u16 {
	(item % 2) as u16
}

/// Annotators 0..5 label item i in rotation: (i, i+1, i+2) mod 5.
fn annotators_of(item: u32) -> [usize; 3] {
	let first = (item % 5) as usize;
	[first, (first + 1) % 5, (first + 2) % 5]
}

/// What annotator `n` labels item `item`: annotator 0 is always right, 1 is
/// wrong on a few items, 2 on more, 3 on many, 4 on nearly half.
fn label_of(n: usize, item: u32) -> u16 {
	let wrong = match n {
		0 => false,
		1 => [9, 13].contains(&item),
		2 => [2, 9].contains(&item),
		3 => [1, 3, 7, 9, 10].contains(&item),
		_ => [0, 4, 8, 9, 12, 14, 16].contains(&item),
	};
	if wrong { 1 - truth(item) } else { truth(item) }
}

/// Whether annotator `n` reveals on `item` (the dispute needs a missing reveal).
fn reveals(n: usize, item: u32) -> bool {
	!(item == DISPUTED_ITEM && n == annotators_of(DISPUTED_ITEM)[0])
}

fn signed(who: &AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.clone())
}

fn worth(who: &AccountId) -> u128 {
	Balances::total_balance(who)
}

fn salt(n: usize, item: u32) -> [u8; 32] {
	let mut salt = [n as u8; 32];
	salt[..4].copy_from_slice(&item.to_le_bytes());
	salt
}

fn advance(blocks: u32) {
	System::set_block_number(System::block_number() + blocks);
}

#[test]
fn twenty_items_five_annotators_one_dispute_one_appeal_two_gold() {
	common::genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		let requester = Sr25519Keyring::Alice.to_account_id();
		let expert = Sr25519Keyring::Eve.to_account_id();
		let issuance = Balances::total_issuance();
		let annotators: Vec<AccountId> =
			(0..5u8).map(|n| AccountId32::new([n + 200; 32])).collect();
		for who in &annotators {
			assert_ok!(Balances::transfer_keep_alive(signed(&requester), who.clone().into(), 1_000 * UNIT));
			assert_ok!(labelchain_runtime::AnnotatorStake::bond(signed(who), 100 * UNIT));
		}
		let start: Vec<u128> = annotators.iter().map(worth).collect();
		let requester_start = worth(&requester);
		let expert_start = worth(&expert);
		let treasury_start = worth(&labelchain_runtime::configs::treasury::TreasuryAccount::get());

		// The task: 20 binary items, redundancy 3, two hidden gold answers.
		let gold = GOLD_ITEMS
			.iter()
			.map(|item| gold_commitment(*item, truth(*item), &GOLD_SALT))
			.collect::<Vec<_>>();
		assert_ok!(labelchain_runtime::Tasks::create_task(
			signed(&requester),
			pallet_tasks::TaskSpec {
				manifest: BoundedVec::truncate_from(MANIFEST_CID.to_vec()),
				item_count: ITEMS,
				class_count: 2,
				min_redundancy: 3,
				max_redundancy: 3,
				target_accuracy: Perbill::from_percent(60),
				reward_per_label: REWARD,
				dispute_budget: DISPUTE_BUDGET,
				deadline: 10_000,
				min_tier: Tier::Newcomer,
				min_stake: 50 * UNIT,
				assignment: AssignmentMode::Open,
				domain: 0,
				gold_commitments: BoundedVec::truncate_from(gold),
			}
		));
		let task = 0;
		// Each of the 3 labels an item funds carries the 5 % protocol fee.
		let fee = REWARD / 20;
		let budget = u128::from(ITEMS) * 3 * (REWARD + fee) + DISPUTE_BUDGET;
		let escrow: RuntimeHoldReason = pallet_tasks::HoldReason::TaskEscrow.into();
		assert_eq!(Balances::balance_on_hold(&escrow, &requester), budget);

		// Claim, commit and reveal every item.
		for item in 0..ITEMS {
			for n in annotators_of(item) {
				let who = &annotators[n];
				assert_ok!(LabelVoting::claim_item(signed(who), task, item));
				let hash = label_commitment(task, item, label_of(n, item), &salt(n, item), &who);
				assert_ok!(LabelVoting::commit(signed(who), task, item, hash));
			}
		}
		for item in 0..ITEMS {
			for n in annotators_of(item).into_iter().filter(|n| reveals(*n, item)) {
				assert_ok!(LabelVoting::reveal(signed(&annotators[n]), task, item, label_of(n, item), salt(n, item)));
			}
		}
		// The disputed item waits for its reveal window, then ties 1–1.
		assert!(matches!(Items::<Runtime>::get(task, DISPUTED_ITEM).map(|s| s.phase), Some(ItemPhase::Revealing { .. })));
		advance(51);
		assert_ok!(LabelVoting::finalize_item(signed(&requester), task, DISPUTED_ITEM));
		assert!(matches!(Items::<Runtime>::get(task, DISPUTED_ITEM).map(|s| s.phase), Some(ItemPhase::Disputed { .. })));
		assert_ok!(LabelVoting::resolve_dispute(signed(&expert), task, DISPUTED_ITEM, truth(DISPUTED_ITEM)));

		// Item 9 was accepted wrong; annotator 0 (right) appeals and the expert agrees.
		let appellant = annotators_of(APPEALED_ITEM)
			.into_iter()
			.find(|n| label_of(*n, APPEALED_ITEM) == truth(APPEALED_ITEM))
			.expect("one annotator was right");
		assert!(matches!(
			Items::<Runtime>::get(task, APPEALED_ITEM).map(|s| s.phase),
			Some(ItemPhase::Accepted { label, .. }) if label != truth(APPEALED_ITEM)
		));
		assert_ok!(LabelVoting::appeal(signed(&annotators[appellant]), task, APPEALED_ITEM));
		let appeal_hold: RuntimeHoldReason = pallet_label_voting::HoldReason::AppealBond.into();
		assert_eq!(Balances::balance_on_hold(&appeal_hold, &annotators[appellant]), APPEAL_BOND);
		assert_ok!(LabelVoting::decide_appeal(signed(&expert), task, APPEALED_ITEM, truth(APPEALED_ITEM)));

		// The requester reveals the gold answers while the items are in appeal.
		for (index, item) in GOLD_ITEMS.iter().enumerate() {
			assert_ok!(LabelVoting::reveal_gold(signed(&requester), task, *item, index as u32, truth(*item), GOLD_SALT));
		}

		// Everything else settles after the appeal window.
		advance(101);
		for item in 0..ITEMS {
			if Items::<Runtime>::get(task, item).is_some() {
				assert_ok!(LabelVoting::finalize_item(signed(&requester), task, item));
			}
		}

		// Every item settled, with the right label, decided as planned.
		for item in 0..ITEMS {
			let record = SettledItems::<Runtime>::get(task, item).expect("every item settles");
			assert_eq!(record.label, truth(item), "item {item}");
			let decided = if GOLD_ITEMS.contains(&item) {
				Decision::Gold
			} else if item == DISPUTED_ITEM || item == APPEALED_ITEM {
				Decision::Expert
			} else {
				Decision::Crowd
			};
			assert_eq!(record.decided_by, decided, "item {item}");
			assert!(Items::<Runtime>::get(task, item).is_none(), "per-label storage is pruned");
		}

		// Each annotator: paid for every revealed label that matches the final
		// label; slashed for an unrevealed commit and for each wrong gold
		// answer; charged for every other label decided against.
		let mut paid_labels = 0u128;
		let mut slashed_to_treasury = 0u128;
		let mut expected_counts: BTreeMap<usize, (u32, u32, u32, u32, u32)> = BTreeMap::new();
		for item in 0..ITEMS {
			for n in annotators_of(item) {
				let counts = expected_counts.entry(n).or_default();
				let gold = GOLD_ITEMS.contains(&item);
				if !reveals(n, item) {
					slashed_to_treasury += UNREVEALED_SLASH;
					counts.4 += 1;
				} else if label_of(n, item) == truth(item) {
					paid_labels += 1;
					if gold { counts.2 += 1 } else { counts.0 += 1 }
				} else if gold {
					slashed_to_treasury += GOLD_SLASH;
					counts.3 += 1;
				} else {
					counts.1 += 1;
				}
			}
		}
		// The labels the expert overturned on the appealed item cost their
		// annotators their label stake, which went to the appellant, the only
		// one who gave the expert's label.
		let overturned: Vec<usize> = annotators_of(APPEALED_ITEM)
			.into_iter()
			.filter(|n| label_of(*n, APPEALED_ITEM) != truth(APPEALED_ITEM))
			.collect();
		assert_eq!(overturned.len(), 2);
		// Every other label decided against pays the disagreement charge.
		let charge = LabelVoting::disagreement_charge(&pallet_tasks::Tasks::<Runtime>::get(task).expect("the task").terms);
		let mut charged_to_treasury = 0u128;
		for (n, who) in annotators.iter().enumerate() {
			let (agreed, disagreed, gold_correct, gold_wrong, unrevealed) = expected_counts[&n];
			let mut earned = u128::from(agreed + gold_correct) * REWARD;
			let mut lost = u128::from(gold_wrong) * GOLD_SLASH + u128::from(unrevealed) * UNREVEALED_SLASH;
			let charged = if overturned.contains(&n) {
				lost += STAKE_PER_LABEL;
				disagreed - 1
			} else {
				disagreed
			};
			lost += u128::from(charged) * charge;
			charged_to_treasury += u128::from(charged) * charge;
			if n == appellant {
				earned += overturned.len() as u128 * STAKE_PER_LABEL;
			}
			assert_eq!(worth(who) + lost, start[n] + earned, "annotator {n}'s balance");
			let record = pallet_reputation::Reputations::<Runtime>::get(who, 0);
			assert_eq!(
				(record.agreed, record.disagreed, record.gold_correct, record.gold_wrong, record.unrevealed),
				(agreed, disagreed, gold_correct, gold_wrong, unrevealed),
				"annotator {n}'s reputation"
			);
			let ledger = pallet_annotator_stake::Ledgers::<Runtime>::get(who).expect("still bonded");
			assert_eq!(ledger.locked, 0, "annotator {n}'s stake is free of claims");
			let stake: RuntimeHoldReason = pallet_annotator_stake::HoldReason::Stake.into();
			assert_eq!(Balances::balance_on_hold(&stake, who), ledger.bonded);
		}
		assert_eq!(Balances::balance_on_hold(&appeal_hold, &annotators[appellant]), 0, "the upheld appeal's bond came back");

		// Two expert decisions were paid from the dispute budget.
		assert_eq!(worth(&expert), expert_start + 2 * EXPERT_FEE);

		// The task closed with its last item, and the requester got back exactly
		// what was not paid out; the slashes went to the treasury, not to it.
		let record = pallet_tasks::Tasks::<Runtime>::get(task).expect("the task is kept");
		assert_eq!(record.terms.status, TaskStatus::Closed);
		assert_eq!(record.escrow.labels_paid as u128, paid_labels);
		let spent = paid_labels * (REWARD + fee) + 2 * EXPERT_FEE;
		assert!(System::events().iter().any(|e| e.event ==
			RuntimeEvent::Tasks(pallet_tasks::Event::TaskClosed { task, refunded: budget - spent })));
		assert_eq!(Balances::balance_on_hold(&escrow, &requester), 0);
		assert_eq!(worth(&requester) + spent, requester_start);
		assert_eq!(
			worth(&labelchain_runtime::configs::treasury::TreasuryAccount::get()),
			treasury_start + slashed_to_treasury + charged_to_treasury + paid_labels * fee,
			"the treasury got the slashes, the charges and a fee on every paid reward"
		);

		// The events tell the same story.
		let voting: Vec<pallet_label_voting::Event<Runtime>> = System::events()
			.into_iter()
			.filter_map(|e| match e.event {
				RuntimeEvent::LabelVoting(event) => Some(event),
				_ => None,
			})
			.collect();
		let count = |f: fn(&pallet_label_voting::Event<Runtime>) -> bool| voting.iter().filter(|e| f(e)).count();
		assert_eq!(count(|e| matches!(e, pallet_label_voting::Event::ItemSettled { .. })), ITEMS as usize);
		assert_eq!(count(|e| matches!(e, pallet_label_voting::Event::ItemDisputed { .. })), 1);
		assert_eq!(count(|e| matches!(e, pallet_label_voting::Event::AppealDecided { upheld: true, .. })), 1);
		assert_eq!(count(|e| matches!(e, pallet_label_voting::Event::GoldRevealed { .. })), 2);
		assert_eq!(count(|e| matches!(e, pallet_label_voting::Event::LabelCommitted { .. })), 60);
		assert_eq!(count(|e| matches!(e, pallet_label_voting::Event::LabelRevealed { .. })), 59);

		assert_eq!(Balances::total_issuance(), issuance);
		pallet_label_voting::Pallet::<Runtime>::do_try_state().expect("voting invariants hold");
		pallet_tasks::Pallet::<Runtime>::do_try_state().expect("escrow invariants hold");
		pallet_annotator_stake::Pallet::<Runtime>::do_try_state().expect("stake invariants hold");
		pallet_reputation::Pallet::<Runtime>::do_try_state().expect("reputation invariants hold");
	});
}
