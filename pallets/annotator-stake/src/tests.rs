//! Every call's success path and error paths, and the traits other pallets use.

use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use labelchain_primitives::traits::{StakeEligibility, StakeLock, StakeSlash};
use sp_runtime::DispatchError;

use crate::{mock::*, Error, Event, HoldReason, Ledgers, MinimumStake, UnbondingChunk};

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::Stake.into(), &who)
}

fn free(who: AccountId) -> Balance {
	pallet_balances::Pallet::<Test>::free_balance(who)
}

fn bond(who: AccountId, amount: Balance) {
	assert_ok!(AnnotatorStake::bond(RuntimeOrigin::signed(who), amount));
}

mod bond {
	use super::*;

	#[test]
	fn holds_the_stake_and_records_it() {
		test_with_invariants(|| {
			bond(ALICE, 300);
			System::assert_last_event(Event::Bonded { who: ALICE, amount: 300, bonded: 300 }.into());
			bond(ALICE, 200);
			System::assert_last_event(Event::Bonded { who: ALICE, amount: 200, bonded: 500 }.into());
			assert_eq!(held(ALICE), 500);
			assert_eq!(free(ALICE), INITIAL_BALANCE - 500);
			assert_eq!(Ledgers::<Test>::get(ALICE).unwrap().bonded, 500);
		});
	}

	#[test]
	fn rejects_zero() {
		test_with_invariants(|| {
			assert_noop!(AnnotatorStake::bond(RuntimeOrigin::signed(ALICE), 0), Error::<Test>::ZeroAmount);
		});
	}

	#[test]
	fn rejects_a_total_below_the_minimum() {
		test_with_invariants(|| {
			assert_noop!(
				AnnotatorStake::bond(RuntimeOrigin::signed(ALICE), MINIMUM_STAKE - 1),
				Error::<Test>::BelowMinimumStake
			);
		});
	}

	#[test]
	fn rejects_more_than_the_free_balance() {
		test_with_invariants(|| {
			assert_noop!(
				AnnotatorStake::bond(RuntimeOrigin::signed(ALICE), INITIAL_BALANCE + 1),
				Error::<Test>::InsufficientBalance
			);
			// The existential deposit must stay free.
			assert_noop!(
				AnnotatorStake::bond(RuntimeOrigin::signed(ALICE), INITIAL_BALANCE),
				Error::<Test>::InsufficientBalance
			);
		});
	}

	#[test]
	fn rejects_an_overflowing_total() {
		test_with_invariants(|| {
			Ledgers::<Test>::insert(
				ALICE,
				crate::StakeLedger::<Test> { bonded: Balance::MAX, ..Default::default() },
			);
			assert_noop!(AnnotatorStake::bond(RuntimeOrigin::signed(ALICE), 1), Error::<Test>::Overflow);
			Ledgers::<Test>::remove(ALICE);
		});
	}

	#[test]
	fn needs_a_signed_origin() {
		test_with_invariants(|| {
			assert_noop!(AnnotatorStake::bond(RuntimeOrigin::none(), 300), DispatchError::BadOrigin);
		});
	}
}

mod unbond {
	use super::*;

	#[test]
	fn moves_stake_into_an_unbonding_chunk() {
		test_with_invariants(|| {
			bond(ALICE, 500);
			assert_ok!(AnnotatorStake::unbond(RuntimeOrigin::signed(ALICE), 200));
			let unlocks_at = 1 + UNBONDING_PERIOD;
			System::assert_last_event(Event::Unbonding { who: ALICE, amount: 200, unlocks_at }.into());
			let ledger = Ledgers::<Test>::get(ALICE).unwrap();
			assert_eq!(ledger.bonded, 300);
			assert_eq!(ledger.unbonding.to_vec(), vec![UnbondingChunk { amount: 200, unlocks_at }]);
			// Still held: unbonding stake stays slashable.
			assert_eq!(held(ALICE), 500);
		});
	}

	#[test]
	fn merges_unbonds_of_the_same_block() {
		test_with_invariants(|| {
			bond(ALICE, 500);
			assert_ok!(AnnotatorStake::unbond(RuntimeOrigin::signed(ALICE), 100));
			assert_ok!(AnnotatorStake::unbond(RuntimeOrigin::signed(ALICE), 100));
			let ledger = Ledgers::<Test>::get(ALICE).unwrap();
			assert_eq!(ledger.unbonding.len(), 1);
			assert_eq!(ledger.unbonding[0].amount, 200);
		});
	}

	#[test]
	fn may_unbond_everything() {
		test_with_invariants(|| {
			bond(ALICE, 500);
			assert_ok!(AnnotatorStake::unbond(RuntimeOrigin::signed(ALICE), 500));
			assert_eq!(Ledgers::<Test>::get(ALICE).unwrap().bonded, 0);
		});
	}

	#[test]
	fn rejects_zero() {
		test_with_invariants(|| {
			bond(ALICE, 500);
			assert_noop!(AnnotatorStake::unbond(RuntimeOrigin::signed(ALICE), 0), Error::<Test>::ZeroAmount);
		});
	}

	#[test]
	fn rejects_an_account_without_stake() {
		test_with_invariants(|| {
			assert_noop!(AnnotatorStake::unbond(RuntimeOrigin::signed(ALICE), 1), Error::<Test>::NotBonded);
		});
	}

	#[test]
	fn rejects_more_than_bonded() {
		test_with_invariants(|| {
			bond(ALICE, 500);
			assert_noop!(
				AnnotatorStake::unbond(RuntimeOrigin::signed(ALICE), 501),
				Error::<Test>::InsufficientBond
			);
		});
	}

	#[test]
	fn keeps_stake_that_backs_open_claims() {
		test_with_invariants(|| {
			bond(ALICE, 500);
			assert_ok!(<AnnotatorStake as StakeLock<_, _>>::lock(&ALICE, 300));
			assert_noop!(
				AnnotatorStake::unbond(RuntimeOrigin::signed(ALICE), 201),
				Error::<Test>::StakeBacksOpenClaims
			);
			assert_ok!(AnnotatorStake::unbond(RuntimeOrigin::signed(ALICE), 200));
		});
	}

	#[test]
	fn rejects_leaving_less_than_the_minimum_bonded() {
		test_with_invariants(|| {
			bond(ALICE, 500);
			assert_noop!(
				AnnotatorStake::unbond(RuntimeOrigin::signed(ALICE), 500 - MINIMUM_STAKE + 1),
				Error::<Test>::BelowMinimumStake
			);
		});
	}

	#[test]
	fn rejects_too_many_chunks() {
		test_with_invariants(|| {
			bond(ALICE, 1_000);
			for block in 1..=MAX_UNBONDING_CHUNKS as u64 {
				System::set_block_number(block);
				assert_ok!(AnnotatorStake::unbond(RuntimeOrigin::signed(ALICE), 10));
			}
			System::set_block_number(MAX_UNBONDING_CHUNKS as u64 + 1);
			assert_noop!(
				AnnotatorStake::unbond(RuntimeOrigin::signed(ALICE), 10),
				Error::<Test>::TooManyUnbondingChunks
			);
		});
	}
}

mod withdraw {
	use super::*;

	#[test]
	fn frees_stake_after_the_unbonding_period() {
		test_with_invariants(|| {
			bond(ALICE, 500);
			assert_ok!(AnnotatorStake::unbond(RuntimeOrigin::signed(ALICE), 200));
			run_to_block(1 + UNBONDING_PERIOD);
			assert_ok!(AnnotatorStake::withdraw(RuntimeOrigin::signed(ALICE)));
			System::assert_last_event(Event::Withdrawn { who: ALICE, amount: 200 }.into());
			assert_eq!(held(ALICE), 300);
			assert_eq!(free(ALICE), INITIAL_BALANCE - 300);
			assert!(Ledgers::<Test>::get(ALICE).unwrap().unbonding.is_empty());
		});
	}

	#[test]
	fn frees_only_unlocked_chunks() {
		test_with_invariants(|| {
			bond(ALICE, 500);
			assert_ok!(AnnotatorStake::unbond(RuntimeOrigin::signed(ALICE), 100));
			run_to_block(3);
			assert_ok!(AnnotatorStake::unbond(RuntimeOrigin::signed(ALICE), 100));
			run_to_block(1 + UNBONDING_PERIOD);
			assert_ok!(AnnotatorStake::withdraw(RuntimeOrigin::signed(ALICE)));
			System::assert_last_event(Event::Withdrawn { who: ALICE, amount: 100 }.into());
			assert_eq!(held(ALICE), 400);
		});
	}

	#[test]
	fn removes_an_emptied_ledger() {
		test_with_invariants(|| {
			bond(ALICE, 500);
			assert_ok!(AnnotatorStake::unbond(RuntimeOrigin::signed(ALICE), 500));
			run_to_block(1 + UNBONDING_PERIOD);
			assert_ok!(AnnotatorStake::withdraw(RuntimeOrigin::signed(ALICE)));
			assert!(Ledgers::<Test>::get(ALICE).is_none());
			assert_eq!(held(ALICE), 0);
			assert_eq!(free(ALICE), INITIAL_BALANCE);
		});
	}

	#[test]
	fn rejects_an_account_without_stake() {
		test_with_invariants(|| {
			assert_noop!(AnnotatorStake::withdraw(RuntimeOrigin::signed(ALICE)), Error::<Test>::NotBonded);
		});
	}

	#[test]
	fn rejects_before_the_unbonding_period_ends() {
		test_with_invariants(|| {
			bond(ALICE, 500);
			assert_ok!(AnnotatorStake::unbond(RuntimeOrigin::signed(ALICE), 200));
			run_to_block(UNBONDING_PERIOD);
			assert_noop!(
				AnnotatorStake::withdraw(RuntimeOrigin::signed(ALICE)),
				Error::<Test>::NothingToWithdraw
			);
		});
	}
}

mod set_minimum_stake {
	use super::*;

	#[test]
	fn root_sets_it() {
		test_with_invariants(|| {
			assert_ok!(AnnotatorStake::set_minimum_stake(RuntimeOrigin::root(), 1_000));
			System::assert_last_event(Event::MinimumStakeSet { amount: 1_000 }.into());
			assert_eq!(MinimumStake::<Test>::get(), 1_000);
			assert_noop!(
				AnnotatorStake::bond(RuntimeOrigin::signed(ALICE), 999),
				Error::<Test>::BelowMinimumStake
			);
		});
	}

	#[test]
	fn others_may_not() {
		test_with_invariants(|| {
			assert_noop!(
				AnnotatorStake::set_minimum_stake(RuntimeOrigin::signed(ALICE), 1),
				DispatchError::BadOrigin
			);
		});
	}
}

mod eligibility {
	use super::*;

	#[test]
	fn needs_the_global_and_the_task_minimum() {
		test_with_invariants(|| {
			assert!(!AnnotatorStake::may_take_task(&ALICE, 0));
			bond(ALICE, 300);
			assert_eq!(AnnotatorStake::bonded(&ALICE), 300);
			assert!(AnnotatorStake::may_take_task(&ALICE, 0));
			assert!(AnnotatorStake::may_take_task(&ALICE, 300));
			assert!(!AnnotatorStake::may_take_task(&ALICE, 301));
			assert_ok!(AnnotatorStake::set_minimum_stake(RuntimeOrigin::root(), 301));
			assert!(!AnnotatorStake::may_take_task(&ALICE, 0));
		});
	}

	#[test]
	fn unbonding_stake_does_not_count() {
		test_with_invariants(|| {
			bond(ALICE, 300);
			assert_ok!(AnnotatorStake::unbond(RuntimeOrigin::signed(ALICE), 300));
			assert!(!AnnotatorStake::may_take_task(&ALICE, 0));
		});
	}
}

mod locks {
	use super::*;

	#[test]
	fn lock_and_unlock_track_claims() {
		test_with_invariants(|| {
			bond(ALICE, 500);
			assert_ok!(AnnotatorStake::lock(&ALICE, 200));
			assert_ok!(AnnotatorStake::lock(&ALICE, 300));
			assert_eq!(Ledgers::<Test>::get(ALICE).unwrap().locked, 500);
			AnnotatorStake::unlock(&ALICE, 200);
			assert_eq!(Ledgers::<Test>::get(ALICE).unwrap().locked, 300);
			// Unlocking more than is locked frees what there is.
			AnnotatorStake::unlock(&ALICE, 1_000);
			assert_eq!(Ledgers::<Test>::get(ALICE).unwrap().locked, 0);
		});
	}

	#[test]
	fn cannot_lock_more_than_unlocked_stake() {
		test_with_invariants(|| {
			assert_noop!(AnnotatorStake::lock(&ALICE, 1), Error::<Test>::NotBonded);
			bond(ALICE, 500);
			assert_ok!(AnnotatorStake::lock(&ALICE, 400));
			assert_noop!(AnnotatorStake::lock(&ALICE, 101), Error::<Test>::StakeBacksOpenClaims);
		});
	}
}

mod slash {
	use super::*;

	#[test]
	fn takes_bonded_stake_first_and_pays_the_beneficiary() {
		test_with_invariants(|| {
			bond(ALICE, 500);
			assert_ok!(AnnotatorStake::unbond(RuntimeOrigin::signed(ALICE), 200));
			assert_eq!(AnnotatorStake::slash(&ALICE, 100, &BOB), 100);
			System::assert_last_event(Event::Slashed { who: ALICE, amount: 100, beneficiary: BOB }.into());
			let ledger = Ledgers::<Test>::get(ALICE).unwrap();
			assert_eq!(ledger.bonded, 200);
			assert_eq!(ledger.unbonding_total(), 200);
			assert_eq!(held(ALICE), 400);
			assert_eq!(free(BOB), INITIAL_BALANCE + 100);
		});
	}

	#[test]
	fn then_takes_unbonding_stake_latest_first() {
		test_with_invariants(|| {
			bond(ALICE, 600);
			assert_ok!(AnnotatorStake::unbond(RuntimeOrigin::signed(ALICE), 100));
			run_to_block(2);
			assert_ok!(AnnotatorStake::unbond(RuntimeOrigin::signed(ALICE), 200));
			assert_eq!(AnnotatorStake::slash(&ALICE, 450, &BOB), 450);
			let ledger = Ledgers::<Test>::get(ALICE).unwrap();
			// 300 bonded, then 150 of the later chunk; the earlier one is untouched.
			assert_eq!(ledger.bonded, 0);
			assert_eq!(
				ledger.unbonding.to_vec(),
				vec![
					UnbondingChunk { amount: 100, unlocks_at: 1 + UNBONDING_PERIOD },
					UnbondingChunk { amount: 50, unlocks_at: 2 + UNBONDING_PERIOD },
				]
			);
		});
	}

	#[test]
	fn takes_at_most_everything_and_shrinks_locks() {
		test_with_invariants(|| {
			bond(ALICE, 500);
			assert_ok!(AnnotatorStake::lock(&ALICE, 500));
			assert_eq!(AnnotatorStake::slash(&ALICE, 10_000, &BOB), 500);
			assert!(Ledgers::<Test>::get(ALICE).is_none());
			assert_eq!(held(ALICE), 0);
			assert_eq!(free(BOB), INITIAL_BALANCE + 500);
		});
	}

	#[test]
	fn a_slash_that_cannot_be_paid_is_not_taken() {
		test_with_invariants(|| {
			bond(ALICE, 500);
			// NOBODY does not exist, and 5 is below the existential deposit.
			assert_eq!(AnnotatorStake::slash(&ALICE, 5, &NOBODY), 0);
			assert_eq!(held(ALICE), 500);
			// Enough to open the account works.
			assert_eq!(AnnotatorStake::slash(&ALICE, EXISTENTIAL_DEPOSIT, &NOBODY), EXISTENTIAL_DEPOSIT);
			assert_eq!(free(NOBODY), EXISTENTIAL_DEPOSIT);
		});
	}

	#[test]
	fn nothing_to_slash_is_a_no_op() {
		test_with_invariants(|| {
			assert_eq!(AnnotatorStake::slash(&ALICE, 100, &BOB), 0);
			bond(ALICE, 500);
			assert_eq!(AnnotatorStake::slash(&ALICE, 0, &BOB), 0);
		});
	}
}

#[test]
fn try_state_catches_a_hold_that_does_not_match() {
	new_test_ext().execute_with(|| {
		bond(CHARLIE, 500);
		Ledgers::<Test>::mutate(CHARLIE, |ledger| ledger.as_mut().unwrap().bonded = 400);
		assert!(AnnotatorStake::do_try_state().is_err());
	});
}
