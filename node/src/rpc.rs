//! The node's JSON-RPC methods beyond Substrate's built-in ones: account nonces
//! (`system_accountNextIndex`, with a bounded account), fee queries (`payment_*`), labeling reads
//! (`labeling_*`) and, on a manually sealed dev chain, block sealing (`engine_*`).

mod address;
mod bounded_nonce;
mod labeling_queries;

use std::sync::Arc;

use futures::channel::mpsc;
use jsonrpsee::RpcModule;
use labelchain_runtime::{opaque::Block, AccountId, Balance, Hash, Nonce};
use sc_consensus_manual_seal::{
	rpc::{ManualSeal, ManualSealApiServer},
	EngineCommand,
};
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};

/// What the RPC methods read from.
pub struct FullDeps<C, P> {
	pub client: Arc<C>,
	pub pool: Arc<P>,
	/// Where `engine_createBlock` and `engine_finalizeBlock` send their
	/// commands; `None` unless the node seals manually.
	pub manual_seal_sink: Option<mpsc::Sender<EngineCommand<Hash>>>,
}

/// Builds the RPC module served next to Substrate's built-in methods.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>
		+ pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>
		+ labelchain_primitives::runtime_api::LabelingApi<Block>
		+ BlockBuilder<Block>,
	P: TransactionPool + 'static,
{
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};
	use bounded_nonce::{BoundedNonce, BoundedNonceApiServer};
	use labeling_queries::{Labeling, LabelingRpcServer};

	let FullDeps { client, pool, manual_seal_sink } = deps;
	let mut module = RpcModule::new(());
	// Upstream's system methods, but the nonce through a bounded account.
	let mut system = System::new(client.clone(), pool.clone()).into_rpc();
	for replaced in ["system_accountNextIndex", "account_nextIndex"] {
		system.remove_method(replaced).ok_or_else(|| format!("upstream no longer serves {replaced}"))?;
	}
	module.merge(system)?;
	module.merge(BoundedNonce::new(System::new(client.clone(), pool)).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(Labeling::new(client).into_rpc())?;
	if let Some(sink) = manual_seal_sink {
		module.merge(ManualSeal::new(sink).into_rpc())?;
	}
	Ok(module)
}
