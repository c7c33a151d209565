//! Worst-case benchmarks of every call: a set one short of full (adding) or
//! full (removing), where the search and the shift cover every member.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get},
	BoundedVec,
};

/// Fills the set with `count` accounts that have keys.
fn set_of<T: Config>(count: u32) -> Vec<T::AccountId> {
	let mut validators: Vec<T::AccountId> = (0..count)
		.map(|index| account("validator", index, 0))
		.collect();
	validators.sort();
	for validator in &validators {
		T::SessionKeys::register_keys_for_benchmark(validator);
	}
	Validators::<T>::put(BoundedVec::truncate_from(validators.clone()));
	validators
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_validator() -> Result<(), BenchmarkError> {
		set_of::<T>(T::MaxValidators::get().saturating_sub(1));
		let joining: T::AccountId = account("joining", 0, 0);
		T::SessionKeys::register_keys_for_benchmark(&joining);
		let origin =
			T::ManageOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, joining.clone());

		assert!(Validators::<T>::get().contains(&joining));
		Ok(())
	}

	#[benchmark]
	fn remove_validator() -> Result<(), BenchmarkError> {
		let validators = set_of::<T>(T::MaxValidators::get());
		// The first member: every other one shifts.
		let leaving = validators[0].clone();
		let origin =
			T::ManageOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, leaving.clone());

		assert!(!Validators::<T>::get().contains(&leaving));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
