//! Token amounts in JSON as decimal strings: a `u128` does not fit the
//! 53-bit integers of JavaScript, so a number would lose precision in
//! Polkadot.js and browsers.

use alloc::string::{String, ToString};
use core::str::FromStr;
use serde::{Deserialize, Deserializer, Serializer};

pub fn serialize<S: Serializer, Amount: ToString>(amount: &Amount, serializer: S) -> Result<S::Ok, S::Error> {
	serializer.serialize_str(&amount.to_string())
}

pub fn deserialize<'de, D: Deserializer<'de>, Amount: FromStr>(deserializer: D) -> Result<Amount, D::Error> {
	let text = String::deserialize(deserializer)?;
	text.parse().map_err(|_| serde::de::Error::custom("not a decimal amount"))
}
