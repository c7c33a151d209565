//! Worst-case benchmarks of every call.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	Get,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::traits::{Bounded, Saturating};

/// A funded annotator with `MaxUnbondingChunks + 2` times the minimum stake free.
fn funded_annotator<T: Config>() -> (T::AccountId, BalanceOf<T>) {
	let who: T::AccountId = whitelisted_caller();
	let minimum = MinimumStake::<T>::get().max(1u32.into());
	let chunks = T::MaxUnbondingChunks::get().saturating_add(2);
	let stake = minimum.saturating_mul(chunks.into());
	T::Currency::set_balance(&who, stake.saturating_mul(2u32.into()).saturating_add(T::Currency::minimum_balance()));
	(who, minimum)
}

/// Bonds `chunks + 1` minimums and unbonds `chunks` of them, one per block.
fn with_unbonding_chunks<T: Config>(who: &T::AccountId, minimum: BalanceOf<T>, chunks: u32) {
	let bond = minimum.saturating_mul(chunks.saturating_add(1).into());
	Pallet::<T>::bond(RawOrigin::Signed(who.clone()).into(), bond).expect("funded");
	for block in 1..=chunks {
		frame_system::Pallet::<T>::set_block_number(block.into());
		Pallet::<T>::unbond(RawOrigin::Signed(who.clone()).into(), minimum).expect("bonded");
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn bond() {
		let (who, minimum) = funded_annotator::<T>();
		// Worst case: adding to an existing ledger.
		Pallet::<T>::bond(RawOrigin::Signed(who.clone()).into(), minimum).expect("funded");

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), minimum);

		assert_eq!(Ledgers::<T>::get(&who).map(|l| l.bonded), Some(minimum.saturating_mul(2u32.into())));
	}

	#[benchmark]
	fn unbond() {
		let (who, minimum) = funded_annotator::<T>();
		// Worst case: the ledger is one chunk short of full.
		let chunks = T::MaxUnbondingChunks::get().saturating_sub(1);
		with_unbonding_chunks::<T>(&who, minimum, chunks);
		frame_system::Pallet::<T>::set_block_number((chunks + 1).into());
		let amount = minimum.saturating_sub(1u32.into()).max(1u32.into());
		Pallet::<T>::bond(RawOrigin::Signed(who.clone()).into(), amount).expect("funded");

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), amount);

		assert_eq!(
			Ledgers::<T>::get(&who).map(|l| l.unbonding.len() as u32),
			Some(T::MaxUnbondingChunks::get())
		);
	}

	#[benchmark]
	fn withdraw(c: Linear<1, { T::MaxUnbondingChunks::get() }>) {
		let (who, minimum) = funded_annotator::<T>();
		with_unbonding_chunks::<T>(&who, minimum, c);
		frame_system::Pallet::<T>::set_block_number(
			BlockNumberFor::<T>::max_value().saturating_sub(1u32.into()),
		);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));

		assert_eq!(Ledgers::<T>::get(&who).map(|l| l.unbonding.len()), Some(0));
	}

	#[benchmark]
	fn set_minimum_stake() {
		let amount: BalanceOf<T> = 1_000u32.into();

		#[extrinsic_call]
		_(RawOrigin::Root, amount);

		assert_eq!(MinimumStake::<T>::get(), amount);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
