//! Sending many pre-signed transactions fast: each sender's transactions go
//! in nonce order (the pool keeps only a small queue of early nonces), and
//! many senders go at once.

use std::time::Duration;

use futures::{stream, StreamExt};
use subxt::rpcs::Error as RpcError;

use crate::node::Rpc;

/// The pool's "full" answers (1014 priority too low, 1016 immediately
/// dropped): wait for a block to make room and send again.
const POOL_FULL: [i32; 2] = [1014, 1016];

/// What the node did with a set of transactions.
#[derive(Debug, Default)]
pub struct Submitted {
	/// Taken into the pool.
	pub accepted: u64,
	/// Refused, with the node's reason; the rest of that sender's chain is
	/// not sent, as its nonces could no longer be filled.
	pub refused: Vec<String>,
}

/// Sends every sender's transactions (`chains[s]`, in nonce order), up to
/// `concurrency` senders at a time, and returns once the node answered all.
pub async fn submit_in_order(rpc: &Rpc, chains: Vec<Vec<Vec<u8>>>, concurrency: usize) -> Submitted {
	let outcomes: Vec<(u64, Option<String>)> = stream::iter(chains)
		.map(|chain| submit_chain(rpc, chain))
		.buffer_unordered(concurrency.max(1))
		.collect()
		.await;
	let mut submitted = Submitted::default();
	for (accepted, refusal) in outcomes {
		submitted.accepted += accepted;
		submitted.refused.extend(refusal);
	}
	submitted
}

/// One sender's transactions, one after another.
async fn submit_chain(rpc: &Rpc, chain: Vec<Vec<u8>>) -> (u64, Option<String>) {
	let mut accepted = 0;
	for transaction in chain {
		loop {
			match rpc.author_submit_extrinsic(&transaction).await {
				Ok(_) => break,
				Err(RpcError::User(error)) if POOL_FULL.contains(&error.code) =>
					tokio::time::sleep(Duration::from_millis(500)).await,
				Err(error) => return (accepted, Some(error.to_string())),
			}
		}
		accepted += 1;
	}
	(accepted, None)
}
