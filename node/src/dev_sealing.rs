//! A single development node that seals its own blocks instead of waiting for
//! Aura slots, so local tests and demos run in seconds.
//!
//! Blocks still carry an Aura pre-digest and a timestamp one slot after their
//! parent's, so the same runtime (which checks both) runs unchanged. Each block
//! is finalized as it is sealed, except in `manual` mode, where the
//! `engine_createBlock` caller chooses.

use std::{sync::Arc, time::Duration};

use futures::{channel::mpsc, stream, Stream, StreamExt};
use labelchain_runtime::{opaque::Block, Hash};
use sc_consensus_manual_seal::{
	consensus::{aura::AuraConsensusDataProvider, timestamp::SlotTimestampProvider},
	EngineCommand, ManualSealParams,
};
use sc_network::NetworkBackend;
use sc_service::{error::Error as ServiceError, Configuration, TaskManager};
use sc_transaction_pool_api::TransactionPool;

use crate::{cli::Sealing, service};

/// Room for `engine_*` RPC commands waiting for the sealing task.
const RPC_COMMAND_BUFFER: usize = 1024;

/// How often instant sealing looks for transactions its last block missed.
const STRAGGLER_TICK: Duration = Duration::from_millis(250);

/// A command that seals one block on the best block and finalizes it.
fn seal_and_finalize(create_empty: bool) -> EngineCommand<Hash> {
	EngineCommand::SealNewBlock { create_empty, finalize: true, parent_hash: None, sender: None }
}

/// A block whenever a transaction enters the pool.
fn on_each_transaction(
	pool: &service::FullPool,
) -> impl Stream<Item = EngineCommand<Hash>> + Unpin + Send + 'static {
	pool.import_notification_stream().map(|_| seal_and_finalize(false))
}

/// A block whenever the pool holds ready transactions at a tick. A
/// transaction that arrives while a block is being built can miss both it and
/// the next one (the pool re-validates it against the new block first) and
/// is not announced again; without this, it would wait for the next arrival.
/// The block is sealed even if it ends up without them: a block whose hooks
/// fill it (a session change) takes no transaction, and the chain must get
/// past it for the waiting ones to go in the block after.
fn when_ready(
	pool: Arc<service::FullPool>,
	period: Duration,
) -> impl Stream<Item = EngineCommand<Hash>> + Unpin + Send + 'static {
	Box::pin(stream::unfold(pool, move |pool| async move {
		loop {
			futures_timer::Delay::new(period).await;
			if pool.status().ready > 0 {
				return Some((seal_and_finalize(true), pool));
			}
		}
	}))
}

/// A block every `period`, with or without transactions.
fn every(period: Duration) -> impl Stream<Item = EngineCommand<Hash>> + Unpin + Send + 'static {
	Box::pin(stream::unfold((), move |()| async move {
		futures_timer::Delay::new(period).await;
		Some((seal_and_finalize(true), ()))
	}))
}

pub fn new_dev<N: NetworkBackend<Block, Hash>>(
	config: Configuration,
	sealing: Sealing,
) -> Result<TaskManager, ServiceError> {
	let mut core = service::new_core_parts(&config)?;

	let import_queue = sc_consensus_manual_seal::import_queue(
		Box::new(core.client.clone()),
		&core.task_manager.spawn_essential_handle(),
		config.prometheus_registry(),
	);

	let metrics = N::register_notification_metrics(config.prometheus_registry());
	let net_config = sc_network::config::FullNetworkConfiguration::<Block, Hash, N>::new(
		&config.network,
		config.prometheus_registry().cloned(),
	);
	// `engine_createBlock` and `engine_finalizeBlock` work in every manual mode.
	let (rpc_commands_sink, rpc_commands) = mpsc::channel(RPC_COMMAND_BUFFER);
	let prometheus_registry = config.prometheus_registry().cloned();
	service::start_network_and_rpc(
		&mut core,
		config,
		net_config,
		metrics,
		import_queue,
		None,
		Some(rpc_commands_sink),
	)?;

	let commands_stream: Box<dyn Stream<Item = EngineCommand<Hash>> + Unpin + Send> =
		match sealing {
			Sealing::Instant => Box::new(stream::select(
				stream::select(rpc_commands, on_each_transaction(&core.transaction_pool)),
				when_ready(core.transaction_pool.clone(), STRAGGLER_TICK),
			)),
			Sealing::Interval(period) => Box::new(stream::select(rpc_commands, every(period))),
			Sealing::Manual | Sealing::Aura => Box::new(rpc_commands),
		};

	let proposer = sc_basic_authorship::ProposerFactory::new(
		core.task_manager.spawn_handle(),
		core.client.clone(),
		core.transaction_pool.clone(),
		prometheus_registry.as_ref(),
		core.telemetry.as_ref().map(|telemetry| telemetry.handle()),
	);

	let client = core.client.clone();
	let sealing_task = sc_consensus_manual_seal::run_manual_seal(ManualSealParams {
		block_import: core.client.clone(),
		env: proposer,
		client: core.client.clone(),
		pool: core.transaction_pool.clone(),
		commands_stream,
		select_chain: core.select_chain.clone(),
		consensus_data_provider: Some(Box::new(AuraConsensusDataProvider::new(core.client.clone()))),
		// One slot after the best block's, so Aura's "slot must increase" holds
		// however fast blocks are sealed.
		create_inherent_data_providers: move |_, ()| {
			let client = client.clone();
			async move { SlotTimestampProvider::new_aura(client).map_err(Into::into) }
		},
	});

	core.task_manager
		.spawn_essential_handle()
		.spawn_blocking("manual-seal", Some("block-authoring"), sealing_task);

	Ok(core.task_manager)
}

