//! Worst-case benchmarks of every call; `r` is the number of annotators on the
//! item a call settles.

use super::*;
use alloc::vec::Vec;
use codec::Encode;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use frame_system::RawOrigin;
use labelchain_primitives::{
	labeling::{AssignmentMode, ItemIndex, TaskId},
	traits::{StakeLock, TaskInspect},
};
use sp_core::H256;
use sp_runtime::{traits::Saturating, Perbill};

fn salt(index: u32) -> [u8; 32] {
	let mut salt = [7u8; 32];
	salt[..4].copy_from_slice(&index.to_le_bytes());
	salt
}

fn sealed<T: Config>(label: Label, index: u32, who: &T::AccountId) -> H256 {
	H256(sp_io::hashing::blake2_256(&(label, salt(index), who).encode()))
}

/// Annotators `0..count` claim and commit on `item`; annotator `i` commits
/// `label_of(i)`.
fn commit_all<T: Config>(task: TaskId, item: ItemIndex, count: u32, label_of: impl Fn(u32) -> Label) {
	for index in 0..count {
		let who = T::BenchmarkHelper::annotator(index);
		Pallet::<T>::claim_item(RawOrigin::Signed(who.clone()).into(), task, item).expect("eligible");
		Pallet::<T>::commit(RawOrigin::Signed(who.clone()).into(), task, item, sealed::<T>(label_of(index), index, &who))
			.expect("claimed");
	}
}

fn reveal_some<T: Config>(task: TaskId, item: ItemIndex, indices: core::ops::Range<u32>, label_of: impl Fn(u32) -> Label) {
	for index in indices {
		let who = T::BenchmarkHelper::annotator(index);
		Pallet::<T>::reveal(RawOrigin::Signed(who).into(), task, item, label_of(index), salt(index))
			.expect("committed");
	}
}

/// Item 0 of a new task, labeled 1 by all `r` annotators and accepted.
fn accepted_item<T: Config>(r: u32, gold: Vec<H256>) -> TaskId {
	let task = T::BenchmarkHelper::create_task(2, redundancy::<T>(r), AssignmentMode::Open, Perbill::from_percent(60), gold);
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

fn redundancy<T: Config>(r: u32) -> u8 {
	r.min(u32::from(u8::MAX)) as u8
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// The claim looks at every one of its probes: only the last item it
	/// reaches is free.
	#[benchmark]
	fn claim() {
		let probes = T::MaxAssignmentProbes::get();
		let task = T::BenchmarkHelper::create_task(probes, 1, AssignmentMode::Assigned, Perbill::one(), Vec::new());
		let who = T::BenchmarkHelper::annotator(0);
		let start = Pallet::<T>::assignment_start(&who, AssignmentNonce::<T>::get().wrapping_add(1), probes);
		let free_item = (start + probes - 1) % probes;
		// Fill every other item with a live claim, as other annotators' claims
		// would (an assigned task offers no call that names the item).
		let expires_at = frame_system::Pallet::<T>::block_number().saturating_add(T::ClaimTtl::get());
		for (filler, item) in (0..probes).filter(|item| *item != free_item).enumerate() {
			let other = T::BenchmarkHelper::annotator(filler as u32 + 1);
			T::Stake::lock(&other, T::StakePerLabel::get()).expect("bonded");
			OpenClaims::<T>::mutate(&other, |open| *open = open.saturating_add(1));
			let mut state = ItemState::<T>::default();
			state.claims.try_push(Claim { annotator: other, expires_at }).expect("redundancy is 1");
			Items::<T>::insert(task, item, state);
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), task);

		assert!(Items::<T>::get(task, free_item).is_some_and(|state| state.involves(&who)));
	}

	/// The item already has all but one of its claims.
	#[benchmark]
	fn claim_item() {
		let r = T::MaxRedundancy::get().min(u32::from(u8::MAX));
		let task = T::BenchmarkHelper::create_task(1, redundancy::<T>(r), AssignmentMode::Open, Perbill::one(), Vec::new());
		for index in 1..r {
			let other = T::BenchmarkHelper::annotator(index);
			Pallet::<T>::claim_item(RawOrigin::Signed(other).into(), task, 0).expect("eligible");
		}
		let who = T::BenchmarkHelper::annotator(0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), task, 0);

		assert_eq!(Items::<T>::get(task, 0).map(|state| state.claims.len() as u32), Some(r));
	}

	/// The last commit of a full item, which opens the reveal window.
	#[benchmark]
	fn commit() {
		let r = T::MaxRedundancy::get().min(u32::from(u8::MAX));
		let task = T::BenchmarkHelper::create_task(1, redundancy::<T>(r), AssignmentMode::Open, Perbill::one(), Vec::new());
		commit_all::<T>(task, 0, r - 1, |_| 1);
		let last = r - 1;
		let who = T::BenchmarkHelper::annotator(last);
		Pallet::<T>::claim_item(RawOrigin::Signed(who.clone()).into(), task, 0).expect("eligible");
		let hash = sealed::<T>(1, last, &who);

		#[extrinsic_call]
		_(RawOrigin::Signed(who), task, 0, hash);

		assert!(matches!(Items::<T>::get(task, 0).map(|s| s.phase), Some(ItemPhase::Revealing { .. })));
	}

	/// The last reveal: it tallies the item of `r` annotators.
	#[benchmark]
	fn reveal(r: Linear<1, { T::MaxRedundancy::get().min(u32::from(u8::MAX)) }>) {
		let task = T::BenchmarkHelper::create_task(2, redundancy::<T>(r), AssignmentMode::Open, Perbill::from_percent(60), Vec::new());
		commit_all::<T>(task, 0, r, |_| 1);
		reveal_some::<T>(task, 0, 0..r - 1, |_| 1);
		let last = r - 1;
		let who = T::BenchmarkHelper::annotator(last);

		#[extrinsic_call]
		_(RawOrigin::Signed(who), task, 0, 1, salt(last));

		assert!(matches!(Items::<T>::get(task, 0).map(|s| s.phase), Some(ItemPhase::Accepted { .. })));
	}

	/// After the appeal window: the item settles and all `r` agreeing
	/// annotators are paid.
	#[benchmark]
	fn finalize_item(r: Linear<1, { T::MaxRedundancy::get().min(u32::from(u8::MAX)) }>) {
		let task = accepted_item::<T>(r, Vec::new());
		pass_appeal_window::<T>();
		let caller: T::AccountId = whitelisted_caller();

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), task, 0);

		assert_eq!(SettledItems::<T>::get(task, 0).map(|s| s.label), Some(1));
	}

	#[benchmark]
	fn appeal() {
		let task = accepted_item::<T>(2, Vec::new());
		let appellant = T::BenchmarkHelper::annotator(0);

		#[extrinsic_call]
		_(RawOrigin::Signed(appellant), task, 0);

		assert!(matches!(Items::<T>::get(task, 0).map(|s| s.phase), Some(ItemPhase::Appealed { .. })));
	}

	/// Rejected (the bond moves to the requester) and all `r` paid.
	#[benchmark]
	fn decide_appeal(r: Linear<1, { T::MaxRedundancy::get().min(u32::from(u8::MAX)) }>) -> Result<(), BenchmarkError> {
		let task = accepted_item::<T>(r, Vec::new());
		let appellant = T::BenchmarkHelper::annotator(0);
		Pallet::<T>::appeal(RawOrigin::Signed(appellant).into(), task, 0).expect("involved");
		let origin = T::ExpertOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, task, 0, 1);

		assert_eq!(SettledItems::<T>::get(task, 0).map(|s| s.decided_by), Some(Decision::Crowd));
		Ok(())
	}

	/// The gold answer agrees with all `r` annotators, who are paid.
	#[benchmark]
	fn reveal_gold(r: Linear<1, { T::MaxRedundancy::get().min(u32::from(u8::MAX)) }>) {
		let gold_salt = [3u8; 32];
		let commitment = H256(sp_io::hashing::blake2_256(&(0u32, 1u16, gold_salt).encode()));
		let task = accepted_item::<T>(r, alloc::vec![commitment]);
		let requester = T::Tasks::terms(task).map(|terms| terms.requester).expect("created");

		#[extrinsic_call]
		_(RawOrigin::Signed(requester), task, 0, 0, 1, gold_salt);

		assert_eq!(SettledItems::<T>::get(task, 0).map(|s| s.decided_by), Some(Decision::Gold));
	}

	/// A split item of `r` annotators settled by an expert.
	#[benchmark]
	fn resolve_dispute(r: Linear<2, { T::MaxRedundancy::get().min(u32::from(u8::MAX)) }>) -> Result<(), BenchmarkError> {
		let task = T::BenchmarkHelper::create_task(2, redundancy::<T>(r), AssignmentMode::Open, Perbill::one(), Vec::new());
		commit_all::<T>(task, 0, r, |index| (index % 2) as Label);
		reveal_some::<T>(task, 0, 0..r, |index| (index % 2) as Label);
		assert_eq!(Items::<T>::get(task, 0).map(|s| s.phase), Some(ItemPhase::Disputed));
		let origin = T::ExpertOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, task, 0, 1);

		assert_eq!(SettledItems::<T>::get(task, 0).map(|s| s.decided_by), Some(Decision::Expert));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}

