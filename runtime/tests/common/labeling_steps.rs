//! Labeling through the real runtime: tasks, labels, settlement and the
//! invariants every test ends with.

use frame_support::{assert_ok, BoundedVec};
use labelchain_primitives::{task::AssignmentMode, reputation::Tier, cid::EXAMPLE_CID as MANIFEST_CID};
use labelchain_runtime::{currency::UNIT, AccountId, LabelVoting, Runtime, RuntimeOrigin};
use sp_core::H256;
use sp_keyring::Sr25519Keyring;
use sp_runtime::Perbill;

/// Runs block `block`'s hooks as the chain would: the deadline agenda and
/// pruning, then the items' agenda and the claim draws.
pub fn run_block(block: u32) {
	use frame_support::traits::Hooks;
	labelchain_runtime::System::set_block_number(block);
	<labelchain_runtime::Tasks as Hooks<u32>>::on_initialize(block);
	<LabelVoting as Hooks<u32>>::on_initialize(block);
}

pub fn signed(key: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(key.to_account_id())
}

/// An `Open`, binary task with `items` items and `redundancy`, 1 LBL a label
/// and a 5 LBL dispute budget, in domain 0, without gold.
pub fn task_spec(redundancy: u8, items: u32) -> pallet_tasks::TaskSpec<Runtime> {
	pallet_tasks::TaskSpec {
		manifest: BoundedVec::truncate_from(MANIFEST_CID.to_vec()),
		item_count: items,
		class_count: 2,
		min_redundancy: redundancy,
		max_redundancy: redundancy,
		target_accuracy: Perbill::from_percent(60),
		reward_per_label: UNIT,
		dispute_budget: 5 * UNIT,
		deadline: 1_000,
		min_tier: Tier::Newcomer,
		min_stake: 0,
		assignment: AssignmentMode::Open,
		domain: 0,
		gold_commitments: BoundedVec::<H256, _>::new(),
	}
}

/// Alice creates `spec`; returns the task's id.
pub fn create_task_from(spec: pallet_tasks::TaskSpec<Runtime>) -> u32 {
	let task = pallet_tasks::NextTaskId::<Runtime>::get();
	assert_ok!(labelchain_runtime::Tasks::create_task(signed(Sr25519Keyring::Alice), spec));
	task
}

/// Alice's task of [`task_spec`].
pub fn create_task(redundancy: u8, items: u32) -> u32 {
	create_task_from(task_spec(redundancy, items))
}

pub fn label(task: u32, item: u32, key: Sr25519Keyring, label: u16) {
	let who: AccountId = key.to_account_id();
	let salt = [key as u8; 32];
	assert_ok!(LabelVoting::claim_item(signed(key), task, item));
	let hash = labelchain_primitives::commitment::label_commitment(task, item, label, &salt, &who);
	assert_ok!(LabelVoting::commit(signed(key), task, item, hash));
}

pub fn reveal(task: u32, item: u32, key: Sr25519Keyring, label: u16) {
	assert_ok!(LabelVoting::reveal(signed(key), task, item, label, [key as u8; 32]));
}

/// Waits out the appeal window of an accepted item and settles it.
pub fn settle_after_appeal_window(task: u32, item: u32) {
	let now = labelchain_runtime::System::block_number();
	labelchain_runtime::System::set_block_number(now + 101);
	assert_ok!(LabelVoting::finalize_item(signed(Sr25519Keyring::Alice), task, item));
}

pub fn bond_all(keys: &[Sr25519Keyring]) {
	for key in keys {
		assert_ok!(labelchain_runtime::AnnotatorStake::bond(signed(*key), 100 * UNIT));
	}
}

pub fn check_invariants() {
	pallet_label_voting::Pallet::<Runtime>::do_try_state().expect("voting invariants hold");
	pallet_tasks::Pallet::<Runtime>::do_try_state().expect("escrow invariants hold");
	pallet_annotator_stake::Pallet::<Runtime>::do_try_state().expect("stake invariants hold");
	pallet_reputation::Pallet::<Runtime>::do_try_state().expect("reputation invariants hold");
}

