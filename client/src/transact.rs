//! Sending one transaction built from the generated calls and waiting until
//! it is final, with the runtime's own error name when it fails.

use anyhow::anyhow;
use subxt::{extrinsics::ExtrinsicEvents, transactions::Payload};
use subxt_signer::sr25519::Keypair;

use crate::node::{Config, Node};

/// Signs `call` with `key`, submits it and waits until its block is final.
/// A call the runtime rejects fails with the runtime's error
/// (`Pallet::Error`); nothing is left half done: a failed call changes nothing.
pub async fn sign_and_finalize<P: Payload>(
	node: &Node,
	call: &P,
	key: &Keypair,
	what: &str,
) -> anyhow::Result<ExtrinsicEvents<Config>> {
	let mut tx = node.api.at_current_block().await.map_err(|e| anyhow!("{what}: {e}"))?.tx();
	let progress = tx
		.sign_and_submit_then_watch_default(call, key)
		.await
		.map_err(|error| anyhow!("{what} was not accepted: {error}"))?;
	progress.wait_for_finalized_success().await.map_err(|error| anyhow!("{what} failed: {error}"))
}
