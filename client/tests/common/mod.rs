//! What the client's end-to-end tests share: a dev node they start and
//! stop (pass or fail), and running the `labelchain` binary.
//!
//! Needs a built node: `LABELCHAIN_NODE`, or else `labelchain-node` in the
//! cargo target directory's `debug/` (scripts/test.sh builds it first).

#![allow(dead_code)] // each test file uses a part

use std::{
	net::TcpListener,
	path::PathBuf,
	process::{Child, Command, Output, Stdio},
	time::{Duration, Instant},
};

use labelchain_client::node::Node;

/// A dev node, killed when dropped.
pub struct DevNode {
	child: Child,
	pub url: String,
}

/// `LABELCHAIN_NODE`, or the debug build in the cargo target directory.
fn node_binary() -> PathBuf {
	if let Some(path) = std::env::var_os("LABELCHAIN_NODE") {
		return path.into();
	}
	let target = std::env::var_os("CARGO_TARGET_DIR")
		.map(PathBuf::from)
		.unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"));
	let binary = target.join("debug/labelchain-node");
	assert!(binary.is_file(), "no node at {}: build it first (scripts/build.sh) or set LABELCHAIN_NODE", binary.display());
	binary
}

fn free_port() -> u16 {
	TcpListener::bind("127.0.0.1:0").and_then(|listener| listener.local_addr()).expect("a free port").port()
}

impl DevNode {
	/// A dev node sealing a block per transaction.
	pub async fn start() -> Self {
		Self::start_sealing("instant").await
	}

	/// A dev node sealing as `sealing` says (`instant`, or every so many
	/// milliseconds), keeping all state so old blocks' events can be read.
	pub async fn start_sealing(sealing: &str) -> Self {
		let binary = node_binary();
		let (rpc, p2p) = (free_port(), free_port());
		let child = Command::new(&binary)
			.args(["--dev", "--sealing", sealing, "--state-pruning", "archive", "--tmp"])
			.args(["--no-mdns", "--no-telemetry", "--no-prometheus"])
			.args(["--rpc-port", &rpc.to_string(), "--port", &p2p.to_string()])
			.stdout(Stdio::null())
			.stderr(Stdio::null())
			.spawn()
			.unwrap_or_else(|error| panic!("starting {}: {error}", binary.display()));
		let node = Self { child, url: format!("ws://127.0.0.1:{rpc}") };
		let deadline = Instant::now() + Duration::from_secs(120);
		while Node::connect(&node.url).await.is_err() {
			assert!(Instant::now() < deadline, "the dev node's RPC did not answer");
			tokio::time::sleep(Duration::from_millis(250)).await;
		}
		node
	}
}

impl Drop for DevNode {
	fn drop(&mut self) {
		let _ = self.child.kill();
		let _ = self.child.wait();
	}
}

pub fn labelchain(url: &str, args: &[&str]) -> Output {
	Command::new(env!("CARGO_BIN_EXE_labelchain")).arg("--url").arg(url).args(args).output().expect("runs labelchain")
}

/// Runs `labelchain` and returns its standard output, failing on an error.
pub fn succeeds(url: &str, args: &[&str]) -> String {
	let output = labelchain(url, args);
	let (stdout, stderr) = (String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
	assert!(output.status.success(), "labelchain {args:?} failed: {stderr}");
	stdout.into_owned()
}

/// Runs `labelchain`, expects it to fail, and returns its error output.
pub fn fails(url: &str, args: &[&str]) -> String {
	let output = labelchain(url, args);
	assert!(!output.status.success(), "labelchain {args:?} should have failed");
	String::from_utf8_lossy(&output.stderr).into_owned()
}

