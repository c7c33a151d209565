//! The built-in chains (`dev`, `local`, `benchmark`) and loading a chain spec from a file.
//!
//! The built-ins take their genesis from the runtime's presets, so a chain spec
//! is never edited by hand: `scripts/generate-chain-specs.sh` writes
//! `chain-specs/local.json` from the same code.

use labelchain_primitives::chain_properties::{SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL};
use labelchain_runtime::WASM_BINARY;
use sc_service::{ChainType, Properties};
use sp_core::Pair;
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

/// A chain spec of this node's runtime, with the token and address format.
pub fn builder() -> Result<sc_chain_spec::ChainSpecBuilder, String> {
	Ok(ChainSpec::builder(wasm_binary()?, Default::default()).with_properties(properties()))
}

/// A one-validator chain for development: Alice authors and is sudo.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(builder()?
		.with_name("LabelChain Development")
		.with_id("labelchain_dev")
		.with_protocol_id("labelchain-dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(DEV_RUNTIME_PRESET)
		.build())
}

/// A four-validator local testnet: Alice, Bob, Charlie and Dave.
pub fn local_testnet_chain_spec() -> Result<ChainSpec, String> {
	Ok(builder()?
		.with_name("LabelChain Local Testnet")
		.with_id("labelchain_local")
		.with_protocol_id("labelchain-local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(LOCAL_TESTNET_RUNTIME_PRESET)
		.build())
}

/// How many funded senders the `benchmark` chain has: `//Bench//0` to
/// `//Bench//3999`, derived from the dev phrase like `//Alice`.
pub const BENCHMARK_ACCOUNTS: u32 = 4_000;

/// What each benchmark sender starts with: enough to bond as an annotator and
/// pay the fees of every transaction a throughput run sends.
const BENCHMARK_ENDOWMENT: u128 = 10_000 * labelchain_primitives::currency::UNIT;

/// The dev chain (Alice validates and is sudo) plus [`BENCHMARK_ACCOUNTS`]
/// funded accounts, for the throughput benchmark (scripts/throughput.sh) to send
/// pre-signed transactions from many senders. Test networks only: every key is
/// derived from the public dev phrase.
pub fn benchmark_chain_spec() -> Result<ChainSpec, String> {
	let mut genesis = labelchain_runtime::genesis_config_presets::development_config_genesis();
	let balances = genesis
		.pointer_mut("/balances/balances")
		.and_then(|balances| balances.as_array_mut())
		.ok_or("the dev preset has no balances list")?;
	// The phrase's key stretching runs once, for `//Bench`; each `//{index}`
	// is one cheap derivation from it (a numeric junction is a u64).
	let bench = sp_core::sr25519::Pair::from_string("//Bench", None)
		.map_err(|error| format!("deriving //Bench: {error:?}"))?;
	for index in 0..BENCHMARK_ACCOUNTS {
		let junction = sp_core::DeriveJunction::hard(u64::from(index));
		let (pair, _) = bench
			.derive(std::iter::once(junction), None)
			.map_err(|error| format!("deriving //Bench//{index}: {error:?}"))?;
		let account = sp_runtime::AccountId32::from(pair.public());
		let account = serde_json::to_value(account).map_err(|error| error.to_string())?;
		balances.push(serde_json::json!([account, BENCHMARK_ENDOWMENT]));
	}
	Ok(ChainSpec::builder(wasm_binary()?, Default::default())
		.with_name("LabelChain Benchmark")
		.with_id("labelchain_benchmark")
		.with_protocol_id("labelchain-benchmark")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_patch(genesis)
		.with_properties(properties())
		.build())
}

/// The chain named on the command line: a built-in name or a chain spec file.
pub fn load(id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
	Ok(match id {
		"dev" => Box::new(development_chain_spec()?),
		"benchmark" => Box::new(benchmark_chain_spec()?),
		"" | "local" => Box::new(local_testnet_chain_spec()?),
		path => Box::new(ChainSpec::from_json_file(std::path::PathBuf::from(path))?),
	})
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_runtime::BuildStorage;

	fn account_key(account: &sp_runtime::AccountId32) -> Vec<u8> {
		frame_system::Account::<labelchain_runtime::Runtime>::hashed_key_for(account)
	}

	#[test]
	fn the_benchmark_chain_funds_every_sender_and_the_dev_accounts() {
		let storage = benchmark_chain_spec().unwrap().build_storage().unwrap();
		let senders = [0, BENCHMARK_ACCOUNTS - 1].map(|index| {
			let pair = sp_core::sr25519::Pair::from_string(&format!("//Bench//{index}"), None).unwrap();
			sp_runtime::AccountId32::from(pair.public())
		});
		for account in senders.iter().chain([&sp_keyring::Sr25519Keyring::Alice.to_account_id()]) {
			assert!(storage.top.contains_key(&account_key(account)), "{account} is not funded");
		}
		let one_past = sp_core::sr25519::Pair::from_string(
			&format!("//Bench//{BENCHMARK_ACCOUNTS}"),
			None,
		)
		.unwrap();
		assert!(!storage.top.contains_key(&account_key(&one_past.public().into())));
	}
}
