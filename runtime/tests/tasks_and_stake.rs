//! A requester's task and an annotator's bond, made and undone through the real
//! runtime's calls, with every balance, hold and event they cause.

mod common;

use frame_support::{
	assert_noop, assert_ok,
	dispatch::GetDispatchInfo,
	traits::fungible::{Inspect, InspectHold},
	BoundedVec,
};
use labelchain_primitives::{task::{AssignmentMode, TaskStatus}, reputation::Tier};
use labelchain_runtime::{
	currency::UNIT, time::DAYS, AccountId, Balances, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeHoldReason, RuntimeOrigin, System,
};
use sp_core::H256;
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{traits::Dispatchable, Perbill};

use labelchain_primitives::cid::EXAMPLE_CID as MANIFEST_CID;

fn account(key: Sr25519Keyring) -> AccountId {
	key.to_account_id()
}

fn dispatch(who: Sr25519Keyring, call: RuntimeCall) -> sp_runtime::DispatchResultWithInfo<frame_support::dispatch::PostDispatchInfo> {
	call.dispatch(RuntimeOrigin::signed(account(who)))
}

fn events() -> Vec<RuntimeEvent> {
	System::events().into_iter().map(|record| record.event).collect()
}

fn spec() -> pallet_tasks::TaskSpec<Runtime> {
	pallet_tasks::TaskSpec {
		manifest: BoundedVec::truncate_from(MANIFEST_CID.to_vec()),
		item_count: 20,
		class_count: 2,
		min_redundancy: 3,
		max_redundancy: 3,
		target_accuracy: Perbill::from_percent(66),
		reward_per_label: UNIT,
		dispute_budget: 10 * UNIT,
		deadline: 1_000,
		min_tier: Tier::Newcomer,
		min_stake: 50 * UNIT,
		assignment: AssignmentMode::Assigned,
		domain: 0,
		gold_commitments: BoundedVec::truncate_from(vec![H256::repeat_byte(1), H256::repeat_byte(2)]),
	}
}

fn check_invariants() {
	pallet_tasks::Pallet::<Runtime>::do_try_state().expect("escrow invariants hold");
	pallet_annotator_stake::Pallet::<Runtime>::do_try_state().expect("stake invariants hold");
}

#[test]
fn a_requester_creates_tops_up_and_cancels_a_task() {
	common::genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = account(Sr25519Keyring::Alice);
		let issuance = Balances::total_issuance();
		let free_before = Balances::balance(&alice);
		let escrow: RuntimeHoldReason = pallet_tasks::HoldReason::TaskEscrow.into();

		let create = RuntimeCall::Tasks(pallet_tasks::Call::create_task { spec: spec() });
		assert!(create.get_dispatch_info().call_weight.ref_time() > 0);
		assert_ok!(dispatch(Sr25519Keyring::Alice, create));
		// 20 items × 3 labels × (1 LBL + the 5 % protocol fee) + 10 LBL for experts.
		let budget = 60 * (UNIT + UNIT / 20) + 10 * UNIT;
		// Each of the two gold commitments bonds a gold slash (1 LBL) per label.
		let gold_bonds = 2 * 3 * UNIT;
		// The task's and its two commitments' storage, until pruned.
		let storage_deposit = <Runtime as pallet_tasks::Config>::TaskDeposit::get() +
			2 * <Runtime as pallet_tasks::Config>::GoldDeposit::get();
		assert!(events().contains(&RuntimeEvent::Tasks(pallet_tasks::Event::TaskCreated {
			task: 0,
			requester: alice.clone(),
			budget,
			gold_bonds,
			storage_deposit,
		})));
		// A megabyte holds 1,000 LBL: the task's record and a commitment's
		// entry hold what their bytes do.
		assert!(storage_deposit > UNIT / 2 && storage_deposit < UNIT, "{storage_deposit}");
		assert_eq!(Balances::balance_on_hold(&escrow, &alice), budget);
		assert_eq!(Balances::balance(&alice), free_before - budget - gold_bonds - storage_deposit);
		check_invariants();

		assert_ok!(dispatch(
			Sr25519Keyring::Alice,
			RuntimeCall::Tasks(pallet_tasks::Call::top_up { task: 0, amount: 5 * UNIT })
		));
		assert_ok!(dispatch(
			Sr25519Keyring::Alice,
			RuntimeCall::Tasks(pallet_tasks::Call::extend_deadline { task: 0, deadline: 2_000 })
		));
		assert_eq!(Balances::balance_on_hold(&escrow, &alice), budget + 5 * UNIT);

		// Bob is not the requester.
		assert_noop!(
			dispatch(Sr25519Keyring::Bob, RuntimeCall::Tasks(pallet_tasks::Call::cancel_task { task: 0 })),
			pallet_tasks::Error::<Runtime>::NotRequester
		);

		assert_ok!(dispatch(
			Sr25519Keyring::Alice,
			RuntimeCall::Tasks(pallet_tasks::Call::cancel_task { task: 0 })
		));
		assert!(events().contains(&RuntimeEvent::Tasks(pallet_tasks::Event::TaskClosed {
			task: 0,
			refunded: budget + 5 * UNIT,
		})));
		assert_eq!(
			pallet_tasks::Tasks::<Runtime>::get(0).map(|task| task.terms.status),
			Some(TaskStatus::Closed)
		);
		assert_eq!(Balances::balance_on_hold(&escrow, &alice), 0);
		// Cancelled with its gold never revealed: the bonds went to the
		// treasury. The storage deposit comes back once the next block has
		// pruned the gold.
		assert_eq!(Balances::balance(&alice), free_before - gold_bonds - storage_deposit);
		common::labeling_steps::run_block(System::block_number() + 1);
		assert_eq!(pallet_tasks::GoldCommitments::<Runtime>::iter_prefix(0).count(), 0);
		assert_eq!(Balances::balance(&alice), free_before - gold_bonds);
		assert_eq!(Balances::total_issuance(), issuance);
		check_invariants();
	});
}

#[test]
fn an_annotator_bonds_unbonds_and_withdraws() {
	common::genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		let bob = account(Sr25519Keyring::Bob);
		let issuance = Balances::total_issuance();
		let free_before = Balances::balance(&bob);
		let stake: RuntimeHoldReason = pallet_annotator_stake::HoldReason::Stake.into();

		// Below the global minimum of 10 LBL.
		assert_noop!(
			dispatch(
				Sr25519Keyring::Bob,
				RuntimeCall::AnnotatorStake(pallet_annotator_stake::Call::bond { amount: UNIT })
			),
			pallet_annotator_stake::Error::<Runtime>::BelowMinimumStake
		);
		assert_ok!(dispatch(
			Sr25519Keyring::Bob,
			RuntimeCall::AnnotatorStake(pallet_annotator_stake::Call::bond { amount: 100 * UNIT })
		));
		assert_eq!(Balances::balance_on_hold(&stake, &bob), 100 * UNIT);
		assert_eq!(Balances::balance(&bob), free_before - 100 * UNIT);

		assert_ok!(dispatch(
			Sr25519Keyring::Bob,
			RuntimeCall::AnnotatorStake(pallet_annotator_stake::Call::unbond { amount: 100 * UNIT })
		));
		let unlocks_at = 1 + 7 * DAYS;
		assert!(events().contains(&RuntimeEvent::AnnotatorStake(
			pallet_annotator_stake::Event::Unbonding { who: bob.clone(), amount: 100 * UNIT, unlocks_at }
		)));
		// Still held and slashable during the unbonding week.
		assert_noop!(
			dispatch(Sr25519Keyring::Bob, RuntimeCall::AnnotatorStake(pallet_annotator_stake::Call::withdraw {})),
			pallet_annotator_stake::Error::<Runtime>::NothingToWithdraw
		);
		check_invariants();

		System::set_block_number(unlocks_at);
		assert_ok!(dispatch(
			Sr25519Keyring::Bob,
			RuntimeCall::AnnotatorStake(pallet_annotator_stake::Call::withdraw {})
		));
		assert_eq!(Balances::balance_on_hold(&stake, &bob), 0);
		assert_eq!(Balances::balance(&bob), free_before);
		assert!(pallet_annotator_stake::Ledgers::<Runtime>::get(&bob).is_none());
		assert_eq!(Balances::total_issuance(), issuance);
		check_invariants();
	});
}
