//! Shared by the runtime's tests: the genesis state of a preset, and labeling
//! helpers.
#![allow(dead_code)]

pub mod labeling_steps;
pub mod simulation;

use sp_genesis_builder::PresetId;

/// The state a chain spec built from `preset` starts with, at block 1.
pub fn genesis_state(preset: &str) -> sp_io::TestExternalities {
	let storage = labelchain_runtime::genesis_config_presets::genesis_storage(&PresetId::from(preset), [])
		.expect("the preset builds");
	let mut ext: sp_io::TestExternalities = storage.into();
	ext.execute_with(|| labelchain_runtime::System::set_block_number(1));
	ext
}
