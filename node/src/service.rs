//! The node's services: client, database, transaction pool, networking, and
//! Aura authoring with GRANDPA finality for validators.
//!
//! A manually sealed dev node shares the first parts and replaces consensus;
//! see [`crate::dev_sealing`].

use std::{sync::Arc, time::Duration};

use futures::FutureExt;
use labelchain_runtime::{apis::RuntimeApi, opaque::Block, Hash};
use sc_consensus_manual_seal::EngineCommand;
use sc_client_api::BlockBackend;
use sc_consensus_aura::{ImportQueueParams, SlotProportion, StartAuraParams};
use sc_consensus_grandpa::SharedVoterState;
use sc_network::NetworkBackend;
use sc_service::{error::Error as ServiceError, Configuration, TaskManager, WarpSyncConfig};
use sc_telemetry::{Telemetry, TelemetryHandle, TelemetryWorker};
use sc_transaction_pool_api::OffchainTransactionPoolFactory;
use sp_consensus_aura::sr25519::AuthorityPair as AuraPair;

use crate::rpc;

/// Host functions the runtime may call; benchmarks add their own.
#[cfg(not(feature = "runtime-benchmarks"))]
pub type HostFunctions = sp_io::SubstrateHostFunctions;
#[cfg(feature = "runtime-benchmarks")]
pub type HostFunctions =
	(sp_io::SubstrateHostFunctions, frame_benchmarking::benchmarking::HostFunctions);

pub type FullClient =
	sc_service::TFullClient<Block, RuntimeApi, sc_executor::WasmExecutor<HostFunctions>>;
pub type FullBackend = sc_service::TFullBackend<Block>;
pub type FullSelectChain = sc_consensus::LongestChain<FullBackend, Block>;
pub type FullPool = sc_transaction_pool::TransactionPoolHandle<Block, FullClient>;

type GrandpaBlockImport =
	sc_consensus_grandpa::GrandpaBlockImport<FullBackend, Block, FullClient, FullSelectChain>;
type GrandpaLink = sc_consensus_grandpa::LinkHalf<Block, FullClient, FullSelectChain>;

/// Blocks between GRANDPA justifications a node keeps, so a syncing node can
/// prove finality without asking for every block's votes.
const GRANDPA_JUSTIFICATION_PERIOD: u32 = 512;

/// What every node has, whatever its consensus: client and database, keystore,
/// tasks, fork choice, transaction pool and telemetry.
pub struct CoreParts {
	pub client: Arc<FullClient>,
	pub backend: Arc<FullBackend>,
	pub keystore_container: sc_service::KeystoreContainer,
	pub task_manager: TaskManager,
	pub select_chain: FullSelectChain,
	pub transaction_pool: Arc<FullPool>,
	pub telemetry: Option<Telemetry>,
}

pub fn new_core_parts(config: &Configuration) -> Result<CoreParts, ServiceError> {
	let telemetry = config
		.telemetry_endpoints
		.clone()
		.filter(|endpoints| !endpoints.is_empty())
		.map(|endpoints| -> Result<_, sc_telemetry::Error> {
			let worker = TelemetryWorker::new(16)?;
			let telemetry = worker.handle().new_telemetry(endpoints);
			Ok((worker, telemetry))
		})
		.transpose()?;

	let executor = sc_service::new_wasm_executor::<HostFunctions>(&config.executor);
	let (client, backend, keystore_container, task_manager) =
		sc_service::new_full_parts::<Block, RuntimeApi, _>(
			config,
			telemetry.as_ref().map(|(_, telemetry)| telemetry.handle()),
			executor,
			Vec::new(),
		)?;
	let client = Arc::new(client);

	let telemetry = telemetry.map(|(worker, telemetry)| {
		task_manager.spawn_handle().spawn("telemetry", None, worker.run());
		telemetry
	});

	let select_chain = sc_consensus::LongestChain::new(backend.clone());

	let transaction_pool = Arc::from(
		sc_transaction_pool::Builder::new(
			task_manager.spawn_essential_handle(),
			client.clone(),
			config.role.is_authority().into(),
		)
		.with_options(config.transaction_pool.clone())
		.with_prometheus(config.prometheus_registry())
		.build(),
	);

	Ok(CoreParts {
		client,
		backend,
		keystore_container,
		task_manager,
		select_chain,
		transaction_pool,
		telemetry,
	})
}

/// The wall-clock timestamp and the Aura slot it falls in: what a block built or
/// checked now must carry.
async fn aura_inherent_data(
	slot_duration: sp_consensus_aura::SlotDuration,
) -> Result<
	(sp_consensus_aura::inherents::InherentDataProvider, sp_timestamp::InherentDataProvider),
	Box<dyn std::error::Error + Send + Sync>,
> {
	let timestamp = sp_timestamp::InherentDataProvider::from_system_time();
	let slot = sp_consensus_aura::inherents::InherentDataProvider::from_timestamp_and_slot_duration(
		*timestamp,
		slot_duration,
	);
	Ok((slot, timestamp))
}

/// Aura's import queue, fed through GRANDPA's block import so finality
/// justifications are checked on import.
fn aura_import_queue(
	core: &CoreParts,
	config: &Configuration,
	telemetry: Option<TelemetryHandle>,
) -> Result<(sc_consensus::DefaultImportQueue<Block>, GrandpaBlockImport, GrandpaLink), ServiceError>
{
	let (grandpa_block_import, grandpa_link) = sc_consensus_grandpa::block_import(
		core.client.clone(),
		GRANDPA_JUSTIFICATION_PERIOD,
		&core.client,
		core.select_chain.clone(),
		telemetry.clone(),
	)?;

	let slot_duration = sc_consensus_aura::slot_duration(&*core.client)?;
	let import_queue =
		sc_consensus_aura::import_queue::<AuraPair, _, _, _, _, _>(ImportQueueParams {
			block_import: grandpa_block_import.clone(),
			justification_import: Some(Box::new(grandpa_block_import.clone())),
			client: core.client.clone(),
			create_inherent_data_providers: move |_, ()| aura_inherent_data(slot_duration),
			spawner: &core.task_manager.spawn_essential_handle(),
			registry: config.prometheus_registry(),
			check_for_equivocation: Default::default(),
			telemetry,
			compatibility_mode: Default::default(),
		})
		.map_err::<ServiceError, _>(Into::into)?;

	Ok((import_queue, grandpa_block_import, grandpa_link))
}

/// Starts networking (sync, transactions, block announcements) and the RPC
/// server with this node's methods, and spawns the node's background tasks.
/// `manual_seal_sink` enables the `engine_*` methods of a manually sealed node.
pub fn start_network_and_rpc<N: NetworkBackend<Block, Hash>>(
	core: &mut CoreParts,
	config: Configuration,
	net_config: sc_network::config::FullNetworkConfiguration<Block, Hash, N>,
	metrics: sc_network::NotificationMetrics,
	import_queue: sc_consensus::DefaultImportQueue<Block>,
	warp_sync_config: Option<WarpSyncConfig<Block>>,
	manual_seal_sink: Option<futures::channel::mpsc::Sender<EngineCommand<Hash>>>,
) -> Result<
	(Arc<dyn sc_network::service::traits::NetworkService>, Arc<sc_network_sync::SyncingService<Block>>),
	ServiceError,
> {
	let (network, system_rpc_tx, tx_handler_controller, sync_service, _bitswap) =
		sc_service::build_network(sc_service::BuildNetworkParams {
			config: &config,
			net_config,
			client: core.client.clone(),
			transaction_pool: core.transaction_pool.clone(),
			spawn_handle: core.task_manager.spawn_handle(),
			spawn_essential_handle: core.task_manager.spawn_essential_handle(),
			import_queue,
			block_announce_validator_builder: None,
			warp_sync_config,
			block_relay: None,
			metrics,
			gap_sync_body_policy: None,
		})?;

	let rpc_builder = {
		let client = core.client.clone();
		let pool = core.transaction_pool.clone();
		Box::new(move |_| {
			rpc::create_full(rpc::FullDeps {
				client: client.clone(),
				pool: pool.clone(),
				manual_seal_sink: manual_seal_sink.clone(),
			})
			.map_err(Into::into)
		})
	};

	if let Some(registry) = config.prometheus_registry() {
		let metrics = crate::labeling_metrics::LabelingMetrics::register(registry)
			.map_err(|error| ServiceError::Other(format!("labeling metrics: {error}")))?;
		let spawn = core.task_manager.spawn_handle();
		spawn.spawn(
			"labeling-metrics-best",
			None,
			crate::labeling_metrics::follow_best(core.client.clone(), metrics.clone()),
		);
		spawn.spawn(
			"labeling-metrics-finalized",
			None,
			crate::labeling_metrics::count_finalized(core.client.clone(), metrics),
		);
	}

	sc_service::spawn_tasks(sc_service::SpawnTasksParams {
		network: network.clone(),
		client: core.client.clone(),
		keystore: core.keystore_container.keystore(),
		task_manager: &mut core.task_manager,
		transaction_pool: core.transaction_pool.clone(),
		rpc_builder,
		backend: core.backend.clone(),
		system_rpc_tx,
		tx_handler_controller,
		sync_service: sync_service.clone(),
		config,
		telemetry: core.telemetry.as_mut(),
		tracing_execute_block: None,
	})?;

	Ok((network, sync_service))
}

/// The parts the chain tools (`check-block`, `import-blocks`, `revert`, ...) use.
pub struct ChainOpsParts {
	pub client: Arc<FullClient>,
	pub backend: Arc<FullBackend>,
	pub import_queue: sc_consensus::DefaultImportQueue<Block>,
	pub task_manager: TaskManager,
}

pub fn new_chain_ops(config: &Configuration) -> Result<ChainOpsParts, ServiceError> {
	let core = new_core_parts(config)?;
	let telemetry = core.telemetry.as_ref().map(|telemetry| telemetry.handle());
	let (import_queue, _, _) = aura_import_queue(&core, config, telemetry)?;
	Ok(ChainOpsParts {
		client: core.client,
		backend: core.backend,
		import_queue,
		task_manager: core.task_manager,
	})
}

/// A full node with Aura authoring (when it holds an Aura key) and GRANDPA
/// finality voting (when it holds a GRANDPA key).
pub fn new_full<N: NetworkBackend<Block, Hash>>(
	config: Configuration,
) -> Result<TaskManager, ServiceError> {
	let mut core = new_core_parts(&config)?;
	let telemetry_handle = core.telemetry.as_ref().map(|telemetry| telemetry.handle());
	let (import_queue, grandpa_block_import, grandpa_link) =
		aura_import_queue(&core, &config, telemetry_handle)?;

	let metrics = N::register_notification_metrics(config.prometheus_registry());
	let mut net_config = sc_network::config::FullNetworkConfiguration::<Block, Hash, N>::new(
		&config.network,
		config.prometheus_registry().cloned(),
	);

	let genesis_hash = core
		.client
		.block_hash(0)?
		.ok_or_else(|| ServiceError::Other("the database has no genesis block".into()))?;
	let grandpa_protocol_name =
		sc_consensus_grandpa::protocol_standard_name(&genesis_hash, &config.chain_spec);
	let (grandpa_protocol_config, grandpa_notification_service) =
		sc_consensus_grandpa::grandpa_peers_set_config::<_, N>(
			grandpa_protocol_name.clone(),
			metrics.clone(),
			net_config.peer_store_handle(),
		);
	net_config.add_notification_protocol(grandpa_protocol_config);

	// Lets a new node jump to the latest finalized state with GRANDPA proofs.
	let warp_sync = Arc::new(sc_consensus_grandpa::warp_proof::NetworkProvider::new(
		core.backend.clone(),
		grandpa_link.shared_authority_set().clone(),
		Vec::new(),
	));

	let role = config.role;
	let force_authoring = config.force_authoring;
	let name = config.network.node_name.clone();
	let enable_grandpa = !config.disable_grandpa;
	let prometheus_registry = config.prometheus_registry().cloned();

	let (network, sync_service) = start_network_and_rpc(
		&mut core,
		config,
		net_config,
		metrics,
		import_queue,
		Some(WarpSyncConfig::WithProvider(warp_sync)),
		None,
	)?;

	if role.is_authority() {
		let proposer_factory = sc_basic_authorship::ProposerFactory::new(
			core.task_manager.spawn_handle(),
			core.client.clone(),
			core.transaction_pool.clone(),
			prometheus_registry.as_ref(),
			core.telemetry.as_ref().map(|telemetry| telemetry.handle()),
		);
		let slot_duration = sc_consensus_aura::slot_duration(&*core.client)?;

		let aura = sc_consensus_aura::start_aura::<AuraPair, _, _, _, _, _, _, _, _, _, _>(
			StartAuraParams {
				slot_duration,
				client: core.client.clone(),
				select_chain: core.select_chain.clone(),
				block_import: grandpa_block_import,
				proposer_factory,
				create_inherent_data_providers: move |_, ()| aura_inherent_data(slot_duration),
				force_authoring,
				backoff_authoring_blocks: Option::<()>::None,
				keystore: core.keystore_container.keystore(),
				sync_oracle: sync_service.clone(),
				justification_sync_link: sync_service.clone(),
				// Build for two thirds of the slot; the rest is for import and gossip.
				block_proposal_slot_portion: SlotProportion::new(2f32 / 3f32),
				max_block_proposal_slot_portion: None,
				telemetry: core.telemetry.as_ref().map(|telemetry| telemetry.handle()),
				compatibility_mode: Default::default(),
			},
		)?;

		// A validator without block production is no validator: stop if it ends.
		core.task_manager
			.spawn_essential_handle()
			.spawn_blocking("aura", Some("block-authoring"), aura);
	}

	if enable_grandpa {
		// Only authorities sign votes; others follow finality as observers.
		let keystore = if role.is_authority() {
			Some(core.keystore_container.keystore())
		} else {
			None
		};

		let grandpa_config = sc_consensus_grandpa::Config {
			gossip_duration: Duration::from_millis(333),
			justification_generation_period: GRANDPA_JUSTIFICATION_PERIOD,
			name: Some(name),
			observer_enabled: false,
			keystore,
			local_role: role,
			telemetry: core.telemetry.as_ref().map(|telemetry| telemetry.handle()),
			protocol_name: grandpa_protocol_name,
		};

		let grandpa_voter =
			sc_consensus_grandpa::run_grandpa_voter(sc_consensus_grandpa::GrandpaParams {
				config: grandpa_config,
				link: grandpa_link,
				network,
				sync: Arc::new(sync_service),
				notification_service: grandpa_notification_service,
				voting_rule: sc_consensus_grandpa::VotingRulesBuilder::default().build(),
				prometheus_registry,
				shared_voter_state: SharedVoterState::empty(),
				telemetry: core.telemetry.as_ref().map(|telemetry| telemetry.handle()),
				offchain_tx_pool_factory: OffchainTransactionPoolFactory::new(
					core.transaction_pool.clone(),
				),
			})?;

		// Finality stalls without the voter, so it is essential.
		core.task_manager.spawn_essential_handle().spawn_blocking(
			"grandpa-voter",
			None,
			grandpa_voter.map(|()| ()),
		);
	}

	Ok(core.task_manager)
}
