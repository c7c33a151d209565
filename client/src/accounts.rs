//! Accounts the client signs with.

use anyhow::Context;
use subxt::utils::AccountId32;
use subxt_signer::{bip39::Mnemonic, sr25519::Keypair, DeriveJunction, DEV_PHRASE};

/// The throughput benchmark's senders, `//Bench//0` to `//Bench//{count - 1}`
/// of the dev phrase: the accounts the node's `benchmark` chain funds.
pub fn bench_accounts(count: u32) -> anyhow::Result<Vec<Keypair>> {
	let phrase = Mnemonic::parse(DEV_PHRASE).context("the dev phrase")?;
	// Deriving each from one root runs the phrase's key stretching once.
	let root = Keypair::from_phrase(&phrase, None).context("the dev key")?;
	let bench = root.derive([DeriveJunction::hard("Bench")]);
	// A numeric junction in a URI (`//17`) is a u64.
	Ok((0..u64::from(count)).map(|index| bench.derive([DeriveJunction::hard(index)])).collect())
}

/// The key an `--account` names: a secret URI (`//Alice`, a seed phrase,
/// either with `//derivation` and `///password`), or the path of a file
/// holding one.
pub fn key_from_spec(spec: &str) -> anyhow::Result<Keypair> {
	let path = std::path::Path::new(spec);
	let uri = if !spec.starts_with("//") && path.is_file() {
		std::fs::read_to_string(path)
			.with_context(|| format!("reading the key file {}", path.display()))?
			.trim()
			.to_string()
	} else {
		spec.to_string()
	};
	let uri = uri.parse().map_err(|_| anyhow::anyhow!("not a secret URI, seed phrase or key file: {spec}"))?;
	Keypair::from_uri(&uri).map_err(|error| anyhow::anyhow!("cannot derive a key from {spec}: {error}"))
}

/// The account a key signs for.
pub fn account_of(key: &Keypair) -> AccountId32 {
	key.public_key().into()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn keys_come_from_dev_names_phrases_and_files() {
		let alice = key_from_spec("//Alice").unwrap();
		let phrase = format!("{DEV_PHRASE}//Alice");
		assert_eq!(account_of(&key_from_spec(&phrase).unwrap()), account_of(&alice));
		let file = std::env::temp_dir().join(format!("labelchain-key-{}", std::process::id()));
		std::fs::write(&file, format!("{phrase}\n")).unwrap();
		let from_file = key_from_spec(file.to_str().unwrap());
		std::fs::remove_file(&file).unwrap();
		assert_eq!(account_of(&from_file.unwrap()), account_of(&alice));
		assert!(key_from_spec("not a key").is_err());
	}

	#[test]
	fn bench_accounts_are_the_dev_phrase_derivations_the_node_funds() {
		let derived = bench_accounts(18).unwrap();
		for index in [0usize, 17] {
			let uri = format!("//Bench//{index}").parse().unwrap();
			let expected = Keypair::from_uri(&uri).unwrap();
			assert_eq!(account_of(&derived[index]), account_of(&expected));
		}
		assert_ne!(account_of(&derived[0]), account_of(&derived[1]));
	}
}
