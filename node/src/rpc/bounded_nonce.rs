//! `system_accountNextIndex` (and its alias `account_nextIndex`) with the
//! account parsed as a bounded [`Address`]. Upstream's method
//! (`substrate-frame-rpc-system`) base58-decodes a string of any length
//! before checking it: 100 kB took a node's RPC worker 17 s, a megabyte
//! minutes (measured 2026-12-05 on a debug dev node; found by
//! e2e/tests/edges.test.mjs). This one refuses anything longer than an
//! address at once and then asks upstream's, which keeps the one rule of
//! what the next nonce is (the pool's ready transactions included).

use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use labelchain_runtime::{AccountId, Hash, Nonce};
use substrate_frame_rpc_system::SystemApiServer;

use super::address::Address;

#[rpc(server)]
pub trait BoundedNonceApi {
	/// The next nonce `account` may sign with.
	#[method(name = "system_accountNextIndex", aliases = ["account_nextIndex"])]
	async fn nonce(&self, account: Address) -> RpcResult<Nonce>;
}

/// Upstream's system methods, asked once the account is parsed.
pub struct BoundedNonce<S> {
	system: S,
}

impl<S> BoundedNonce<S> {
	pub fn new(system: S) -> Self {
		Self { system }
	}
}

#[jsonrpsee::core::async_trait]
impl<S> BoundedNonceApiServer for BoundedNonce<S>
where
	S: SystemApiServer<Hash, AccountId, Nonce> + Send + Sync + 'static,
{
	async fn nonce(&self, account: Address) -> RpcResult<Nonce> {
		self.system.nonce(account.0).await
	}
}
