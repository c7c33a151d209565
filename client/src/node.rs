//! A connection to a LabelChain node: subxt's client for metadata-aware work
//! and the plain JSON-RPC methods for fast submission, over one socket.

use anyhow::Context;
use subxt::{
	backend::LegacyBackend,
	config::RpcConfigFor,
	rpcs::{LegacyRpcMethods, RpcClient},
	OnlineClient, SubstrateConfig,
};

/// The chain configuration: LabelChain's transaction extensions are the
/// standard FRAME ones, which `SubstrateConfig` matches by name.
pub type Config = SubstrateConfig;

/// Plain JSON-RPC methods (`author_submitExtrinsic`, `system_accountNextIndex`, ...).
pub type Rpc = LegacyRpcMethods<RpcConfigFor<Config>>;

/// The pallets a LabelChain runtime has and the client uses.
const LABELCHAIN_PALLETS: [&str; 4] = ["Tasks", "AnnotatorStake", "Reputation", "LabelVoting"];

/// A node to talk to.
#[derive(Clone)]
pub struct Node {
	pub api: OnlineClient<Config>,
	pub rpc: Rpc,
	/// The raw connection, for methods neither of the above knows
	/// (`engine_createBlock` on a manually sealed dev node).
	pub client: RpcClient,
}

impl Node {
	/// Connects to `url` (`ws://` or `wss://`), failing clearly if nothing answers.
	pub async fn connect(url: &str) -> anyhow::Result<Self> {
		let client = RpcClient::from_insecure_url(url)
			.await
			.with_context(|| format!("no LabelChain node answers at {url}"))?;
		// The legacy backend watches transactions through the node's pool
		// (`author_submitAndWatchExtrinsic`). subxt's default tries
		// `chainHead` first, which finds transactions by following every
		// block; on a dev node sealing several blocks a second, with many
		// transactions in flight, some of those watches never ended.
		let backend = LegacyBackend::<Config>::builder().build(client.clone());
		let api = OnlineClient::<Config>::from_backend(std::sync::Arc::new(backend))
			.await
			.with_context(|| format!("{url} does not look like a LabelChain node"))?;
		let at = api.at_current_block().await.with_context(|| format!("reading {url}'s latest block"))?;
		let metadata = at.metadata_ref();
		let missing: Vec<&str> = LABELCHAIN_PALLETS
			.into_iter()
			.filter(|pallet| metadata.pallet_by_name(pallet).is_none())
			.collect();
		let rpc = Rpc::new(client.clone());
		if !missing.is_empty() {
			let chain = rpc.system_chain().await.unwrap_or_else(|_| "an unknown chain".into());
			anyhow::bail!("{url} runs {chain}, not LabelChain: it has no {} pallet", missing.join(" or "));
		}
		Ok(Self { api, rpc, client })
	}
}

impl Node {
	/// Asks a manually sealed dev node to seal and finalize a block now;
	/// `false` if this node does not take that command (it makes its own).
	pub async fn seal_block(&self) -> bool {
		let sealed: Result<serde_json::Value, _> =
			self.client.request("engine_createBlock", subxt::rpcs::rpc_params![true, true]).await;
		sealed.is_ok()
	}
}
