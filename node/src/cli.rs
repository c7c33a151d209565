//! Command-line arguments: the standard Substrate ones plus how a dev chain seals.

use std::{str::FromStr, time::Duration};

/// How the node authors blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sealing {
	/// Real Aura slots with GRANDPA finality: what validators run.
	Aura,
	/// A block, finalized at once, as soon as a transaction enters the pool.
	Instant,
	/// A block only when asked through the `engine_createBlock` RPC.
	Manual,
	/// A finalized block at a fixed interval, whether or not there are transactions.
	Interval(Duration),
}

impl Sealing {
	/// Whether this mode replaces Aura and GRANDPA with manual sealing.
	pub fn is_manual(&self) -> bool {
		*self != Sealing::Aura
	}
}

impl FromStr for Sealing {
	type Err = String;

	fn from_str(value: &str) -> Result<Self, Self::Err> {
		match value {
			"aura" => Ok(Sealing::Aura),
			"instant" => Ok(Sealing::Instant),
			"manual" => Ok(Sealing::Manual),
			millis => match millis.parse::<u64>() {
				Ok(0) => Err("a sealing interval must be at least 1 millisecond".into()),
				Ok(ms) => Ok(Sealing::Interval(Duration::from_millis(ms))),
				Err(_) => Err(format!(
					"unknown sealing mode `{value}`: use aura, instant, manual or an interval in milliseconds"
				)),
			},
		}
	}
}

#[derive(Debug, clap::Parser)]
#[command(
	propagate_version = true,
	args_conflicts_with_subcommands = true,
	subcommand_negates_reqs = true
)]
pub struct Cli {
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	#[clap(flatten)]
	pub run: sc_cli::RunCmd,

	/// How to author blocks: `aura` (real slots and GRANDPA, the default),
	/// `instant` (a block per transaction), `manual` (a block per
	/// `engine_createBlock` RPC call) or a number of milliseconds between
	/// blocks. Anything but `aura` is for a single development node: its blocks
	/// are finalized at once and its timestamps advance one slot per block.
	#[arg(long, value_name = "MODE", default_value = "aura")]
	pub sealing: Sealing,
}

#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management: generate, inspect and insert keys, and node keys.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification.
	#[deprecated(note = "build-spec will be removed upstream; use export-chain-spec")]
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export the chain specification of a built-in or file chain.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Make the chain spec of a new network, with fresh keys for its
	/// validators, a council and endowments from the command line, no dev
	/// account and no sudo key.
	NewNetwork(crate::new_network::NewNetworkCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Print the database's best, finalized and genesis blocks.
	ChainInfo(sc_cli::ChainInfoCmd),

	/// Benchmarks of the runtime: `benchmark pallet` measures the weights of
	/// its calls (scripts/benchmark-weights.sh). Built with the
	/// `runtime-benchmarks` feature only.
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn sealing_modes_parse() {
		assert_eq!("aura".parse(), Ok(Sealing::Aura));
		assert_eq!("instant".parse(), Ok(Sealing::Instant));
		assert_eq!("manual".parse(), Ok(Sealing::Manual));
		assert_eq!("250".parse(), Ok(Sealing::Interval(Duration::from_millis(250))));
		assert!("0".parse::<Sealing>().is_err());
		assert!("fast".parse::<Sealing>().is_err());
	}
}
