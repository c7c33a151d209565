//! Sending one transaction built from the generated calls and waiting until
//! it is final, with the runtime's own error name when it fails.

use anyhow::anyhow;
use subxt::{extrinsics::ExtrinsicEvents, transactions::Payload, utils::AccountId32, OnlineClientAtBlock};
use subxt_signer::sr25519::Keypair;

use crate::{
	accounts::account_of,
	amount::format_lbl,
	node::{Config, Node},
	runtime,
};

/// Signs `call` with `key`, submits it and waits until its block is final.
/// A call the runtime rejects fails with the runtime's error
/// (`Pallet::Error`); nothing is left half done: a failed call changes nothing.
pub async fn sign_and_finalize<P: Payload>(
	node: &Node,
	call: &P,
	key: &Keypair,
	what: &str,
) -> anyhow::Result<ExtrinsicEvents<Config>> {
	let at = node.api.at_current_block().await.map_err(|e| anyhow!("{what}: {e}"))?;
	let progress = match at.tx().sign_and_submit_then_watch_default(call, key).await {
		Ok(progress) => progress,
		Err(error) => {
			// The pool's reasons arrive as bare codes; the usual one for a
			// new account is that it cannot pay the fee.
			let who = account_of(key);
			let balance = match free_balance(&at, &who).await.ok() {
				Some(0) => format!(": {who} has no free balance to pay the fee"),
				Some(free) => format!(" ({who} has {} free)", format_lbl(free)),
				None => String::new(),
			};
			return Err(anyhow!("{what} was not accepted: {error}{balance}"));
		},
	};
	progress.wait_for_finalized_success().await.map_err(|error| anyhow!("{what} failed: {error}"))
}

/// `who`'s free balance at block `at`.
pub async fn free_balance(at: &OnlineClientAtBlock<Config>, who: &AccountId32) -> anyhow::Result<u128> {
	let account = at.storage().fetch(runtime::storage().system().account(), (*who,)).await?;
	Ok(account.decode()?.data.free)
}
