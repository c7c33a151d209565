//! A connection to a LabelChain node: subxt's client for metadata-aware work
//! and the plain JSON-RPC methods for fast submission, over one socket.

use anyhow::Context;
use subxt::{
	config::RpcConfigFor,
	rpcs::{LegacyRpcMethods, RpcClient},
	OnlineClient, SubstrateConfig,
};

/// The chain configuration: LabelChain's transaction extensions are the
/// standard FRAME ones, which `SubstrateConfig` matches by name.
pub type Config = SubstrateConfig;

/// Plain JSON-RPC methods (`author_submitExtrinsic`, `system_accountNextIndex`, ...).
pub type Rpc = LegacyRpcMethods<RpcConfigFor<Config>>;

/// A node to talk to.
#[derive(Clone)]
pub struct Node {
	pub api: OnlineClient<Config>,
	pub rpc: Rpc,
}

impl Node {
	/// Connects to `url` (`ws://` or `wss://`), failing clearly if nothing answers.
	pub async fn connect(url: &str) -> anyhow::Result<Self> {
		let client = RpcClient::from_insecure_url(url)
			.await
			.with_context(|| format!("no LabelChain node answers at {url}"))?;
		let api = OnlineClient::<Config>::from_rpc_client(client.clone())
			.await
			.with_context(|| format!("{url} does not look like a LabelChain node"))?;
		Ok(Self { api, rpc: Rpc::new(client) })
	}
}
