//! The validators the soak talks to, any of which may be down at any moment:
//! one connection used for reading blocks and sending, moved to the next
//! validator when its node goes away, and a watch of every validator's
//! finalized head that measures the longest time finality did not move.

use std::{
	sync::{Arc, Mutex},
	time::{Duration, Instant},
};

use labelchain_client::node::{Node, Rpc};
use subxt::rpcs::RpcClient;

/// How long a node may take to answer before it counts as down.
const ANSWER_WITHIN: Duration = Duration::from_secs(5);

/// The validators' RPC addresses and a connection to one of them.
pub struct Endpoints {
	urls: Vec<String>,
	/// The validator `node` talks to, as an index into `urls`.
	current: usize,
	node: Option<Node>,
	/// Times the connection moved to another validator.
	pub switches: u64,
}

impl Endpoints {
	pub fn new(urls: Vec<String>) -> Self {
		Self { urls, current: 0, node: None, switches: 0 }
	}

	/// A connection to a validator that answers, trying each in turn from the
	/// current one; fails only when none answers.
	pub async fn node(&mut self) -> anyhow::Result<&Node> {
		if self.node.is_none() {
			let mut reasons = Vec::new();
			for step in 0..self.urls.len() {
				let index = (self.current + step) % self.urls.len();
				let url = &self.urls[index];
				match tokio::time::timeout(ANSWER_WITHIN, Node::connect(url)).await {
					Ok(Ok(node)) => {
						eprintln!("soak: talking to {url}");
						self.current = index;
						self.node = Some(node);
						break;
					},
					Ok(Err(error)) => reasons.push(format!("{url}: {error:#}")),
					Err(_) => reasons.push(format!("{url}: no answer within {ANSWER_WITHIN:?}")),
				}
			}
			if self.node.is_none() {
				anyhow::bail!("no validator answers: {}", reasons.join("; "));
			}
		}
		self.node.as_ref().ok_or_else(|| anyhow::anyhow!("no connection"))
	}

	/// The current validator failed us: the next call moves to the next one.
	pub fn drop_current(&mut self, why: &anyhow::Error) {
		if self.node.take().is_some() {
			eprintln!("soak: {} failed ({why:#}); moving on", self.urls[self.current]);
			self.current = (self.current + 1) % self.urls.len();
			self.switches += 1;
		}
	}
}

/// Every validator's finalized head, polled once a second.
#[derive(Debug, Default)]
pub struct FinalityRecord {
	/// The highest finalized block any validator reported.
	pub highest: u64,
	/// The longest time the highest finalized block did not move, while the
	/// watch ran.
	pub longest_stall: Duration,
	/// When that stall ended, from the watch's start.
	pub longest_stall_ended_at: Duration,
}

/// Watches the validators' finalized heads until dropped.
pub struct FinalityWatch {
	record: Arc<Mutex<FinalityRecord>>,
	task: tokio::task::JoinHandle<()>,
}

impl FinalityWatch {
	pub fn start(urls: Vec<String>) -> Self {
		let record = Arc::new(Mutex::new(FinalityRecord::default()));
		let sink = record.clone();
		let task = tokio::spawn(async move {
			let started = Instant::now();
			let mut clients: Vec<Option<Rpc>> = vec![None; urls.len()];
			let mut moved_at = Instant::now();
			loop {
				let mut highest = None;
				for (url, client) in urls.iter().zip(clients.iter_mut()) {
					if client.is_none() {
						*client = connect(url).await;
					}
					let Some(rpc) = client else { continue };
					match tokio::time::timeout(ANSWER_WITHIN, finalized(rpc)).await {
						Ok(Ok(number)) => highest = highest.max(Some(number)),
						_ => *client = None,
					}
				}
				let now = Instant::now();
				{
					let mut record = sink.lock().expect("no holder of the lock panics");
					if let Some(number) = highest.filter(|number| *number > record.highest) {
						record.highest = number;
						moved_at = now;
					}
					let stalled = now - moved_at;
					if stalled > record.longest_stall {
						record.longest_stall = stalled;
						record.longest_stall_ended_at = now - started;
					}
				}
				tokio::time::sleep(Duration::from_secs(1)).await;
			}
		});
		Self { record, task }
	}

	pub fn record(&self) -> FinalityRecord {
		let record = self.record.lock().expect("no holder of the lock panics");
		FinalityRecord { ..*record }
	}
}

impl Drop for FinalityWatch {
	fn drop(&mut self) {
		self.task.abort();
	}
}

async fn connect(url: &str) -> Option<Rpc> {
	let client = tokio::time::timeout(ANSWER_WITHIN, RpcClient::from_insecure_url(url)).await.ok()?.ok()?;
	Some(Rpc::new(client))
}

/// The validator's finalized block number.
pub async fn finalized(rpc: &Rpc) -> anyhow::Result<u64> {
	let hash = rpc.chain_get_finalized_head().await?;
	let header = rpc.chain_get_header(Some(hash)).await?.ok_or_else(|| anyhow::anyhow!("no finalized header"))?;
	Ok(u64::from(header.number))
}
