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

/// The account a key signs for.
pub fn account_of(key: &Keypair) -> AccountId32 {
	key.public_key().into()
}

#[cfg(test)]
mod tests {
	use super::*;

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
