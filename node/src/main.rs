//! `labelchain-node`: runs a LabelChain validator or full node, and the chain's
//! command-line tools (keys, chain specs, block import and export).

mod chain_spec;
mod cli;
mod command;
mod dev_sealing;
mod labeling_metrics;
mod new_network;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
