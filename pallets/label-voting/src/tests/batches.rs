//! Committing, revealing and settling many items per call: implicit claims on
//! `Open` tasks, the batch calls, and settlement that pays each annotator once.

use frame_support::{assert_noop, assert_ok, traits::Get, BoundedVec};
use labelchain_primitives::task::AssignmentMode;
use sp_core::H256;

use crate::{
	batch_weights::RevealWork,
	mock::*,
	tests::{create_task, free, locked_stake, phase, salt, sealed},
	Earnings, Error, Event, ItemPhase, Items, OpenClaims, SettledItems, TaskQualities,
};

type Commits = BoundedVec<(u32, H256), <Test as crate::Config>::MaxBatch>;
type Reveals = BoundedVec<(u32, u16, [u8; 32]), <Test as crate::Config>::MaxBatch>;
type ItemList = BoundedVec<u32, <Test as crate::Config>::MaxBatch>;

fn commits(task: u32, who: AccountId, items: &[(u32, u16)]) -> Commits {
	Commits::truncate_from(items.iter().map(|(item, label)| (*item, sealed(task, *item, *label, who))).collect())
}

fn reveals(who: AccountId, items: &[(u32, u16)]) -> Reveals {
	Reveals::truncate_from(items.iter().map(|(item, label)| (*item, *label, salt(who))).collect())
}

fn item_list(items: core::ops::Range<u32>) -> ItemList {
	ItemList::truncate_from(items.collect())
}

fn in_flight(task: u32) -> u32 {
	pallet_tasks::Tasks::<Test>::get(task).map(|record| record.items_in_flight).unwrap_or_default()
}

/// Each annotator commits and reveals `label` on items `0..items` in batches.
fn label_all(task: u32, annotators: &[(AccountId, u16)], items: u32) {
	for (who, label) in annotators {
		let labels: Vec<(u32, u16)> = (0..items).map(|item| (item, *label)).collect();
		assert_ok!(LabelVoting::commit_batch(RuntimeOrigin::signed(*who), task, commits(task, *who, &labels)));
	}
	for (who, label) in annotators {
		let labels: Vec<(u32, u16)> = (0..items).map(|item| (item, *label)).collect();
		assert_ok!(LabelVoting::reveal_batch(RuntimeOrigin::signed(*who), task, reveals(*who, &labels)));
	}
}

#[test]
fn an_open_task_item_is_committed_without_a_claim() {
	test_with_invariants(|| {
		let task = create_task(2, 2, AssignmentMode::Open);
		let who = annotator(0);
		assert_ok!(LabelVoting::commit(RuntimeOrigin::signed(who), task, 0, sealed(task, 0, 1, who)));
		System::assert_last_event(Event::LabelCommitted { task, item: 0, annotator: who }.into());
		assert_eq!(locked_stake(who), STAKE_PER_LABEL);
		assert_eq!(OpenClaims::<Test>::get(who), 0, "an implicit claim is never open");
		assert_eq!(in_flight(task), 1);
		assert_eq!(phase(task, 0), ItemPhase::Labeling);
	});
}

#[test]
fn a_commit_batch_commits_each_item_and_locks_stake_once() {
	test_with_invariants(|| {
		let task = create_task(3, 2, AssignmentMode::Open);
		let (a, b) = (annotator(0), annotator(1));
		assert_ok!(LabelVoting::commit_batch(RuntimeOrigin::signed(a), task, commits(task, a, &[(0, 1), (1, 1), (2, 0)])));
		System::assert_last_event(
			Event::LabelsCommitted { task, annotator: a, items: BoundedVec::truncate_from(vec![0, 1, 2]) }.into(),
		);
		assert_eq!(locked_stake(a), 3 * STAKE_PER_LABEL);
		assert_eq!(in_flight(task), 3);
		assert!((0..3).all(|item| Items::<Test>::get(task, item).is_some_and(|state| state.commits.len() == 1)));

		// A claim held on one item is used; the others are implicit.
		assert_ok!(LabelVoting::claim_item(RuntimeOrigin::signed(b), task, 1));
		assert_ok!(LabelVoting::commit_batch(RuntimeOrigin::signed(b), task, commits(task, b, &[(0, 1), (1, 1), (2, 1)])));
		assert_eq!(OpenClaims::<Test>::get(b), 0);
		assert_eq!(locked_stake(b), 3 * STAKE_PER_LABEL);
		for item in 0..3 {
			System::assert_has_event(Event::RevealOpened { task, item, ends_at: 1 + REVEAL_WINDOW }.into());
		}
	});
}

#[test]
fn a_reveal_batch_reveals_and_tallies_each_item() {
	test_with_invariants(|| {
		let task = create_task(3, 2, AssignmentMode::Open);
		let (a, b) = (annotator(0), annotator(1));
		label_all(task, &[(a, 1), (b, 1)], 3);
		System::assert_last_event(
			Event::LabelsRevealed { task, annotator: b, labels: BoundedVec::truncate_from(vec![(0, 1), (1, 1), (2, 1)]) }
				.into(),
		);
		for item in 0..3 {
			assert!(matches!(phase(task, item), ItemPhase::Accepted { label: 1, .. }));
		}
		assert_eq!(TaskQualities::<Test>::get(task).items_tallied, 3);
	});
}

#[test]
fn a_reveal_batch_is_charged_its_reveals_and_only_the_tallies_it_runs() {
	use crate::weights::WeightInfo;
	test_with_invariants(|| {
		let task = create_task(3, 2, AssignmentMode::Open);
		let [a, b] = [annotator(0), annotator(1)];
		let labels: Vec<(u32, u16)> = (0..3).map(|item| (item, 1)).collect();
		for who in [a, b] {
			assert_ok!(LabelVoting::commit_batch(RuntimeOrigin::signed(who), task, commits(task, who, &labels)));
		}
		let charged = |who: AccountId| {
			let result = LabelVoting::reveal_batch(RuntimeOrigin::signed(who), task, reveals(who, &labels));
			result.expect("committed").actual_weight.expect("refunds")
		};
		let declared = LabelVoting::reveal_batch_weight(3, <Test as crate::Config>::MaxRedundancy::get());
		// a's reveals complete no item: the batch benchmark's own reveals.
		let first = charged(a);
		assert_eq!(first, <() as WeightInfo>::reveal_batch(3));
		// b's complete all three: each tally on top, at the task's two classes.
		let tally = LabelVoting::reveal_in_batch(RevealWork::Tallied { redundancy: 2, classes: 2 });
		let last = charged(b);
		assert_eq!(last, <() as WeightInfo>::reveal_batch(3).saturating_add(tally.saturating_mul(3)));
		assert!((0..3).all(|item| matches!(phase(task, item), ItemPhase::Accepted { label: 1, .. })));
		assert!(first.all_lte(last) && last.all_lte(declared), "{first:?} <= {last:?} <= {declared:?}");
	});
}

#[test]
fn a_tally_is_charged_by_its_tasks_class_count_between_the_measured_ends() {
	use crate::weights::WeightInfo;
	let most: u16 = 8; // the mock's MaxModelClasses
	for redundancy in 1..=<Test as crate::Config>::MaxRedundancy::get() {
		let fewest = <() as WeightInfo>::reveal_two_classes(redundancy);
		let worst = <() as WeightInfo>::reveal(redundancy).max(fewest);
		assert_eq!(LabelVoting::tally_reveal_weight(redundancy, 2), fewest);
		assert_eq!(LabelVoting::tally_reveal_weight(redundancy, most), worst);
		// One-accuracy models (more classes than the models count) are
		// charged as the most classes.
		assert_eq!(LabelVoting::tally_reveal_weight(redundancy, most + 1), worst);
		assert_eq!(LabelVoting::tally_reveal_weight(redundancy, 256), worst);
		let alone: Vec<_> = (2..=most).map(|k| LabelVoting::tally_reveal_weight(redundancy, k)).collect();
		assert!(alone.windows(2).all(|pair| pair[0].all_lte(pair[1])), "more classes never cost less: {alone:?}");
		let batched: Vec<_> =
			(2..=most).map(|classes| LabelVoting::reveal_in_batch(RevealWork::Tallied { redundancy, classes })).collect();
		assert!(batched.windows(2).all(|pair| pair[0].all_lte(pair[1])), "nor in a batch: {batched:?}");
		// What a call declares covers whatever its reveals do.
		let declared = LabelVoting::reveal_batch_weight(4, redundancy);
		for work in [RevealWork::Stored { redundancy }, RevealWork::Tallied { redundancy, classes: 256 }] {
			assert!(LabelVoting::reveal_batch_of(4, work).all_lte(declared));
			assert!(LabelVoting::reveal_alone(work).all_lte(LabelVoting::reveal_worst(redundancy)));
		}
	}
}

#[test]
fn finalize_items_pays_each_annotator_once_for_all_their_labels() {
	test_with_invariants(|| {
		let task = create_task(3, 3, AssignmentMode::Open);
		let [a, b, c] = [annotator(0), annotator(1), annotator(2)];
		label_all(task, &[(a, 1), (b, 1), (c, 0)], 3);
		jump_to_block(1 + APPEAL_WINDOW + 1);
		let before = [free(a), free(b), free(c)];
		let result = LabelVoting::finalize_items(RuntimeOrigin::signed(REQUESTER), task, item_list(0..3));
		let charged = result.expect("settles").actual_weight.expect("refunds");
		assert_eq!(charged, LabelVoting::finalize_items_actual(3, 9, 3));
		assert!(charged.all_lt(LabelVoting::finalize_items_weight(3, <Test as crate::Config>::MaxRedundancy::get())));

		for who in [a, b] {
			System::assert_has_event(
				pallet_tasks::Event::LabelRewardPaid { task, annotator: who, labels: 3, amount: 3 * REWARD }.into(),
			);
			assert_eq!(Earnings::<Test>::get(who).labels_paid, 3);
			assert_eq!(pallet_reputation::Reputations::<Test>::get(who, 1).agreed, 3);
		}
		assert_eq!([free(a), free(b), free(c)], [before[0] + 3 * REWARD, before[1] + 3 * REWARD, before[2]]);
		assert_eq!(pallet_reputation::Reputations::<Test>::get(c, 1).disagreed, 3);
		assert!([a, b, c].iter().all(|who| locked_stake(*who) == 0));
		assert!((0..3).all(|item| SettledItems::<Test>::contains_key(task, item)));
		// The task's last items settled after the payments, so it closed and
		// refunded the rest: 3 items × 3 labels funded, 6 paid (with their
		// fees), and the untouched dispute budget of 100.
		System::assert_has_event(pallet_tasks::Event::TaskClosed { task, refunded: 3 * (REWARD + FEE) + 100 }.into());
		assert_eq!(TaskQualities::<Test>::get(task).settled_by_crowd, 3);
	});
}

/// What settling did to each annotator: balance, locked stake, reputation
/// counts in the task's domain, and earnings.
fn standing(who: AccountId) -> (Balance, Balance, (u32, u32, u32), (Balance, u32, Balance)) {
	let record = pallet_reputation::Reputations::<Test>::get(who, 1);
	let earnings = Earnings::<Test>::get(who);
	(
		free(who),
		locked_stake(who),
		(record.agreed, record.disagreed, record.unrevealed),
		(earnings.label_rewards, earnings.labels_paid, earnings.slashed),
	)
}

#[test]
fn settling_in_a_batch_ends_where_settling_one_by_one_does() {
	// Two labels of 1, one of 0, and one commit never revealed, on each item.
	let run = |batched: bool| {
		let mut outcome = None;
		test_with_invariants(|| {
			let task = create_task(3, 4, AssignmentMode::Open);
			let crew = [annotator(0), annotator(1), annotator(2), annotator(3)];
			let votes = [(crew[0], 1), (crew[1], 1), (crew[2], 0), (crew[3], 1)];
			for (who, label) in votes {
				let labels: Vec<(u32, u16)> = (0..3).map(|item| (item, label)).collect();
				assert_ok!(LabelVoting::commit_batch(RuntimeOrigin::signed(who), task, commits(task, who, &labels)));
			}
			// The last annotator never reveals.
			for (who, label) in &votes[..3] {
				let labels: Vec<(u32, u16)> = (0..3).map(|item| (item, *label)).collect();
				assert_ok!(LabelVoting::reveal_batch(RuntimeOrigin::signed(*who), task, reveals(*who, &labels)));
			}
			jump_to_block(1 + REVEAL_WINDOW + 1);
			assert_ok!(LabelVoting::finalize_items(RuntimeOrigin::signed(REQUESTER), task, item_list(0..3)));
			jump_to_block(System::block_number() + APPEAL_WINDOW + 1);
			if batched {
				assert_ok!(LabelVoting::finalize_items(RuntimeOrigin::signed(REQUESTER), task, item_list(0..3)));
			} else {
				for item in 0..3 {
					assert_ok!(LabelVoting::finalize_item(RuntimeOrigin::signed(REQUESTER), task, item));
				}
			}
			outcome = Some((crew.map(standing), free(REQUESTER), TaskQualities::<Test>::get(task)));
		});
		outcome.expect("ran")
	};
	let (one_by_one, batch) = (run(false), run(true));
	assert_eq!(one_by_one, batch);
	// And the figures are the ones the rules give.
	let (crew, _, quality) = batch;
	assert_eq!(crew[0].2, (3, 0, 0));
	assert_eq!(crew[2].2, (0, 3, 0));
	assert_eq!(crew[3].2, (0, 0, 3));
	assert_eq!(crew[3].3, (0, 0, 3 * UNREVEALED_SLASH));
	assert_eq!((quality.labels_revealed, quality.labels_agreeing, quality.labels_unrevealed), (9, 6, 3));
}

#[test]
fn batch_calls_are_all_or_nothing() {
	test_with_invariants(|| {
		let task = create_task(3, 2, AssignmentMode::Open);
		let (a, b) = (annotator(0), annotator(1));
		let signed = RuntimeOrigin::signed;
		assert_noop!(LabelVoting::commit_batch(signed(a), task, Commits::default()), Error::<Test>::EmptyBatch);
		assert_noop!(LabelVoting::reveal_batch(signed(a), task, Reveals::default()), Error::<Test>::EmptyBatch);
		assert_noop!(LabelVoting::finalize_items(signed(a), task, ItemList::default()), Error::<Test>::EmptyBatch);
		// The same item twice, or one out of range, fails the whole batch.
		assert_noop!(
			LabelVoting::commit_batch(signed(a), task, commits(task, a, &[(0, 1), (0, 1)])),
			Error::<Test>::AlreadyLabeled
		);
		assert_noop!(
			LabelVoting::commit_batch(signed(a), task, commits(task, a, &[(0, 1), (3, 1)])),
			Error::<Test>::ItemOutOfRange
		);
		assert_noop!(
			LabelVoting::commit_batch(signed(UNBONDED), task, commits(task, UNBONDED, &[(0, 1)])),
			Error::<Test>::InsufficientStake
		);
		assert_ok!(LabelVoting::commit_batch(signed(a), task, commits(task, a, &[(0, 1), (1, 1), (2, 1)])));
		assert_ok!(LabelVoting::commit_batch(signed(b), task, commits(task, b, &[(0, 1), (1, 0), (2, 1)])));
		// A wrong salt on the last reveal undoes the first two.
		let mut bad = reveals(a, &[(0, 1), (1, 1), (2, 1)]);
		bad[2].2 = [0; 32];
		assert_noop!(LabelVoting::reveal_batch(signed(a), task, bad), Error::<Test>::CommitMismatch);
		assert_ok!(LabelVoting::reveal_batch(signed(a), task, reveals(a, &[(0, 1), (1, 1), (2, 1)])));
		// b disagrees on item 1: a tie, which waits for an expert.
		assert_ok!(LabelVoting::reveal_batch(signed(b), task, reveals(b, &[(0, 1), (1, 0), (2, 1)])));
		assert!(matches!(phase(task, 1), ItemPhase::Disputed { .. }));
		jump_to_block(1 + APPEAL_WINDOW + 1);
		// Item 1 cannot move on: a batch of it alone moves nothing.
		assert_noop!(
			LabelVoting::finalize_items(signed(REQUESTER), task, ItemList::truncate_from(vec![1])),
			Error::<Test>::NothingToFinalize
		);
		// With item 0 it is skipped, and so is an item already settled (as
		// the chain's agenda may have done in the same block).
		assert_ok!(LabelVoting::finalize_item(signed(REQUESTER), task, 2));
		assert_ok!(LabelVoting::finalize_items(signed(REQUESTER), task, ItemList::truncate_from(vec![0, 1, 2])));
		assert!(SettledItems::<Test>::contains_key(task, 0));
		assert!(matches!(phase(task, 1), ItemPhase::Disputed { .. }));
	});
}

#[test]
fn commit_and_reveal_sends_one_label_per_transaction() {
	test_with_invariants(|| {
		let task = create_task(3, 2, AssignmentMode::Open);
		let (a, b) = (annotator(0), annotator(1));
		let signed = RuntimeOrigin::signed;
		for who in [a, b] {
			assert_ok!(LabelVoting::commit(signed(who), task, 0, sealed(task, 0, 1, who)));
		}
		// a reveals item 0 and commits item 1 in one call.
		let result = LabelVoting::commit_and_reveal(signed(a), task, 1, sealed(task, 1, 0, a), 0, 1, salt(a));
		let charged = result.expect("both parts succeed").actual_weight.expect("refunds");
		use crate::weights::WeightInfo;
		// The first commit on item 1 is charged as a commit at redundancy 2,
		// the least its benchmark measures.
		assert_eq!(charged, <() as WeightInfo>::commit(2) + <() as WeightInfo>::reveal_untallied(2));
		System::assert_has_event(Event::LabelRevealed { task, item: 0, annotator: a, label: 1 }.into());
		System::assert_last_event(Event::LabelCommitted { task, item: 1, annotator: a }.into());
		assert_eq!(locked_stake(a), 2 * STAKE_PER_LABEL);

		// b's reveal tallies item 0; its commit on item 1 opens item 1's reveal.
		assert_ok!(LabelVoting::commit_and_reveal(signed(b), task, 1, sealed(task, 1, 0, b), 0, 1, salt(b)));
		assert!(matches!(phase(task, 0), ItemPhase::Accepted { label: 1, .. }));
		assert!(matches!(phase(task, 1), ItemPhase::Revealing { .. }));

		// A failing part undoes the other: a wrong salt keeps the commit out,
		// and a commit that cannot be made keeps the reveal out.
		assert_noop!(
			LabelVoting::commit_and_reveal(signed(a), task, 2, sealed(task, 2, 1, a), 1, 0, [0; 32]),
			Error::<Test>::CommitMismatch
		);
		assert_noop!(
			LabelVoting::commit_and_reveal(signed(a), task, 1, sealed(task, 1, 1, a), 1, 0, salt(a)),
			Error::<Test>::NotLabeling
		);
		// The same item cannot be revealed before it is committed.
		assert_noop!(
			LabelVoting::commit_and_reveal(signed(a), task, 2, sealed(task, 2, 1, a), 2, 1, salt(a)),
			Error::<Test>::UnknownItem
		);
	});
}
