//! The labeling flow end to end on one item at a time, and every error path.

use codec::Encode;
use frame_support::{assert_noop, assert_ok};
use labelchain_primitives::{
	labeling::{AssignmentMode, LabelOutcome, TaskStatus, Tier},
	traits::ReputationRecorder,
};
use sp_core::H256;
use sp_runtime::{DispatchError, Perbill};

use crate::{
	mock::*, Decision, Earnings, Error, Event, ItemPhase, Items, OpenClaims, SettledItem, SettledItems,
	TaskQualities, Votes,
};

pub(crate) fn salt(who: AccountId) -> [u8; 32] {
	[who as u8; 32]
}

pub(crate) fn sealed(label: u16, who: AccountId) -> H256 {
	H256(sp_io::hashing::blake2_256(&(label, salt(who), who).encode()))
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
	assert_ok!(LabelVoting::commit(RuntimeOrigin::signed(who), task, item, sealed(label, who)));
}

pub(crate) fn reveal(task: u32, item: u32, who: AccountId, label: u16) {
	assert_ok!(LabelVoting::reveal(RuntimeOrigin::signed(who), task, item, label, salt(who)));
}

pub(crate) fn free(who: AccountId) -> Balance {
	pallet_balances::Pallet::<Test>::free_balance(who)
}

pub(crate) fn locked_stake(who: AccountId) -> Balance {
	pallet_annotator_stake::Ledgers::<Test>::get(who).map(|ledger| ledger.locked).unwrap_or_default()
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
	run_to_block(appeal_ends_at + 1);
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

mod end_to_end {
	use super::*;

	#[test]
	fn agreeing_annotators_are_paid_and_the_task_closes() {
		test_with_invariants(|| {
			let task = create_task(1, 3, AssignmentMode::Open);
			let [a, b, c] = [annotator(0), annotator(1), annotator(2)];
			claim_and_commit(task, 0, a, 1);
			claim_and_commit(task, 0, b, 1);
			assert_eq!(phase(task, 0), ItemPhase::Labeling);
			claim_and_commit(task, 0, c, 0);
			System::assert_has_event(Event::RevealOpened { task, item: 0, ends_at: 1 + REVEAL_WINDOW }.into());
			assert_eq!(locked_stake(a), STAKE_PER_LABEL);

			let requester_before = free(REQUESTER);
			reveal(task, 0, a, 1);
			reveal(task, 0, b, 1);
			reveal(task, 0, c, 0);

			// Equal newcomer weights: label 1 has two thirds.
			let agreement = Perbill::from_rational(2u32, 3);
			let appeal_ends_at = 1 + APPEAL_WINDOW;
			System::assert_last_event(
				Event::ItemAccepted { task, item: 0, label: 1, agreement, appeal_ends_at }.into(),
			);
			assert_eq!(free(a), INITIAL_BALANCE - BOND, "nobody is paid before the appeal window ends");
			settle_after_appeal_window(task, 0);
			let settled_at = System::block_number();
			System::assert_has_event(
				Event::ItemSettled {
					task,
					item: 0,
					label: 1,
					decided_by: Decision::Crowd,
					agreement,
					votes: votes(&[(a, Some(1)), (b, Some(1)), (c, Some(0))]),
				}
				.into(),
			);
			assert_eq!(
				SettledItems::<Test>::get(task, 0),
				Some(SettledItem { label: 1, decided_by: Decision::Crowd, agreement, settled_at })
			);
			let quality = TaskQualities::<Test>::get(task);
			assert_eq!(
				(quality.items_tallied, quality.disputes, quality.settled_by_crowd),
				(1, 0, 1)
			);
			assert_eq!((quality.labels_revealed, quality.labels_agreeing), (3, 2));
			assert_eq!(quality.agreement_rate(), Some(Perbill::from_rational(2u32, 3)));
			assert_eq!(quality.gold_accuracy(), None);
			assert_eq!(Earnings::<Test>::get(a).label_rewards, REWARD);
			assert_eq!(Earnings::<Test>::get(a).labels_paid, 1);
			assert_eq!(Earnings::<Test>::get(c), Default::default());
			assert!(Items::<Test>::get(task, 0).is_none(), "per-label storage is pruned");
			assert_eq!(free(a), INITIAL_BALANCE - BOND + REWARD);
			assert_eq!(free(b), INITIAL_BALANCE - BOND + REWARD);
			assert_eq!(free(c), INITIAL_BALANCE - BOND);
			assert_eq!([locked_stake(a), locked_stake(b), locked_stake(c)], [0, 0, 0]);
			assert_eq!(pallet_reputation::Reputations::<Test>::get(a, 1).agreed, 1);
			assert_eq!(pallet_reputation::Reputations::<Test>::get(c, 1).disagreed, 1);
			// The only item settled, so the task closed and refunded the rest:
			// 1 × 3 × 5 + 100 held, 10 paid.
			let record = pallet_tasks::Tasks::<Test>::get(task).unwrap();
			assert_eq!(record.status, TaskStatus::Closed);
			assert_eq!(free(REQUESTER), requester_before + 105);
		});
	}

	#[test]
	fn reputation_weights_decide_a_split_vote() {
		test_with_invariants(|| {
			let task = create_task(1, 4, AssignmentMode::Open);
			// Two careful annotators against two who are barely better than chance.
			give_record(annotator(0), 200, 10);
			give_record(annotator(1), 200, 10);
			give_record(annotator(2), 100, 95);
			give_record(annotator(3), 100, 95);
			for (n, label) in [(0, 0), (1, 0), (2, 1), (3, 1)] {
				claim_and_commit(task, 0, annotator(n), label);
			}
			for (n, label) in [(0, 0), (1, 0), (2, 1), (3, 1)] {
				reveal(task, 0, annotator(n), label);
			}
			settle_after_appeal_window(task, 0);
			// A plain majority would tie 2–2; the weights accept label 0.
			let settled = SettledItems::<Test>::get(task, 0).expect("settled");
			assert_eq!(settled.label, 0);
			assert_eq!(settled.decided_by, Decision::Crowd);
			assert!(settled.agreement > Perbill::from_percent(90));
			assert_eq!(free(annotator(0)), INITIAL_BALANCE - BOND + REWARD);
			assert_eq!(free(annotator(2)), INITIAL_BALANCE - BOND);
		});
	}

	#[test]
	fn a_crowd_of_coin_flippers_falls_back_to_a_majority() {
		test_with_invariants(|| {
			let task = create_task(1, 3, AssignmentMode::Open);
			for n in 0..3 {
				// (2 + 20) right, (1 + 21) wrong: exactly chance, zero weight.
				give_record(annotator(n), 20, 21);
			}
			for (n, label) in [(0, 1), (1, 1), (2, 0)] {
				claim_and_commit(task, 0, annotator(n), label);
			}
			for (n, label) in [(0, 1), (1, 1), (2, 0)] {
				reveal(task, 0, annotator(n), label);
			}
			// What an expert would see: head counts.
			let shares: Vec<_> = LabelVoting::item_tally(task, 0).unwrap().iter().map(|entry| entry.share).collect();
			assert_eq!(shares, [Perbill::from_rational(1u32, 3), Perbill::from_rational(2u32, 3)]);
			settle_after_appeal_window(task, 0);
			assert_eq!(SettledItems::<Test>::get(task, 0).map(|s| s.label), Some(1));
		});
	}

	#[test]
	fn an_unrevealed_commit_is_slashed_to_the_requester() {
		test_with_invariants(|| {
			let task = create_task(2, 3, AssignmentMode::Open);
			for n in 0..3 {
				claim_and_commit(task, 0, annotator(n), 1);
			}
			reveal(task, 0, annotator(0), 1);
			reveal(task, 0, annotator(1), 1);
			assert_noop!(
				LabelVoting::finalize_item(RuntimeOrigin::signed(REQUESTER), task, 0),
				Error::<Test>::RevealWindowOpen
			);
			run_to_block(2 + REVEAL_WINDOW);
			let requester_before = free(REQUESTER);
			assert_ok!(LabelVoting::finalize_item(RuntimeOrigin::signed(REQUESTER), task, 0));
			settle_after_appeal_window(task, 0);
			assert_eq!(SettledItems::<Test>::get(task, 0).map(|s| s.label), Some(1));
			assert_eq!(free(REQUESTER), requester_before + UNREVEALED_SLASH);
			let lazy = annotator(2);
			assert_eq!(pallet_annotator_stake::Ledgers::<Test>::get(lazy).unwrap().bonded, BOND - UNREVEALED_SLASH);
			assert_eq!(pallet_reputation::Reputations::<Test>::get(lazy, 1).unrevealed, 1);
			assert_eq!(locked_stake(lazy), 0);
			assert_eq!(Earnings::<Test>::get(lazy).slashed, UNREVEALED_SLASH);
			let quality = TaskQualities::<Test>::get(task);
			assert_eq!((quality.labels_revealed, quality.labels_unrevealed), (2, 1));
		});
	}

	#[test]
	fn a_tie_is_disputed_and_an_expert_settles_it() {
		test_with_invariants(|| {
			let task = create_task(2, 2, AssignmentMode::Open);
			claim_and_commit(task, 0, annotator(0), 0);
			claim_and_commit(task, 0, annotator(1), 1);
			reveal(task, 0, annotator(0), 0);
			reveal(task, 0, annotator(1), 1);
			System::assert_last_event(Event::ItemDisputed { task, item: 0 }.into());
			assert_eq!(phase(task, 0), ItemPhase::Disputed);
			assert_eq!(locked_stake(annotator(0)), STAKE_PER_LABEL, "stake stays locked until settled");

			assert_noop!(
				LabelVoting::resolve_dispute(RuntimeOrigin::signed(annotator(0)), task, 0, 1),
				DispatchError::BadOrigin
			);
			assert_noop!(
				LabelVoting::resolve_dispute(RuntimeOrigin::signed(EXPERT), task, 0, 2),
				Error::<Test>::LabelOutOfRange
			);
			assert_noop!(
				LabelVoting::resolve_dispute(RuntimeOrigin::signed(EXPERT), task, 1, 1),
				Error::<Test>::UnknownItem
			);
			assert_ok!(LabelVoting::resolve_dispute(RuntimeOrigin::signed(EXPERT), task, 0, 1));
			System::assert_has_event(
				Event::ItemSettled {
					task,
					item: 0,
					label: 1,
					decided_by: Decision::Expert,
					agreement: Perbill::from_percent(50),
					votes: votes(&[(annotator(0), Some(0)), (annotator(1), Some(1))]),
				}
				.into(),
			);
			assert_eq!(free(EXPERT), INITIAL_BALANCE + EXPERT_FEE);
			assert_eq!(Earnings::<Test>::get(EXPERT).expert_fees, EXPERT_FEE);
			let quality = TaskQualities::<Test>::get(task);
			assert_eq!((quality.items_tallied, quality.disputes, quality.settled_by_expert), (1, 1, 1));
			assert_eq!(quality.dispute_rate(), Some(Perbill::one()));
			assert_eq!(free(annotator(1)), INITIAL_BALANCE - BOND + REWARD);
			assert_eq!(free(annotator(0)), INITIAL_BALANCE - BOND);
			assert_noop!(
				LabelVoting::resolve_dispute(RuntimeOrigin::signed(EXPERT), task, 0, 1),
				Error::<Test>::UnknownItem
			);
		});
	}

	#[test]
	fn a_lone_label_on_a_redundant_item_is_disputed() {
		test_with_invariants(|| {
			let task = create_task(1, 2, AssignmentMode::Open);
			claim_and_commit(task, 0, annotator(0), 1);
			claim_and_commit(task, 0, annotator(1), 1);
			reveal(task, 0, annotator(0), 1);
			run_to_block(2 + REVEAL_WINDOW);
			assert_ok!(LabelVoting::finalize_item(RuntimeOrigin::signed(REQUESTER), task, 0));
			// All the revealed weight, but only one annotator behind it.
			assert_eq!(phase(task, 0), ItemPhase::Disputed);
			assert_noop!(
				LabelVoting::finalize_item(RuntimeOrigin::signed(REQUESTER), task, 0),
				Error::<Test>::NothingToFinalize
			);
		});
	}
}

mod claims {
	use super::*;

	#[test]
	fn assigned_claims_pick_distinct_items_up_to_the_cap() {
		test_with_invariants(|| {
			let task = create_task(5, 2, AssignmentMode::Assigned);
			let who = annotator(0);
			for _ in 0..MAX_OPEN_CLAIMS {
				assert_ok!(LabelVoting::claim(RuntimeOrigin::signed(who), task));
			}
			let claimed: Vec<u32> = Items::<Test>::iter_prefix(task)
				.filter(|(_, state)| state.involves(&who))
				.map(|(item, _)| item)
				.collect();
			assert_eq!(claimed.len() as u32, MAX_OPEN_CLAIMS, "each claim is a different item");
			assert_eq!(OpenClaims::<Test>::get(who), MAX_OPEN_CLAIMS);
			assert_eq!(locked_stake(who), STAKE_PER_LABEL * MAX_OPEN_CLAIMS as u64);
			assert_noop!(
				LabelVoting::claim(RuntimeOrigin::signed(who), task),
				Error::<Test>::TooManyOpenClaims
			);
		});
	}

	#[test]
	fn an_assigned_task_runs_out_of_items() {
		test_with_invariants(|| {
			let task = create_task(1, 1, AssignmentMode::Assigned);
			assert_ok!(LabelVoting::claim(RuntimeOrigin::signed(annotator(0)), task));
			System::assert_last_event(
				Event::ItemClaimed { task, item: 0, annotator: annotator(0), expires_at: 1 + CLAIM_TTL }.into(),
			);
			assert_noop!(
				LabelVoting::claim(RuntimeOrigin::signed(annotator(1)), task),
				Error::<Test>::NoItemAvailable
			);
		});
	}

	#[test]
	fn rejects_bad_claims() {
		test_with_invariants(|| {
			let assigned = create_task(2, 1, AssignmentMode::Assigned);
			let open = create_task(2, 1, AssignmentMode::Open);
			let who = RuntimeOrigin::signed(annotator(0));
			assert_noop!(LabelVoting::claim(who.clone(), 9), Error::<Test>::UnknownTask);
			assert_noop!(LabelVoting::claim_item(who.clone(), 9, 0), Error::<Test>::UnknownTask);
			assert_noop!(LabelVoting::claim(who.clone(), open), Error::<Test>::WrongAssignmentMode);
			assert_noop!(
				LabelVoting::claim_item(who.clone(), assigned, 0),
				Error::<Test>::WrongAssignmentMode
			);
			assert_noop!(LabelVoting::claim_item(who.clone(), open, 2), Error::<Test>::ItemOutOfRange);
			assert_noop!(
				LabelVoting::claim_item(RuntimeOrigin::signed(UNBONDED), open, 0),
				Error::<Test>::InsufficientStake
			);
			assert_ok!(LabelVoting::claim_item(who.clone(), open, 0));
			assert_noop!(LabelVoting::claim_item(who.clone(), open, 0), Error::<Test>::AlreadyLabeled);
			assert_noop!(
				LabelVoting::claim_item(RuntimeOrigin::signed(annotator(1)), open, 0),
				Error::<Test>::ItemFull
			);
			assert_noop!(LabelVoting::claim(RuntimeOrigin::none(), assigned), DispatchError::BadOrigin);
		});
	}

	#[test]
	fn tasks_gate_on_tier() {
		test_with_invariants(|| {
			let mut spec = task_spec(1, 1, AssignmentMode::Open);
			spec.min_tier = Tier::Qualified;
			assert_ok!(Tasks::create_task(RuntimeOrigin::signed(REQUESTER), spec));
			assert_noop!(
				LabelVoting::claim_item(RuntimeOrigin::signed(annotator(0)), 0, 0),
				Error::<Test>::TierTooLow
			);
			give_record(annotator(0), 30, 0);
			assert_ok!(LabelVoting::claim_item(RuntimeOrigin::signed(annotator(0)), 0, 0));
		});
	}

	#[test]
	fn a_cancelled_or_late_task_takes_no_claims() {
		test_with_invariants(|| {
			let task = create_task(2, 1, AssignmentMode::Open);
			let late = create_task(2, 1, AssignmentMode::Open);
			assert_ok!(Tasks::cancel_task(RuntimeOrigin::signed(REQUESTER), task));
			assert_noop!(
				LabelVoting::claim_item(RuntimeOrigin::signed(annotator(0)), task, 0),
				Error::<Test>::TaskNotAcceptingWork
			);
			run_to_block(1_001);
			assert_noop!(
				LabelVoting::claim_item(RuntimeOrigin::signed(annotator(0)), late, 0),
				Error::<Test>::TaskNotAcceptingWork
			);
		});
	}

	#[test]
	fn a_settled_item_takes_no_claims() {
		test_with_invariants(|| {
			let task = create_task(2, 1, AssignmentMode::Open);
			claim_and_commit(task, 0, annotator(0), 1);
			reveal(task, 0, annotator(0), 1);
			settle_after_appeal_window(task, 0);
			assert!(SettledItems::<Test>::contains_key(task, 0));
			assert_noop!(
				LabelVoting::claim_item(RuntimeOrigin::signed(annotator(1)), task, 0),
				Error::<Test>::ItemAlreadySettled
			);
		});
	}

	#[test]
	fn expired_claims_count_against_reputation_and_free_the_item() {
		test_with_invariants(|| {
			let task = create_task(1, 2, AssignmentMode::Open);
			claim_and_commit(task, 0, annotator(0), 1);
			assert_ok!(LabelVoting::claim_item(RuntimeOrigin::signed(annotator(1)), task, 0));
			assert_noop!(
				LabelVoting::finalize_item(RuntimeOrigin::signed(REQUESTER), task, 0),
				Error::<Test>::NothingToFinalize
			);
			run_to_block(2 + CLAIM_TTL);
			assert_noop!(
				LabelVoting::commit(RuntimeOrigin::signed(annotator(1)), task, 0, sealed(1, annotator(1))),
				Error::<Test>::ClaimExpired
			);
			assert_ok!(LabelVoting::finalize_item(RuntimeOrigin::signed(REQUESTER), task, 0));
			System::assert_has_event(Event::ClaimExpired { task, item: 0, annotator: annotator(1) }.into());
			assert_eq!(OpenClaims::<Test>::get(annotator(1)), 0);
			assert_eq!(locked_stake(annotator(1)), 0);
			assert_eq!(pallet_reputation::Reputations::<Test>::get(annotator(1), 1).expired_claims, 1);
			// With no live claim left, the reveal window opens for the one commit.
			assert!(matches!(phase(task, 0), ItemPhase::Revealing { .. }));
		});
	}

	#[test]
	fn an_item_whose_only_claim_expired_is_released() {
		test_with_invariants(|| {
			let task = create_task(1, 2, AssignmentMode::Open);
			assert_ok!(LabelVoting::claim_item(RuntimeOrigin::signed(annotator(0)), task, 0));
			run_to_block(2 + CLAIM_TTL);
			assert_ok!(LabelVoting::finalize_item(RuntimeOrigin::signed(REQUESTER), task, 0));
			assert!(Items::<Test>::get(task, 0).is_none());
			assert_noop!(
				LabelVoting::finalize_item(RuntimeOrigin::signed(REQUESTER), task, 0),
				Error::<Test>::UnknownItem
			);
		});
	}
}

mod commits_and_reveals {
	use super::*;

	#[test]
	fn rejects_bad_commits() {
		test_with_invariants(|| {
			let task = create_task(2, 2, AssignmentMode::Open);
			let hash = sealed(1, annotator(0));
			let commit = |who, task, item| LabelVoting::commit(RuntimeOrigin::signed(who), task, item, hash);
			assert_noop!(commit(annotator(0), 9, 0), Error::<Test>::UnknownTask);
			assert_noop!(commit(annotator(0), task, 2), Error::<Test>::ItemOutOfRange);
			assert_noop!(commit(UNBONDED, task, 0), Error::<Test>::InsufficientStake);
			// Both places of item 0 are claimed by others.
			assert_ok!(LabelVoting::claim_item(RuntimeOrigin::signed(annotator(1)), task, 0));
			assert_ok!(LabelVoting::claim_item(RuntimeOrigin::signed(annotator(2)), task, 0));
			assert_noop!(commit(annotator(0), task, 0), Error::<Test>::ItemFull);
			assert_ok!(commit(annotator(0), task, 1));
			assert_noop!(commit(annotator(0), task, 1), Error::<Test>::AlreadyLabeled);
			assert_ok!(LabelVoting::commit(RuntimeOrigin::signed(annotator(1)), task, 1, sealed(1, annotator(1))));
			// Item 1 is revealing now.
			assert_noop!(commit(annotator(2), task, 1), Error::<Test>::NotLabeling);

			// An assigned task's items are committed only with a claim.
			let assigned = create_task(2, 2, AssignmentMode::Assigned);
			assert_noop!(commit(annotator(0), assigned, 0), Error::<Test>::NoClaim);
		});
	}

	#[test]
	fn rejects_bad_reveals() {
		test_with_invariants(|| {
			let task = create_task(2, 2, AssignmentMode::Open);
			let (a, b) = (annotator(0), annotator(1));
			assert_noop!(
				LabelVoting::reveal(RuntimeOrigin::signed(a), task, 0, 1, salt(a)),
				Error::<Test>::UnknownItem
			);
			claim_and_commit(task, 0, a, 1);
			assert_noop!(
				LabelVoting::reveal(RuntimeOrigin::signed(a), task, 0, 1, salt(a)),
				Error::<Test>::NotRevealing
			);
			claim_and_commit(task, 0, b, 1);
			assert_noop!(
				LabelVoting::reveal(RuntimeOrigin::signed(annotator(2)), task, 0, 1, salt(a)),
				Error::<Test>::NoCommit
			);
			// Another label, another salt, or another's commit: none matches.
			assert_noop!(
				LabelVoting::reveal(RuntimeOrigin::signed(a), task, 0, 0, salt(a)),
				Error::<Test>::CommitMismatch
			);
			assert_noop!(
				LabelVoting::reveal(RuntimeOrigin::signed(a), task, 0, 1, salt(b)),
				Error::<Test>::CommitMismatch
			);
			assert_noop!(
				LabelVoting::reveal(RuntimeOrigin::signed(a), task, 0, 2, salt(a)),
				Error::<Test>::LabelOutOfRange
			);
			reveal(task, 0, a, 1);
			assert_noop!(
				LabelVoting::reveal(RuntimeOrigin::signed(a), task, 0, 1, salt(a)),
				Error::<Test>::AlreadyRevealed
			);
			run_to_block(2 + REVEAL_WINDOW);
			assert_noop!(
				LabelVoting::reveal(RuntimeOrigin::signed(b), task, 0, 1, salt(b)),
				Error::<Test>::RevealWindowClosed
			);
		});
	}

	#[test]
	fn reveals_and_settlement_are_charged_for_the_items_redundancy() {
		use crate::weights::WeightInfo;
		use frame_support::traits::Get;
		test_with_invariants(|| {
			let task = create_task(1, 2, AssignmentMode::Open);
			let (a, b) = (annotator(0), annotator(1));
			claim_and_commit(task, 0, a, 1);
			claim_and_commit(task, 0, b, 1);
			let most: u32 = <Test as crate::Config>::MaxRedundancy::get();
			let charged = |result: frame_support::dispatch::DispatchResultWithPostInfo| {
				result.expect("the call succeeds").actual_weight.expect("the call refunds")
			};
			// Declared at the largest redundancy, charged at the item's two; only
			// the last reveal is charged for the tally.
			let first = charged(LabelVoting::reveal(RuntimeOrigin::signed(a), task, 0, 1, salt(a)));
			let last = charged(LabelVoting::reveal(RuntimeOrigin::signed(b), task, 0, 1, salt(b)));
			assert_eq!(first, <() as WeightInfo>::reveal_untallied(2));
			assert_eq!(last, <() as WeightInfo>::reveal(2));
			assert!(last.all_lt(<() as WeightInfo>::reveal(most)));
			let ItemPhase::Accepted { appeal_ends_at, .. } = phase(task, 0) else { panic!("accepted") };
			run_to_block(appeal_ends_at + 1);
			let settled = charged(LabelVoting::finalize_item(RuntimeOrigin::signed(REQUESTER), task, 0));
			assert_eq!(settled, <() as WeightInfo>::finalize_item(2));
		});
	}

	#[test]
	fn a_commit_cannot_be_replayed_by_another_annotator() {
		test_with_invariants(|| {
			let task = create_task(1, 2, AssignmentMode::Open);
			let (a, b) = (annotator(0), annotator(1));
			claim_and_commit(task, 0, a, 1);
			// b copies a's hash; a's salt and label do not open it for b.
			assert_ok!(LabelVoting::claim_item(RuntimeOrigin::signed(b), task, 0));
			assert_ok!(LabelVoting::commit(RuntimeOrigin::signed(b), task, 0, sealed(1, a)));
			assert_noop!(
				LabelVoting::reveal(RuntimeOrigin::signed(b), task, 0, 1, salt(a)),
				Error::<Test>::CommitMismatch
			);
		});
	}
}

mod appeals {
	use super::*;

	/// Item 0 of a fresh task accepted as 1 by annotators 0 and 1 over 2's 0.
	fn accepted_item() -> u32 {
		let task = create_task(2, 3, AssignmentMode::Open);
		for (n, label) in [(0, 1), (1, 1), (2, 0)] {
			claim_and_commit(task, 0, annotator(n), label);
		}
		for (n, label) in [(0, 1), (1, 1), (2, 0)] {
			reveal(task, 0, annotator(n), label);
		}
		task
	}

	fn bonded_for_appeal(who: AccountId) -> Balance {
		use frame_support::traits::fungible::InspectHold;
		Balances::balance_on_hold(&crate::HoldReason::AppealBond.into(), &who)
	}

	#[test]
	fn an_upheld_appeal_changes_the_label_and_returns_the_bond() {
		test_with_invariants(|| {
			let task = accepted_item();
			let dissenter = annotator(2);
			assert_ok!(LabelVoting::appeal(RuntimeOrigin::signed(dissenter), task, 0));
			System::assert_last_event(
				Event::AppealLodged { task, item: 0, appellant: dissenter, bond: APPEAL_BOND }.into(),
			);
			assert_eq!(bonded_for_appeal(dissenter), APPEAL_BOND);
			// An appealed item waits for the expert, whatever the time.
			run_to_block(100);
			assert_noop!(
				LabelVoting::finalize_item(RuntimeOrigin::signed(REQUESTER), task, 0),
				Error::<Test>::NothingToFinalize
			);
			assert_ok!(LabelVoting::decide_appeal(RuntimeOrigin::signed(EXPERT), task, 0, 0));
			System::assert_has_event(Event::AppealDecided { task, item: 0, upheld: true }.into());
			let settled = SettledItems::<Test>::get(task, 0).expect("settled");
			assert_eq!((settled.label, settled.decided_by), (0, Decision::Expert));
			assert_eq!(bonded_for_appeal(dissenter), 0);
			assert_eq!(free(dissenter), INITIAL_BALANCE - BOND + REWARD);
			assert_eq!(free(annotator(0)), INITIAL_BALANCE - BOND);
			assert_eq!(free(EXPERT), INITIAL_BALANCE + EXPERT_FEE);
			let quality = TaskQualities::<Test>::get(task);
			assert_eq!((quality.appeals, quality.appeals_upheld, quality.settled_by_expert), (1, 1, 1));
			assert_eq!(Earnings::<Test>::get(dissenter).slashed, 0);
		});
	}

	#[test]
	fn a_rejected_appeal_pays_the_bond_to_the_requester() {
		test_with_invariants(|| {
			let task = accepted_item();
			let dissenter = annotator(2);
			assert_ok!(LabelVoting::appeal(RuntimeOrigin::signed(dissenter), task, 0));
			let requester_before = free(REQUESTER);
			assert_ok!(LabelVoting::decide_appeal(RuntimeOrigin::signed(EXPERT), task, 0, 1));
			System::assert_has_event(Event::AppealDecided { task, item: 0, upheld: false }.into());
			let settled = SettledItems::<Test>::get(task, 0).expect("settled");
			assert_eq!((settled.label, settled.decided_by), (1, Decision::Crowd));
			assert_eq!(free(dissenter), INITIAL_BALANCE - BOND - APPEAL_BOND);
			assert_eq!(free(REQUESTER), requester_before + APPEAL_BOND);
			assert_eq!(free(annotator(0)), INITIAL_BALANCE - BOND + REWARD);
			assert_eq!(Earnings::<Test>::get(dissenter).slashed, APPEAL_BOND);
			let quality = TaskQualities::<Test>::get(task);
			assert_eq!((quality.appeals, quality.appeals_upheld, quality.settled_by_crowd), (1, 0, 1));
		});
	}

	#[test]
	fn the_requester_may_appeal_too() {
		test_with_invariants(|| {
			let task = accepted_item();
			assert_ok!(LabelVoting::appeal(RuntimeOrigin::signed(REQUESTER), task, 0));
			assert_ok!(LabelVoting::decide_appeal(RuntimeOrigin::signed(EXPERT), task, 0, 1));
			assert_eq!(bonded_for_appeal(REQUESTER), 0);
		});
	}

	#[test]
	fn rejects_bad_appeals() {
		test_with_invariants(|| {
			let task = accepted_item();
			assert_noop!(
				LabelVoting::appeal(RuntimeOrigin::signed(annotator(5)), task, 0),
				Error::<Test>::NotInvolved
			);
			assert_noop!(
				LabelVoting::appeal(RuntimeOrigin::signed(annotator(0)), task, 1),
				Error::<Test>::UnknownItem
			);
			assert_noop!(LabelVoting::appeal(RuntimeOrigin::signed(annotator(0)), 9, 0), Error::<Test>::UnknownTask);
			// Annotator 1 spends almost all their free balance.
			let spendable = free(annotator(1)) - 10;
			assert_ok!(Balances::transfer_keep_alive(RuntimeOrigin::signed(annotator(1)), UNBONDED, spendable));
			assert_noop!(
				LabelVoting::appeal(RuntimeOrigin::signed(annotator(1)), task, 0),
				Error::<Test>::InsufficientBalance
			);
			assert_noop!(
				LabelVoting::decide_appeal(RuntimeOrigin::signed(EXPERT), task, 0, 0),
				Error::<Test>::NotAppealed
			);
			// An accepted item is not the expert's to settle unless appealed.
			assert_noop!(
				LabelVoting::resolve_dispute(RuntimeOrigin::signed(EXPERT), task, 0, 0),
				Error::<Test>::NotDisputed
			);
			run_to_block(2 + APPEAL_WINDOW);
			assert_noop!(
				LabelVoting::appeal(RuntimeOrigin::signed(annotator(0)), task, 0),
				Error::<Test>::NotAppealable
			);
		});
	}

	#[test]
	fn rejects_bad_decisions() {
		test_with_invariants(|| {
			let task = accepted_item();
			assert_ok!(LabelVoting::appeal(RuntimeOrigin::signed(annotator(2)), task, 0));
			assert_noop!(
				LabelVoting::decide_appeal(RuntimeOrigin::signed(annotator(0)), task, 0, 0),
				DispatchError::BadOrigin
			);
			assert_noop!(
				LabelVoting::decide_appeal(RuntimeOrigin::signed(EXPERT), task, 0, 2),
				Error::<Test>::LabelOutOfRange
			);
			assert_noop!(
				LabelVoting::decide_appeal(RuntimeOrigin::signed(EXPERT), task, 1, 0),
				Error::<Test>::UnknownItem
			);
			// Appeals are only for accepted items.
			claim_and_commit(task, 1, annotator(0), 1);
			assert_noop!(
				LabelVoting::appeal(RuntimeOrigin::signed(annotator(0)), task, 1),
				Error::<Test>::NotAppealable
			);
		});
	}
}

mod gold {
	use super::*;

	/// A task whose item 0 is gold with answer 0 (index 0), and whose item 1's
	/// commitment is at index 1 with answer 1.
	fn gold_task() -> u32 {
		let task = pallet_tasks::NextTaskId::<Test>::get();
		let mut spec = task_spec(3, 3, AssignmentMode::Open);
		spec.gold_commitments =
			frame_support::BoundedVec::truncate_from(vec![gold_commitment(0, 0), gold_commitment(1, 1)]);
		assert_ok!(Tasks::create_task(RuntimeOrigin::signed(REQUESTER), spec));
		for (n, label) in [(0, 1), (1, 1), (2, 0)] {
			claim_and_commit(task, 0, annotator(n), label);
		}
		for (n, label) in [(0, 1), (1, 1), (2, 0)] {
			reveal(task, 0, annotator(n), label);
		}
		task
	}

	#[test]
	fn the_gold_answer_decides_and_wrong_answers_are_slashed() {
		test_with_invariants(|| {
			let task = gold_task();
			let requester_before = free(REQUESTER);
			assert_ok!(LabelVoting::reveal_gold(RuntimeOrigin::signed(REQUESTER), task, 0, 0, 0, GOLD_SALT));
			System::assert_has_event(Event::GoldRevealed { task, item: 0, gold_index: 0, answer: 0 }.into());
			let settled = SettledItems::<Test>::get(task, 0).expect("settled");
			assert_eq!((settled.label, settled.decided_by), (0, Decision::Gold));
			assert_eq!(free(annotator(2)), INITIAL_BALANCE - BOND + REWARD);
			assert_eq!(free(REQUESTER), requester_before + 2 * GOLD_SLASH);
			let wrong = pallet_reputation::Reputations::<Test>::get(annotator(0), 1);
			assert_eq!(wrong.gold_wrong, 1);
			assert_eq!(pallet_reputation::Reputations::<Test>::get(annotator(2), 1).gold_correct, 1);
			assert_eq!(
				pallet_annotator_stake::Ledgers::<Test>::get(annotator(0)).unwrap().bonded,
				BOND - GOLD_SLASH
			);
			assert_eq!(Earnings::<Test>::get(annotator(0)).slashed, GOLD_SLASH);
			let quality = TaskQualities::<Test>::get(task);
			assert_eq!((quality.settled_by_gold, quality.gold_labels, quality.gold_labels_correct), (1, 3, 1));
			assert_eq!(quality.gold_accuracy(), Some(Perbill::from_rational(1u32, 3)));
		});
	}

	#[test]
	fn gold_settles_an_appealed_item_and_returns_the_bond() {
		test_with_invariants(|| {
			let task = gold_task();
			assert_ok!(LabelVoting::appeal(RuntimeOrigin::signed(annotator(2)), task, 0));
			assert_ok!(LabelVoting::reveal_gold(RuntimeOrigin::signed(REQUESTER), task, 0, 0, 0, GOLD_SALT));
			assert_eq!(free(annotator(2)), INITIAL_BALANCE - BOND + REWARD);
		});
	}

	#[test]
	fn rejects_bad_gold_reveals() {
		test_with_invariants(|| {
			let task = gold_task();
			let requester = RuntimeOrigin::signed(REQUESTER);
			assert_noop!(
				LabelVoting::reveal_gold(RuntimeOrigin::signed(annotator(0)), task, 0, 0, 0, GOLD_SALT),
				Error::<Test>::NotRequester
			);
			assert_noop!(
				LabelVoting::reveal_gold(requester.clone(), 9, 0, 0, 0, GOLD_SALT),
				Error::<Test>::UnknownTask
			);
			assert_noop!(
				LabelVoting::reveal_gold(requester.clone(), task, 0, 5, 0, GOLD_SALT),
				Error::<Test>::UnknownGold
			);
			assert_noop!(
				LabelVoting::reveal_gold(requester.clone(), task, 0, 0, 1, GOLD_SALT),
				Error::<Test>::GoldMismatch
			);
			assert_noop!(
				LabelVoting::reveal_gold(requester.clone(), task, 0, 0, 0, [0; 32]),
				Error::<Test>::GoldMismatch
			);
			assert_noop!(
				LabelVoting::reveal_gold(requester.clone(), task, 0, 0, 2, GOLD_SALT),
				Error::<Test>::LabelOutOfRange
			);
			// Item 1 has not been labeled at all.
			assert_noop!(
				LabelVoting::reveal_gold(requester.clone(), task, 1, 1, 1, GOLD_SALT),
				Error::<Test>::UnknownItem
			);
			claim_and_commit(task, 1, annotator(0), 1);
			assert_noop!(
				LabelVoting::reveal_gold(requester.clone(), task, 1, 1, 1, GOLD_SALT),
				Error::<Test>::NotTallied
			);
			assert_ok!(LabelVoting::reveal_gold(requester.clone(), task, 0, 0, 0, GOLD_SALT));
			assert_noop!(
				LabelVoting::reveal_gold(requester, task, 0, 0, 0, GOLD_SALT),
				Error::<Test>::GoldAlreadyRevealed
			);
		});
	}
}

#[test]
fn a_settled_item_keeps_a_compact_record() {
	use codec::MaxEncodedLen;
	// The value stored per settled item: label, decision, agreement, block.
	assert_eq!(SettledItem::<u32>::max_encoded_len(), 11);
	assert!(SettledItem::<u64>::max_encoded_len() <= 64);
	// Its key: pallet and map prefixes, then the task id and item index as they are.
	let key = SettledItems::<Test>::hashed_key_for(7u32, 9u32);
	assert_eq!(key.len(), 16 + 16 + 4 + 4);
	assert_eq!(key.len() + SettledItem::<u32>::max_encoded_len(), 51, "at most 64 bytes per settled item");
}

mod views {
	use super::*;
	use crate::views::ItemView;
	use labelchain_primitives::runtime_api::{ItemCounts, ItemPage, LabelingApiError, WorkPlace};

	#[test]
	fn item_counts_follow_items_through_their_phases() {
		test_with_invariants(|| {
			let task = create_task(4, 2, AssignmentMode::Open);
			let counts = |expected: [u32; 7]| {
				let [untouched, labeling, revealing, disputed, accepted, appealed, settled] = expected;
				assert_eq!(
					LabelVoting::item_counts(task, 4),
					ItemCounts { untouched, labeling, revealing, disputed, accepted, appealed, settled }
				);
			};
			counts([4, 0, 0, 0, 0, 0, 0]);
			assert_ok!(LabelVoting::claim_item(RuntimeOrigin::signed(annotator(0)), task, 0));
			counts([3, 1, 0, 0, 0, 0, 0]);
			claim_and_commit(task, 1, annotator(0), 1);
			claim_and_commit(task, 1, annotator(1), 1);
			claim_and_commit(task, 2, annotator(0), 0);
			claim_and_commit(task, 2, annotator(1), 1);
			claim_and_commit(task, 3, annotator(2), 1);
			claim_and_commit(task, 3, annotator(3), 1);
			counts([0, 1, 3, 0, 0, 0, 0]);
			for (item, who, label) in [(1, 0, 1), (1, 1, 1), (2, 0, 0), (2, 1, 1), (3, 2, 1), (3, 3, 1)] {
				reveal(task, item, annotator(who), label);
			}
			counts([0, 1, 0, 1, 2, 0, 0]);
			assert_ok!(LabelVoting::appeal(RuntimeOrigin::signed(REQUESTER), task, 3));
			counts([0, 1, 0, 1, 1, 1, 0]);
			settle_after_appeal_window(task, 1);
			counts([0, 1, 0, 1, 0, 1, 1]);
		});
	}

	#[test]
	fn an_items_tally_weighs_labels_by_reputation_not_by_head_count() {
		test_with_invariants(|| {
			let task = create_task(2, 3, AssignmentMode::Open);
			// One careful annotator against two barely better than chance.
			give_record(annotator(0), 200, 10);
			give_record(annotator(1), 100, 95);
			give_record(annotator(2), 100, 95);
			assert_eq!(LabelVoting::item_tally(task, 0), Ok(vec![]));
			for (n, label) in [(0, 0), (1, 1), (2, 1)] {
				claim_and_commit(task, 0, annotator(n), label);
			}
			assert_eq!(LabelVoting::item_tally(task, 0), Ok(vec![]), "nothing revealed yet");
			for (n, label) in [(0, 0), (1, 1), (2, 1)] {
				reveal(task, 0, annotator(n), label);
			}
			let tally = LabelVoting::item_tally(task, 0).unwrap();
			assert_eq!(tally.iter().map(|entry| (entry.label, entry.annotators)).collect::<Vec<_>>(), [(0, 1), (1, 2)]);
			// The one careful label outweighs the two others, but one annotator
			// alone cannot carry an item: it waits for an expert, who sees this.
			assert!(tally[0].share > Perbill::from_percent(70), "{tally:?}");
			assert!(tally[0].share.deconstruct() + tally[1].share.deconstruct() <= Perbill::one().deconstruct());
			assert_eq!(phase(task, 0), ItemPhase::Disputed);
			assert_eq!(LabelVoting::item_tally(task, 2), Err(LabelingApiError::ItemOutOfRange));
			assert_eq!(LabelVoting::item_tally(task + 1, 0), Err(LabelingApiError::UnknownTask));
			assert_ok!(LabelVoting::resolve_dispute(RuntimeOrigin::signed(EXPERT), task, 0, 0));
			assert_eq!(LabelVoting::item_tally(task, 0), Ok(vec![]), "a settled item keeps no tally");
		});
	}

	#[test]
	fn an_item_reads_untouched_in_progress_then_settled() {
		test_with_invariants(|| {
			let task = create_task(2, 1, AssignmentMode::Open);
			assert!(matches!(LabelVoting::item_view(task, 0), Ok(ItemView::Untouched)));
			claim_and_commit(task, 0, annotator(0), 1);
			assert!(matches!(
				LabelVoting::item_view(task, 0),
				Ok(ItemView::InProgress(state)) if state.commits.len() == 1
			));
			reveal(task, 0, annotator(0), 1);
			settle_after_appeal_window(task, 0);
			assert!(matches!(
				LabelVoting::item_view(task, 0),
				Ok(ItemView::Settled(record)) if record.label == 1
			));
			assert!(matches!(LabelVoting::item_view(task, 2), Err(LabelingApiError::ItemOutOfRange)));
			assert!(matches!(LabelVoting::item_view(task + 1, 0), Err(LabelingApiError::UnknownTask)));
		});
	}

	#[test]
	fn an_annotator_sees_their_claims_and_commits() {
		test_with_invariants(|| {
			let task = create_task(3, 2, AssignmentMode::Open);
			let who = annotator(0);
			assert_ok!(LabelVoting::claim_item(RuntimeOrigin::signed(who), task, 2));
			claim_and_commit(task, 0, who, 1);
			let work = LabelVoting::work_of(&who, task).expect("a known task");
			assert_eq!(work.len(), 2);
			assert_eq!((work[0].0, &work[0].1), (0, &WorkPlace::Committed { revealed: None }));
			assert_eq!((work[1].0, &work[1].1), (2, &WorkPlace::Claimed { expires_at: 1 + CLAIM_TTL }));
			assert!(LabelVoting::work_of(&annotator(1), task).expect("a known task").is_empty());
			assert_eq!(LabelVoting::work_of(&who, task + 1), Err(LabelingApiError::UnknownTask));
		});
	}

	#[test]
	fn claimable_items_skip_full_and_own_items_and_page() {
		test_with_invariants(|| {
			let task = create_task(5, 1, AssignmentMode::Open);
			let [a, b] = [annotator(0), annotator(1)];
			claim_and_commit(task, 1, a, 0);
			assert_ok!(LabelVoting::claim_item(RuntimeOrigin::signed(b), task, 3));
			assert_eq!(
				LabelVoting::claimable_items(&a, task, 0, 10),
				Ok(ItemPage { items: vec![0, 2, 4], next: None })
			);
			assert_eq!(
				LabelVoting::claimable_items(&a, task, 0, 2),
				Ok(ItemPage { items: vec![0, 2], next: Some(3) })
			);
			assert_eq!(
				LabelVoting::claimable_items(&a, task, 3, 2),
				Ok(ItemPage { items: vec![4], next: None })
			);
		});
	}

	#[test]
	fn claimable_items_say_why_an_annotator_may_not_claim() {
		test_with_invariants(|| {
			let task = create_task(5, 1, AssignmentMode::Open);
			assert_eq!(
				LabelVoting::claimable_items(&UNBONDED, task, 0, 10),
				Err(LabelingApiError::InsufficientStake)
			);
			assert_eq!(
				LabelVoting::claimable_items(&annotator(0), task + 1, 0, 10),
				Err(LabelingApiError::UnknownTask)
			);
			for item in 0..MAX_OPEN_CLAIMS {
				assert_ok!(LabelVoting::claim_item(RuntimeOrigin::signed(annotator(0)), task, item));
			}
			assert_eq!(
				LabelVoting::claim_eligibility(&annotator(0), task),
				Err(LabelingApiError::TooManyOpenClaims)
			);
			assert_ok!(Tasks::cancel_task(RuntimeOrigin::signed(REQUESTER), task));
			assert_eq!(
				LabelVoting::claimable_items(&annotator(1), task, 0, 10),
				Err(LabelingApiError::TaskNotAcceptingWork)
			);
		});
	}
}
