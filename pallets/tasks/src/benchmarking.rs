//! Worst-case benchmarks of every call.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate},
		Get,
	},
	BoundedVec,
};
use frame_support::weights::Weight;
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use labelchain_primitives::{task::{AssignmentMode, TaskId, TaskStatus}, reputation::Tier, traits::{TaskEscrow, TaskWorkingStorage}};
use sp_core::H256;
use sp_runtime::{traits::Saturating, Perbill};

use labelchain_primitives::cid::EXAMPLE_CID as MANIFEST_CID;

/// The largest task the pallet admits, with `gold` gold commitments.
fn widest_spec<T: Config>(gold: u32) -> TaskSpec<T> {
	TaskSpec {
		manifest: BoundedVec::truncate_from(MANIFEST_CID.to_vec()),
		item_count: T::MaxItems::get(),
		class_count: T::MaxClasses::get(),
		min_redundancy: 1,
		max_redundancy: u8::try_from(T::MaxRedundancy::get()).expect("integrity_test: MaxRedundancy fits a u8; qed"),
		target_accuracy: Perbill::one(),
		reward_per_label: 1u32.into(),
		dispute_budget: 1_000u32.into(),
		deadline: frame_system::Pallet::<T>::block_number().saturating_add(1_000u32.into()),
		min_tier: Tier::Expert,
		min_stake: 1u32.into(),
		assignment: AssignmentMode::Assigned,
		domain: 1,
		gold_commitments: BoundedVec::truncate_from(
			(0..gold).map(distinct_commitment).collect(),
		),
	}
}

/// A different gold commitment for each index.
fn distinct_commitment(index: u32) -> H256 {
	let mut bytes = [0u8; 32];
	bytes[..4].copy_from_slice(&index.to_le_bytes());
	H256(bytes)
}

/// A requester with enough for the widest task many times over.
fn funded_requester<T: Config>() -> T::AccountId {
	let requester: T::AccountId = whitelisted_caller();
	let widest = widest_spec::<T>(T::MaxGoldItems::get());
	let per_task = Pallet::<T>::budget_of(
		widest.item_count,
		widest.max_redundancy,
		widest.reward_per_label,
		widest.dispute_budget,
		T::MaxGoldItems::get(),
	)
	.expect("the widest task's budget fits a balance")
	.total
	.saturating_add(1_000_000u32.into());
	T::Currency::set_balance(
		&requester,
		per_task.saturating_mul(4u32.into()).saturating_add(T::Currency::minimum_balance()),
	);
	requester
}

/// The widest task, one of its gold commitments revealed: closing it both
/// returns a gold bond and forfeits the others.
fn create<T: Config>(requester: &T::AccountId) -> TaskId {
	let task = NextTaskId::<T>::get();
	Pallet::<T>::create_task(RawOrigin::Signed(requester.clone()).into(), widest_spec::<T>(T::MaxGoldItems::get()))
		.expect("funded and valid");
	<Pallet<T> as TaskEscrow<_, _>>::gold_revealed(task, 0, 0).expect("the task has gold");
	task
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_task(g: Linear<0, { T::MaxGoldItems::get() }>) {
		let requester = funded_requester::<T>();
		let spec = widest_spec::<T>(g);

		#[extrinsic_call]
		_(RawOrigin::Signed(requester.clone()), spec);

		assert!(Tasks::<T>::get(0).is_some_and(|task| task.gold_count == g));
	}

	#[benchmark]
	fn top_up() {
		let requester = funded_requester::<T>();
		let task = create::<T>(&requester);

		#[extrinsic_call]
		_(RawOrigin::Signed(requester), task, 1_000u32.into());

		assert_eq!(Tasks::<T>::get(task).map(|t| t.escrow.dispute_budget), Some(2_000u32.into()));
	}

	#[benchmark]
	fn extend_deadline() {
		let requester = funded_requester::<T>();
		let task = create::<T>(&requester);
		let deadline: BlockNumberFor<T> = 10_000u32.into();

		#[extrinsic_call]
		_(RawOrigin::Signed(requester), task, deadline);

		assert_eq!(Tasks::<T>::get(task).map(|t| t.terms.deadline), Some(deadline));
	}

	/// Worst case: nothing in flight, so cancelling also closes and refunds.
	#[benchmark]
	fn cancel_task() {
		let requester = funded_requester::<T>();
		let task = create::<T>(&requester);

		#[extrinsic_call]
		_(RawOrigin::Signed(requester), task);

		assert_eq!(Tasks::<T>::get(task).map(|t| t.terms.status), Some(TaskStatus::Closed));
	}

	#[benchmark]
	fn close_task() {
		let requester = funded_requester::<T>();
		let task = create::<T>(&requester);
		let deadline = Tasks::<T>::get(task).map(|t| t.terms.deadline).unwrap_or_default();
		frame_system::Pallet::<T>::set_block_number(deadline.saturating_add(1u32.into()));
		let closer: T::AccountId = account("closer", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(closer), task);

		assert_eq!(Tasks::<T>::get(task).map(|t| t.terms.status), Some(TaskStatus::Closed));
	}

	/// One look at a block of the deadline agenda with nothing due in it.
	#[benchmark]
	fn agenda_look() {
		let now = frame_system::Pallet::<T>::block_number();
		let mut meter = frame_support::weights::WeightMeter::new();
		DeadlineCursor::<T>::put(now);

		#[block]
		{
			labelchain_agenda::run::<_, _, Deadlines<T>, DeadlineCursor<T>>(
				now,
				&mut meter,
				Weight::zero(),
				Weight::zero(),
				|_, task| Pallet::<T>::close_after_deadline(task, now),
			);
		}

		assert_eq!(DeadlineCursor::<T>::get(), Some(now));
	}

	/// The agenda closes a task in the block after its deadline, with nothing
	/// in flight: the whole budget refunded.
	#[benchmark]
	fn close_at_deadline() {
		let requester = funded_requester::<T>();
		let task = create::<T>(&requester);
		let deadline = Tasks::<T>::get(task).map(|t| t.terms.deadline).unwrap_or_default();
		let now = deadline.saturating_add(1u32.into());
		frame_system::Pallet::<T>::set_block_number(now);

		#[block]
		{
			Pallet::<T>::close_after_deadline(task, now);
		}

		assert_eq!(Tasks::<T>::get(task).map(|t| t.terms.status), Some(TaskStatus::Closed));
		assert!(Deadlines::<T>::iter().next().is_none());
	}

	/// One block's pruning of a closed task's `n` gold commitments and `n`
	/// entries of working storage elsewhere (the largest annotator models)
	/// that removes them all and returns its storage deposit.
	#[benchmark]
	fn prune_step(n: Linear<1, { T::MaxPrunePerBlock::get() }>) {
		let requester = funded_requester::<T>();
		let task = NextTaskId::<T>::get();
		Pallet::<T>::create_task(RawOrigin::Signed(requester.clone()).into(), widest_spec::<T>(n))
			.expect("funded and valid");
		T::WorkingStorage::fill_for_benchmark(task, n);
		Pallet::<T>::cancel_task(RawOrigin::Signed(requester).into(), task).expect("nothing in flight");
		assert!(Pruning::<T>::contains_key(task));

		#[block]
		{
			// One more than there are, so that the step also finishes.
			Pallet::<T>::prune_step(task, n.saturating_add(1));
		}

		assert!(!Pruning::<T>::contains_key(task));
		assert!(GoldCommitments::<T>::iter_prefix(task).next().is_none());
		assert!(T::WorkingStorage::is_pruned(task));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
