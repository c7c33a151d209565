//! Governance on dev and test networks (`sudo`) and call batching (`utility`).

use crate::{OriginCaller, Runtime, RuntimeCall, RuntimeEvent};

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	// Measured on this project's machine, like every call a label batch makes.
	type WeightInfo = crate::weights::pallet_utility::WeightInfo<Runtime>;
}
