//! Benchmarks of every call.

use super::*;
use frame_benchmarking::v2::*;
use frame_support::traits::Get;
use frame_system::RawOrigin;

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn set_parameters() {
		let mut parameters = T::DefaultParameters::get();
		parameters.gold_weight = parameters.gold_weight.saturating_add(1);

		#[extrinsic_call]
		_(RawOrigin::Root, parameters);

		assert_eq!(ReputationParameters::<T>::get(), parameters);
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
