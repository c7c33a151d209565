//! The built-in chains (`dev`, `local`) and loading a chain spec from a file.
//!
//! Both built-ins take their genesis from the runtime's presets, so a chain spec
//! is never edited by hand: `scripts/generate-chain-specs.sh` writes
//! `chain-specs/local.json` from the same code.

use labelchain_primitives::chain_properties::{SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL};
use labelchain_runtime::WASM_BINARY;
use sc_service::{ChainType, Properties};
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};

/// The chain spec type of this node: no extensions.
pub type ChainSpec = sc_service::GenericChainSpec;

/// The token and address format wallets show, from the shared primitives.
fn properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties
}

fn wasm_binary() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"the runtime wasm was not built (was SKIP_WASM_BUILD set?); rebuild without it".to_string()
	})
}

/// A one-validator chain for development: Alice authors and is sudo.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, Default::default())
		.with_name("LabelChain Development")
		.with_id("labelchain_dev")
		.with_protocol_id("labelchain-dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// A four-validator local testnet: Alice, Bob, Charlie and Dave.
pub fn local_testnet_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm_binary()?, Default::default())
		.with_name("LabelChain Local Testnet")
		.with_id("labelchain_local")
		.with_protocol_id("labelchain-local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// The chain named on the command line: a built-in name or a chain spec file.
pub fn load(id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
	Ok(match id {
		"dev" => Box::new(development_chain_spec()?),
		"" | "local" => Box::new(local_testnet_chain_spec()?),
		path => Box::new(ChainSpec::from_json_file(std::path::PathBuf::from(path))?),
	})
}
