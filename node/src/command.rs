//! Dispatches the command line: run a node, or one of the chain tools.

use labelchain_runtime::opaque::Block;
use sc_cli::SubstrateCli;
use sc_network::config::NetworkBackendType;

use crate::{
	chain_spec,
	cli::{Cli, Subcommand},
	dev_sealing, service,
};

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"LabelChain Node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"https://labelchain.invalid/issues".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		chain_spec::load(id)
	}
}

/// Runs a chain tool that needs the client and import queue, on the runner's
/// async executor.
macro_rules! with_chain_ops {
	($cli:ident, $cmd:ident, |$parts:ident, $config:ident| $body:expr) => {{
		let runner = $cli.create_runner($cmd)?;
		runner.async_run(|$config| {
			let $parts = service::new_chain_ops(&$config)?;
			let task_manager = $parts.task_manager;
			Ok(($body, task_manager))
		})
	}};
}

pub fn run() -> sc_cli::Result<()> {
	let mut cli = Cli::from_args();

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		Some(Subcommand::NewNetwork(cmd)) => cmd.run().map_err(sc_cli::Error::Input),
		#[allow(deprecated)]
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		},
		Some(Subcommand::ExportChainSpec(cmd)) => {
			let spec = cli.load_spec(&cmd.chain)?;
			cmd.run(spec)
		},
		Some(Subcommand::CheckBlock(cmd)) => with_chain_ops!(cli, cmd, |parts, config| {
			cmd.run(parts.client, parts.import_queue)
		}),
		Some(Subcommand::ExportBlocks(cmd)) => with_chain_ops!(cli, cmd, |parts, config| {
			cmd.run(parts.client, config.database)
		}),
		Some(Subcommand::ExportState(cmd)) => with_chain_ops!(cli, cmd, |parts, config| {
			cmd.run(parts.client, config.chain_spec)
		}),
		Some(Subcommand::ImportBlocks(cmd)) => with_chain_ops!(cli, cmd, |parts, config| {
			cmd.run(parts.client, parts.import_queue)
		}),
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		},
		Some(Subcommand::Revert(cmd)) => with_chain_ops!(cli, cmd, |parts, config| {
			// GRANDPA keeps its authority-set changes in aux storage: revert them too.
			let aux_revert = Box::new(|client, _, blocks| {
				sc_consensus_grandpa::revert(client, blocks)?;
				Ok(())
			});
			cmd.run(parts.client, parts.backend, Some(aux_revert))
		}),
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<Block>(&config))
		},
		#[cfg(feature = "runtime-benchmarks")]
		Some(Subcommand::Benchmark(cmd)) => {
			use frame_benchmarking_cli::BenchmarkCmd;
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| match cmd {
				BenchmarkCmd::Pallet(cmd) => cmd
					.run_with_spec::<sp_runtime::traits::HashingFor<Block>, service::HostFunctions>(
						Some(config.chain_spec),
					),
				// Reads and writes of the chain's own database: what the runtime's
				// `DbWeight` charges per storage access.
				BenchmarkCmd::Storage(cmd) => {
					let parts = service::new_core_parts(&config)?;
					let db = parts.backend.expose_db();
					let storage = parts.backend.expose_storage();
					let trie_cache = parts.backend.expose_shared_trie_cache();
					cmd.run(config, parts.client, db, storage, trie_cache)
				},
				// An empty block and a `remark` transaction: the runtime's block and
				// per-extrinsic base weights.
				BenchmarkCmd::Overhead(cmd) => cmd
					.run_with_default_builder_and_spec::<Block, service::HostFunctions>(Some(
						config.chain_spec,
					)),
				_ => Err("this node runs `benchmark pallet`, `storage` and `overhead` only".into()),
			})
		},
		None => {
			let sealing = cli.sealing;
			if sealing.is_manual() {
				// A node sealing its own blocks, several a second, outruns the
				// fork-aware pool: a transaction arriving while a block is built
				// can sit in the pool unseen by the next blocks. The single-state
				// pool offers every ready transaction to the next block.
				cli.run.pool_config.pool_type = sc_cli::TransactionPoolType::SingleState;
			}
			let runner = cli.create_runner(&cli.run)?;
			runner.run_node_until_exit(|config| async move {
				match (sealing.is_manual(), config.network.network_backend) {
					(true, NetworkBackendType::Libp2p) =>
						dev_sealing::new_dev::<sc_network::NetworkWorker<_, _>>(config, sealing),
					(true, NetworkBackendType::Litep2p) =>
						dev_sealing::new_dev::<sc_network::Litep2pNetworkBackend>(config, sealing),
					(false, NetworkBackendType::Libp2p) =>
						service::new_full::<sc_network::NetworkWorker<_, _>>(config),
					(false, NetworkBackendType::Litep2p) =>
						service::new_full::<sc_network::Litep2pNetworkBackend>(config),
				}
				.map_err(sc_cli::Error::Service)
			})
		},
	}
}
