//! An account as a JSON-RPC parameter: an SS58 address, decoded only when it
//! is no longer than an SS58 address can be. Base58 decoding takes time
//! quadratic in the string's length: a megabyte string passed as an account
//! held a node's RPC worker for minutes (found by e2e/tests/edges.test.mjs).

use labelchain_primitives::AccountId;
use serde::{de::Error, Deserialize, Deserializer};
use sp_core::crypto::Ss58Codec;

/// Longer than any SS58 address of a 32-byte account (about 48 characters
/// with a two-byte network prefix).
const MAX_ADDRESS_CHARS: usize = 64;

/// An SS58 address given to a `labeling_*` method.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Address(pub AccountId);

impl<'de> Deserialize<'de> for Address {
	fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
		let text = String::deserialize(deserializer)?;
		if text.len() > MAX_ADDRESS_CHARS {
			return Err(D::Error::custom(format!("not an SS58 address: {} characters", text.len())));
		}
		AccountId::from_ss58check(&text).map(Address).map_err(|error| D::Error::custom(format!("not an SS58 address: {error:?}")))
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn parse(json: &str) -> Result<Address, serde_json::Error> {
		serde_json::from_str(json)
	}

	#[test]
	fn an_address_is_parsed_and_anything_long_is_refused_at_once() {
		let alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
		assert!(parse(&format!("\"{alice}\"")).is_ok());
		assert!(parse("\"not-an-address\"").is_err());
		let started = std::time::Instant::now();
		let long = format!("\"{}\"", "x".repeat(1 << 20));
		let refused = parse(&long).expect_err("a megabyte is no address").to_string();
		assert!(refused.contains("1048576 characters"), "{refused}");
		assert!(started.elapsed() < std::time::Duration::from_secs(1), "refused before decoding");
	}
}
