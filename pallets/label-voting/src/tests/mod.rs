//! The voting pallet's tests, one file per feature, and the helpers they share.

mod agenda;
mod appeals;
mod batches;
mod claims;
mod commit_reveal;
mod finalize;
mod gold;
mod posterior;
mod rounds;
mod tally_and_settlement;
mod views;

use frame_support::{assert_noop, assert_ok};
use labelchain_primitives::{
	commitment::label_commitment,
	reputation::{LabelOutcome, Tier},
	runtime_api::{GoldRevealState, LabelingApiError},
	task::{AssignmentMode, TaskStatus},
	traits::ReputationRecorder,
};
use sp_core::H256;
use sp_runtime::{DispatchError, Perbill};

use crate::{
	mock::*, Decision, Earnings, Error, Event, ItemPhase, Items, OpenClaims, PhaseCountsOf, SettledItem, SettledItems,
	TaskQualities, Votes,
};

pub(crate) fn salt(who: AccountId) -> [u8; 32] {
	[who as u8; 32]
}

pub(crate) fn sealed(task: u32, item: u32, label: u16, who: AccountId) -> H256 {
	label_commitment(task, item, label, &salt(who), &who)
}

pub(crate) fn create_task(items: u32, redundancy: u8, assignment: AssignmentMode) -> u32 {
	let task = pallet_tasks::NextTaskId::<Test>::get();
	assert_ok!(Tasks::create_task(
		RuntimeOrigin::signed(REQUESTER),
		task_spec(items, redundancy, assignment)
	));
	task
}

/// Claims (Open task) and commits `label` on `item` as `who`.
pub(crate) fn claim_and_commit(task: u32, item: u32, who: AccountId, label: u16) {
	assert_ok!(LabelVoting::claim_item(RuntimeOrigin::signed(who), task, item));
	assert_ok!(LabelVoting::commit(RuntimeOrigin::signed(who), task, item, sealed(task, item, label, who)));
}

pub(crate) fn reveal(task: u32, item: u32, who: AccountId, label: u16) {
	assert_ok!(LabelVoting::reveal(RuntimeOrigin::signed(who), task, item, label, salt(who)));
}

/// Annotators 0 and 1 label `item` 1 and annotator 2 labels it 0: all
/// commit, then all reveal, which tallies the item.
pub(crate) fn two_against_one(task: u32, item: u32) {
	let labels = [(0, 1), (1, 1), (2, 0)];
	for (n, label) in labels {
		claim_and_commit(task, item, annotator(n), label);
	}
	for (n, label) in labels {
		reveal(task, item, annotator(n), label);
	}
}

pub(crate) fn free(who: AccountId) -> Balance {
	pallet_balances::Pallet::<Test>::free_balance(who)
}

pub(crate) fn bonded(who: AccountId) -> Balance {
	pallet_annotator_stake::Ledgers::<Test>::get(who).map(|ledger| ledger.bonded).unwrap_or_default()
}

pub(crate) fn locked_stake(who: AccountId) -> Balance {
	pallet_annotator_stake::Ledgers::<Test>::get(who).map(|ledger| ledger.locked).unwrap_or_default()
}

/// The requester reveals `answer` for item 0 with the gold commitment at
/// `gold_index`.
pub(crate) fn reveal_gold(task: u32, gold_index: u32, answer: u16) -> frame_support::dispatch::DispatchResultWithPostInfo {
	LabelVoting::reveal_gold(RuntimeOrigin::signed(REQUESTER), task, 0, gold_index, answer, GOLD_SALT)
}

pub(crate) fn phase(task: u32, item: u32) -> ItemPhase<AccountId, u64> {
	Items::<Test>::get(task, item).expect("the item is in progress").phase
}

/// Waits out an accepted item's appeal window and settles it.
fn settle_after_appeal_window(task: u32, item: u32) {
	let ItemPhase::Accepted { appeal_ends_at, .. } = phase(task, item) else {
		panic!("item {item} was not accepted: {:?}", phase(task, item));
	};
	assert_noop!(
		LabelVoting::finalize_item(RuntimeOrigin::signed(REQUESTER), task, item),
		Error::<Test>::AppealWindowOpen
	);
	jump_to_block(appeal_ends_at + 1);
	assert_ok!(LabelVoting::finalize_item(RuntimeOrigin::signed(REQUESTER), task, item));
}

/// The `votes` of an `ItemSettled` event.
fn votes(list: &[(AccountId, Option<u16>)]) -> Votes<Test> {
	Votes::<Test>::try_from(list.to_vec()).expect("within the redundancy")
}

/// Gives `who` a record of `agreed` agreeing and `disagreed` disagreeing labels
/// in the mock task's domain.
fn give_record(who: AccountId, agreed: u32, disagreed: u32) {
	for _ in 0..agreed {
		Reputation::record(&who, 1, LabelOutcome::Agreed);
	}
	for _ in 0..disagreed {
		Reputation::record(&who, 1, LabelOutcome::Disagreed);
	}
}
