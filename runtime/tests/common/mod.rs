//! Shared by the runtime's tests: the genesis state of a preset, and labeling
//! helpers.
#![allow(dead_code)]

pub mod labeling;

use labelchain_runtime::{genesis_config_presets::get_preset, RuntimeGenesisConfig};
use sp_genesis_builder::PresetId;
use sp_runtime::BuildStorage;

/// Applies a genesis patch the way a chain spec does: objects merge key by key,
/// anything else is replaced.
fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) =>
			for (key, value) in patch {
				merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			},
		(base, patch) => *base = patch,
	}
}

/// The state a chain spec built from `preset` starts with, at block 1.
pub fn genesis_state(preset: &str) -> sp_io::TestExternalities {
	let patch = get_preset(&PresetId::from(preset)).expect("the preset exists");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).expect("serializes");
	merge(&mut config, serde_json::from_slice(&patch).expect("a preset is JSON"));
	let config: RuntimeGenesisConfig =
		serde_json::from_value(config).expect("a preset is a valid genesis config");
	let mut ext: sp_io::TestExternalities = config.build_storage().expect("the preset builds").into();
	ext.execute_with(|| labelchain_runtime::System::set_block_number(1));
	ext
}
