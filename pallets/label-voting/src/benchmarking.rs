//! Worst-case benchmarks of every call; `r` is the number of annotators on the
//! item a call settles.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get},
	BoundedVec,
};
use frame_system::RawOrigin;
use labelchain_primitives::{
	commitment::{gold_commitment, label_commitment},
	reputation::LabelOutcome,
	task::{AssignmentMode, ItemIndex, TaskId},
	traits::{StakeLock, TaskInspect},
};
use sp_core::H256;
use sp_runtime::{traits::Saturating, Perbill};

fn salt(index: u32) -> [u8; 32] {
	let mut salt = [7u8; 32];
	salt[..4].copy_from_slice(&index.to_le_bytes());
	salt
}

fn sealed<T: Config>(task: TaskId, item: ItemIndex, label: Label, index: u32, who: &T::AccountId) -> H256 {
	label_commitment(task, item, label, &salt(index), who)
}

/// Annotators `0..count` claim and commit on `item`; annotator `i` commits
/// `label_of(i)`.
fn commit_all<T: Config>(task: TaskId, item: ItemIndex, count: u32, label_of: impl Fn(u32) -> Label) {
	for index in 0..count {
		let who = T::BenchmarkHelper::annotator(index);
		Pallet::<T>::claim_item(RawOrigin::Signed(who.clone()).into(), task, item).expect("eligible");
		Pallet::<T>::commit(RawOrigin::Signed(who.clone()).into(), task, item, sealed::<T>(task, item, label_of(index), index, &who))
			.expect("claimed");
	}
}

/// Annotator `index` commits `label` on each of `items` in one batch.
fn commit_items<T: Config>(task: TaskId, items: core::ops::Range<ItemIndex>, index: u32, label: Label) {
	let who = T::BenchmarkHelper::annotator(index);
	let commits: Vec<(ItemIndex, H256)> = items.map(|item| (item, sealed::<T>(task, item, label, index, &who))).collect();
	Pallet::<T>::commit_batch(
		RawOrigin::Signed(who).into(),
		task,
		BoundedVec::try_from(commits).expect("within MaxBatch"),
	)
	.expect("eligible");
}

fn reveal_some<T: Config>(task: TaskId, item: ItemIndex, indices: core::ops::Range<u32>, label_of: impl Fn(u32) -> Label) {
	for index in indices {
		let who = T::BenchmarkHelper::annotator(index);
		Pallet::<T>::reveal(RawOrigin::Signed(who).into(), task, item, label_of(index), salt(index))
			.expect("committed");
	}
}

/// The classes of every benchmark's task: `MaxModelClasses`, the most a
/// task's models count class by class, so that a tally scores the most
/// likelihoods a label can cost (a larger task's one-accuracy models cost
/// two a label).
fn classes<T: Config>() -> u16 {
	Pallet::<T>::most_classes()
}

/// Gives annotators `indices` a model on `task` of many right labels in
/// every class, as seasoned annotators have: one label of theirs is then
/// enough to accept an item at 60 % (a newcomer's lone label is 2/9 likely
/// on eight classes), and every tally reads and decodes stored models of
/// K² cells.
fn seasoned<T: Config>(task: TaskId, indices: core::ops::Range<u32>) {
	seasoned_on::<T>(task, indices, classes::<T>());
}

/// `seasoned` on a task of `k` classes.
fn seasoned_on<T: Config>(task: TaskId, indices: core::ops::Range<u32>, k: u16) {
	for index in indices {
		let mut model = crate::models::AnnotatorModel::<T>::new(Perbill::from_percent(90), k);
		for class in 0..k {
			model.observe(class, class, k, 100, true);
		}
		AnnotatorModels::<T>::insert(task, T::BenchmarkHelper::annotator(index), model);
	}
}

/// Item 0 of a new task of `k` classes and redundancy `r`: all `r` seasoned
/// annotators committed 1 and all but the last revealed. Returns the task,
/// the last annotator and its index.
fn awaiting_last_reveal<T: Config>(r: u32, k: u16) -> (TaskId, T::AccountId, u32) {
	let task = T::BenchmarkHelper::create_task(2, k, redundancy::<T>(r), AssignmentMode::Open, Perbill::from_percent(60), Vec::new());
	seasoned_on::<T>(task, 0..r, k);
	commit_all::<T>(task, 0, r, |_| 1);
	reveal_some::<T>(task, 0, 0..r - 1, |_| 1);
	let last = r - 1;
	(task, T::BenchmarkHelper::annotator(last), last)
}

/// Item 0 of a new task, labeled 1 by all `r` seasoned annotators and
/// accepted.
fn accepted_item<T: Config>(r: u32, gold: Vec<H256>) -> TaskId {
	let task = T::BenchmarkHelper::create_task(2, classes::<T>(), redundancy::<T>(r), AssignmentMode::Open, Perbill::from_percent(60), gold);
	seasoned::<T>(task, 0..r);
	commit_all::<T>(task, 0, r, |_| 1);
	reveal_some::<T>(task, 0, 0..r, |_| 1);
	task
}

fn pass_appeal_window<T: Config>() {
	let now = frame_system::Pallet::<T>::block_number();
	frame_system::Pallet::<T>::set_block_number(
		now.saturating_add(T::AppealWindow::get()).saturating_add(1u32.into()),
	);
}

/// `r` as a task's redundancy: `r` is at most `MaxRedundancy`, which
/// `integrity_test` checks fits the tasks' `u8`.
fn redundancy<T: Config>(r: u32) -> u8 {
	u8::try_from(r).expect("r <= MaxRedundancy <= u8::MAX; qed")
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A claim queued behind all but one of the block's other claims.
	#[benchmark]
	fn claim() {
		let task = T::BenchmarkHelper::create_task(1, classes::<T>(), 1, AssignmentMode::Assigned, Perbill::one(), Vec::new());
		let queued: Vec<_> = (1..T::MaxPendingClaims::get())
			.map(|index| (task, T::BenchmarkHelper::annotator(index)))
			.collect();
		PendingClaims::<T>::put(BoundedVec::truncate_from(queued));
		let who = T::BenchmarkHelper::annotator(0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), task);

		assert_eq!(PendingClaims::<T>::get().len() as u32, T::MaxPendingClaims::get());
	}

	/// The next block draws `n` queued claims, each looking at every one of
	/// its probes and finding every item full, so letting the claim go (a
	/// claim that finds an item is charged `claim_item` on top).
	#[benchmark]
	fn draw_claims(n: Linear<0, { T::MaxPendingClaims::get() }>) {
		let probes = T::MaxAssignmentProbes::get();
		let task = T::BenchmarkHelper::create_task(probes, classes::<T>(), 1, AssignmentMode::Assigned, Perbill::one(), Vec::new());
		// Fill every item with a live claim, as other annotators' claims
		// would (an assigned task offers no call that names the item).
		let expires_at = frame_system::Pallet::<T>::block_number().saturating_add(T::ClaimTtl::get());
		for item in 0..probes {
			let other = T::BenchmarkHelper::annotator(item + 1);
			T::Stake::lock(&other, T::StakePerLabel::get()).expect("bonded");
			OpenClaims::<T>::mutate(&other, |open| *open = open.saturating_add(1));
			let mut state = ItemState::<T>::default();
			state.claims.try_push(Claim { annotator: other, expires_at }).expect("redundancy is 1");
			Items::<T>::insert(task, item, state);
		}
		for index in 0..n {
			let who = T::BenchmarkHelper::annotator(probes + 1 + index);
			Pallet::<T>::claim(RawOrigin::Signed(who).into(), task).expect("eligible");
		}

		#[block]
		{
			Pallet::<T>::draw_pending_claims();
		}

		assert!(PendingClaims::<T>::get().is_empty());
	}

	/// The item already has all but one of its claims.
	#[benchmark]
	fn claim_item() {
		let r = T::MaxRedundancy::get();
		let task = T::BenchmarkHelper::create_task(1, classes::<T>(), redundancy::<T>(r), AssignmentMode::Open, Perbill::one(), Vec::new());
		for index in 1..r {
			let other = T::BenchmarkHelper::annotator(index);
			Pallet::<T>::claim_item(RawOrigin::Signed(other).into(), task, 0).expect("eligible");
		}
		let who = T::BenchmarkHelper::annotator(0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), task, 0);

		assert_eq!(Items::<T>::get(task, 0).map(|state| state.claims.len() as u32), Some(r));
	}

	/// The last commit of an item of `r` annotators, without a claim (the
	/// eligibility checks and the stake lock of an implicit claim); it opens
	/// the reveal window and moves the item on the agenda. From `r` = 2: at
	/// 1 the commit would create the item, reading a key (`SettledItems`)
	/// no other `r` reads, which the per-key proof analysis cannot fit; a
	/// commit on an item of one place is charged as `r` = 2 (`commit_weight`).
	/// Calls never drop expired claims: the agenda does, charged by
	/// `agenda_expired_claims`.
	#[benchmark]
	fn commit(r: Linear<2, { T::MaxRedundancy::get() }>) {
		let task = T::BenchmarkHelper::create_task(1, classes::<T>(), redundancy::<T>(r), AssignmentMode::Open, Perbill::one(), Vec::new());
		commit_all::<T>(task, 0, r - 1, |_| 1);
		let last = r - 1;
		let who = T::BenchmarkHelper::annotator(last);
		let hash = sealed::<T>(task, 0, 1, last, &who);

		#[extrinsic_call]
		_(RawOrigin::Signed(who), task, 0, hash);

		assert!(matches!(Items::<T>::get(task, 0).map(|s| s.phase), Some(ItemPhase::Revealing { .. })));
	}

	/// `n` implicit-claim commits on `n` fresh items of redundancy 1: each is
	/// its item's first and last commit.
	#[benchmark]
	fn commit_batch(n: Linear<1, { T::MaxBatch::get() }>) {
		let task = T::BenchmarkHelper::create_task(n, classes::<T>(), 1, AssignmentMode::Open, Perbill::one(), Vec::new());
		let who = T::BenchmarkHelper::annotator(0);
		let commits: Vec<(ItemIndex, H256)> = (0..n).map(|item| (item, sealed::<T>(task, item, 1, 0, &who))).collect();
		let commits = BoundedVec::try_from(commits).expect("n is at most MaxBatch");

		#[extrinsic_call]
		_(RawOrigin::Signed(who), task, commits);

		assert!((0..n).all(|item| matches!(Items::<T>::get(task, item).map(|s| s.phase), Some(ItemPhase::Revealing { .. }))));
	}

	/// `n` reveals, each the first of its item of two annotators, so none
	/// tallies: the part of a batch every reveal costs.
	#[benchmark]
	fn reveal_batch(n: Linear<1, { T::MaxBatch::get() }>) {
		let task = T::BenchmarkHelper::create_task(n, classes::<T>(), 2, AssignmentMode::Open, Perbill::from_percent(60), Vec::new());
		seasoned::<T>(task, 0..2);
		commit_items::<T>(task, 0..n, 0, 1);
		commit_items::<T>(task, 0..n, 1, 1);
		let who = T::BenchmarkHelper::annotator(0);
		let reveals: Vec<(ItemIndex, Label, [u8; 32])> = (0..n).map(|item| (item, 1, salt(0))).collect();
		let reveals = BoundedVec::try_from(reveals).expect("n is at most MaxBatch");

		#[extrinsic_call]
		_(RawOrigin::Signed(who), task, reveals);

		assert!((0..n).all(|item| matches!(Items::<T>::get(task, item).map(|s| s.phase), Some(ItemPhase::Revealing { .. }))));
	}

	/// `n` reveals, each the last of its item's two, which it tallies (at
	/// `MaxModelClasses` classes): with `reveal_batch`, what a tally costs
	/// within a batch, where the call's own work is shared. Each item's other
	/// annotator is a different one, so each tally reads a model of its own.
	#[benchmark]
	fn reveal_batch_tallying(n: Linear<1, { T::MaxBatch::get() }>) {
		let task = T::BenchmarkHelper::create_task(n, classes::<T>(), 2, AssignmentMode::Open, Perbill::from_percent(60), Vec::new());
		seasoned::<T>(task, 0..n + 1);
		for item in 0..n {
			let other = T::BenchmarkHelper::annotator(item + 1);
			let hash = sealed::<T>(task, item, 1, item + 1, &other);
			Pallet::<T>::commit(RawOrigin::Signed(other).into(), task, item, hash).expect("open item");
		}
		commit_items::<T>(task, 0..n, 0, 1);
		for item in 0..n {
			reveal_some::<T>(task, item, item + 1..item + 2, |_| 1);
		}
		let who = T::BenchmarkHelper::annotator(0);
		let reveals: Vec<(ItemIndex, Label, [u8; 32])> = (0..n).map(|item| (item, 1, salt(0))).collect();
		let reveals = BoundedVec::try_from(reveals).expect("n is at most MaxBatch");

		#[extrinsic_call]
		reveal_batch(RawOrigin::Signed(who), task, reveals);

		assert!((0..n).all(|item| matches!(Items::<T>::get(task, item).map(|s| s.phase), Some(ItemPhase::Accepted { .. }))));
	}

	/// The last reveal: it tallies the item of `r` annotators.
	#[benchmark]
	fn reveal(r: Linear<1, { T::MaxRedundancy::get() }>) {
		let (task, who, last) = awaiting_last_reveal::<T>(r, classes::<T>());

		#[extrinsic_call]
		_(RawOrigin::Signed(who), task, 0, 1, salt(last));

		assert!(matches!(Items::<T>::get(task, 0).map(|s| s.phase), Some(ItemPhase::Accepted { .. })));
	}

	/// `reveal` on a task of two classes, the fewest: a tally scores two
	/// classes under each label and decodes models of four cells. Tallies on
	/// tasks of up to `MaxModelClasses` classes are charged between this and
	/// `reveal`, by their class count.
	#[benchmark]
	fn reveal_two_classes(r: Linear<1, { T::MaxRedundancy::get() }>) {
		let (task, who, last) = awaiting_last_reveal::<T>(r, 2);

		#[extrinsic_call]
		reveal(RawOrigin::Signed(who), task, 0, 1, salt(last));

		assert!(matches!(Items::<T>::get(task, 0).map(|s| s.phase), Some(ItemPhase::Accepted { .. })));
	}

	/// A reveal that leaves one to come: the item of `r` annotators is not
	/// tallied yet. The caller's commit is the last the reveal looks through.
	#[benchmark]
	fn reveal_untallied(r: Linear<2, { T::MaxRedundancy::get() }>) {
		let task = T::BenchmarkHelper::create_task(2, classes::<T>(), redundancy::<T>(r), AssignmentMode::Open, Perbill::from_percent(60), Vec::new());
		seasoned::<T>(task, 0..r);
		commit_all::<T>(task, 0, r, |_| 1);
		reveal_some::<T>(task, 0, 1..r - 1, |_| 1);
		let last = r - 1;
		let who = T::BenchmarkHelper::annotator(last);

		#[extrinsic_call]
		reveal(RawOrigin::Signed(who), task, 0, 1, salt(last));

		assert!(matches!(Items::<T>::get(task, 0).map(|s| s.phase), Some(ItemPhase::Revealing { .. })));
	}

	/// After the appeal window: the item settles and all `r` agreeing
	/// annotators are paid.
	#[benchmark]
	fn finalize_item(r: Linear<1, { T::MaxRedundancy::get() }>) {
		let task = accepted_item::<T>(r, Vec::new());
		pass_appeal_window::<T>();
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), task, 0);

		assert_eq!(SettledItems::<T>::get(task, 0).map(|s| s.label), Some(1));
	}

	/// `n` accepted items of one label each, by the same annotator, settled
	/// after their appeal window: the per-item part of settling in a batch.
	#[benchmark]
	fn finalize_items(n: Linear<1, { T::MaxBatch::get() }>) {
		let task = T::BenchmarkHelper::create_task(n, classes::<T>(), 1, AssignmentMode::Open, Perbill::from_percent(60), Vec::new());
		seasoned::<T>(task, 0..1);
		commit_items::<T>(task, 0..n, 0, 1);
		let who = T::BenchmarkHelper::annotator(0);
		let reveals: Vec<(ItemIndex, Label, [u8; 32])> = (0..n).map(|item| (item, 1, salt(0))).collect();
		Pallet::<T>::reveal_batch(RawOrigin::Signed(who).into(), task, BoundedVec::try_from(reveals).expect("n is at most MaxBatch"))
			.expect("committed");
		pass_appeal_window::<T>();
		let items = BoundedVec::try_from((0..n).collect::<Vec<_>>()).expect("n is at most MaxBatch");
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), task, items);

		assert!((0..n).all(|item| SettledItems::<T>::contains_key(task, item)));
	}

	/// What settling owes `a` different annotators, one agreeing label each:
	/// freeing their stake, paying each from escrow, teaching each one's
	/// model, recording reputation and earnings. The per-annotator part of
	/// settling.
	#[benchmark]
	fn settle_payouts(a: Linear<1, { T::MaxBatch::get() }>) -> Result<(), BenchmarkError> {
		let task = T::BenchmarkHelper::create_task(a, classes::<T>(), 1, AssignmentMode::Open, Perbill::one(), Vec::new());
		seasoned::<T>(task, 0..a);
		let terms = T::Tasks::terms(task).ok_or(BenchmarkError::Weightless)?;
		let mut settlement = crate::settlement::Settlement::<T>::default();
		let annotators: Vec<T::AccountId> = (0..a).map(T::BenchmarkHelper::annotator).collect();
		for who in annotators.iter() {
			T::Stake::lock(who, T::StakePerLabel::get()).expect("bonded");
			settlement.count_label(who, LabelOutcome::Agreed, false, None);
			settlement.observe(who, 1, 1);
		}
		settlement.count_class(1);

		#[block]
		{
			settlement.apply(task, &terms).expect("funded for a labels");
		}

		assert!(annotators.iter().all(|who| Earnings::<T>::get(who).labels_paid == 1));
		Ok(())
	}

	#[benchmark]
	fn appeal() {
		let task = accepted_item::<T>(2, Vec::new());
		let appellant = T::BenchmarkHelper::annotator(0);

		#[extrinsic_call]
		_(RawOrigin::Signed(appellant), task, 0);

		assert!(matches!(Items::<T>::get(task, 0).map(|s| s.phase), Some(ItemPhase::Appealed { .. })));
	}

	/// The costliest decision: a gold answer (0) that none of the item's `r`
	/// annotators gave, appealed by one of them and overturned: the bond is
	/// returned, the gold bond shared by all `r`, who are all paid. (A
	/// rejected appeal shares its bond among at most `r - 1`; an overturned
	/// crowd label's annotators are slashed where these are paid.)
	#[benchmark]
	fn decide_appeal(r: Linear<1, { T::MaxRedundancy::get() }>) -> Result<(), BenchmarkError> {
		let gold_salt = [3u8; 32];
		let task = accepted_item::<T>(r, alloc::vec![gold_commitment(0, 0, &gold_salt)]);
		let requester = T::Tasks::terms(task).map(|terms| terms.requester).expect("created");
		Pallet::<T>::reveal_gold(RawOrigin::Signed(requester).into(), task, 0, 0, 0, gold_salt).expect("tallied");
		let appellant = T::BenchmarkHelper::annotator(0);
		Pallet::<T>::appeal(RawOrigin::Signed(appellant).into(), task, 0).expect("involved");
		let origin = T::ExpertOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, task, 0, 1);

		assert_eq!(SettledItems::<T>::get(task, 0).map(|s| s.decided_by), Some(Decision::Expert));
		Ok(())
	}

	/// The agenda looks at a block with nothing due in it.
	#[benchmark]
	fn agenda_look() {
		let now = frame_system::Pallet::<T>::block_number();
		AgendaCursor::<T>::put(now);

		#[block]
		{
			Pallet::<T>::run_agenda(now);
		}

		assert_eq!(AgendaCursor::<T>::get(), Some(now));
	}

	/// The agenda's costliest entry: an appeal on an item of `r` annotators,
	/// all agreeing, that no expert decided in time lapses (the bond is
	/// returned) and the item settles with all `r` paid. (A dispute's
	/// fallback settles the same way without the bond; a tally reads the
	/// same reputations and pays nobody.)
	/// The item is the task's only one, so settling it also closes the task.
	#[benchmark]
	fn agenda_entry(r: Linear<1, { T::MaxRedundancy::get() }>) {
		let task = T::BenchmarkHelper::create_task(1, classes::<T>(), redundancy::<T>(r), AssignmentMode::Open, Perbill::from_percent(60), Vec::new());
		seasoned::<T>(task, 0..r);
		commit_all::<T>(task, 0, r, |_| 1);
		reveal_some::<T>(task, 0, 0..r, |_| 1);
		let appellant = T::BenchmarkHelper::annotator(0);
		Pallet::<T>::appeal(RawOrigin::Signed(appellant).into(), task, 0).expect("involved");
		let Some(ItemPhase::Appealed { times_out_at, .. }) = Items::<T>::get(task, 0).map(|s| s.phase) else {
			panic!("appealed");
		};
		let now = times_out_at.saturating_add(1u32.into());
		frame_system::Pallet::<T>::set_block_number(now);
		// The item's entry is under its reveal window's end (the steps since
		// only moved its due block later): the agenda has moved it to the
		// timeout's end by now, as it would have then.
		Items::<T>::mutate(task, 0, |state| {
			if let Some(state) = state {
				state.agenda_at = Some(now);
			}
		});
		Agenda::<T>::insert(now, (task, 0), ());
		AgendaCursor::<T>::put(now);

		#[block]
		{
			Pallet::<T>::run_agenda(now);
		}

		assert_eq!(SettledItems::<T>::get(task, 0).map(|s| s.decided_by), Some(Decision::Crowd));
	}

	/// The agenda drops `r` expired claims of an item, every one slashed to
	/// the treasury and counted against its annotator, and forgets the item.
	#[benchmark]
	fn agenda_expired_claims(r: Linear<1, { T::MaxRedundancy::get() }>) {
		let task = T::BenchmarkHelper::create_task(1, classes::<T>(), redundancy::<T>(r), AssignmentMode::Open, Perbill::one(), Vec::new());
		for index in 0..r {
			let who = T::BenchmarkHelper::annotator(index);
			Pallet::<T>::claim_item(RawOrigin::Signed(who).into(), task, 0).expect("a place is free");
		}
		let expires_at = frame_system::Pallet::<T>::block_number().saturating_add(T::ClaimTtl::get());
		let now = expires_at.saturating_add(1u32.into());
		frame_system::Pallet::<T>::set_block_number(now);
		AgendaCursor::<T>::put(now);
		let at = Items::<T>::get(task, 0).and_then(|state| state.agenda_at).expect("on the agenda");
		assert_eq!(at, now, "the claims' entry falls due now");

		#[block]
		{
			Pallet::<T>::run_agenda(now);
		}

		assert!(Items::<T>::get(task, 0).is_none());
	}

	/// The costliest first answer: on an appealed item of `r` seasoned
	/// annotators, none of whom gave it. The appeal's bond returns, the
	/// item's posterior (K × `r` likelihoods) scores the task's calibration,
	/// and each annotator's model learns the answer and reputation records
	/// it. The item settles later, weighed by the agenda's and
	/// `finalize_item`'s benchmarks. (An answer between rounds frees at
	/// most one claimed place instead of the appeal's bond: one hold
	/// released either way.)
	#[benchmark]
	fn reveal_gold(r: Linear<1, { T::MaxRedundancy::get() }>) {
		let gold_salt = [3u8; 32];
		let task = accepted_item::<T>(r, alloc::vec![gold_commitment(0, 0, &gold_salt)]);
		let requester = T::Tasks::terms(task).map(|terms| terms.requester).expect("created");
		let appellant = T::BenchmarkHelper::annotator(0);
		Pallet::<T>::appeal(RawOrigin::Signed(appellant).into(), task, 0).expect("involved");

		#[extrinsic_call]
		_(RawOrigin::Signed(requester), task, 0, 0, 0, gold_salt);

		assert_eq!(Items::<T>::get(task, 0).and_then(|state| state.gold), Some(0));
		assert_eq!(TaskEvidences::<T>::get(task).gold_measured, 1);
	}

	/// A second answer for an item that has one: its commitment's gold bond
	/// is shared by the item's `r` annotators.
	#[benchmark]
	fn reveal_second_gold(r: Linear<1, { T::MaxRedundancy::get() }>) {
		let gold_salt = [3u8; 32];
		let answers = alloc::vec![gold_commitment(0, 1, &gold_salt), gold_commitment(0, 0, &gold_salt)];
		let task = accepted_item::<T>(r, answers);
		let requester = T::Tasks::terms(task).map(|terms| terms.requester).expect("created");
		Pallet::<T>::reveal_gold(RawOrigin::Signed(requester.clone()).into(), task, 0, 0, 1, gold_salt)
			.expect("tallied");

		#[extrinsic_call]
		reveal_gold(RawOrigin::Signed(requester), task, 0, 1, 0, gold_salt);

		assert!(T::Tasks::gold_commitment(task, 1).is_some_and(|gold| gold.revealed_for.is_some()));
		assert_eq!(Items::<T>::get(task, 0).and_then(|state| state.gold), Some(0));
	}

	/// A split item of `r` annotators settled by an expert.
	#[benchmark]
	fn resolve_dispute(r: Linear<2, { T::MaxRedundancy::get() }>) -> Result<(), BenchmarkError> {
		let task = T::BenchmarkHelper::create_task(2, classes::<T>(), redundancy::<T>(r), AssignmentMode::Open, Perbill::one(), Vec::new());
		seasoned::<T>(task, 0..r);
		commit_all::<T>(task, 0, r, |index| (index % 2) as Label);
		reveal_some::<T>(task, 0, 0..r, |index| (index % 2) as Label);
		assert!(matches!(Items::<T>::get(task, 0).map(|s| s.phase), Some(ItemPhase::Disputed { .. })));
		let origin = T::ExpertOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, task, 0, 1);

		assert_eq!(SettledItems::<T>::get(task, 0).map(|s| s.decided_by), Some(Decision::Expert));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}

