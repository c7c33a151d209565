//! Following the chain and recording, for each new block, which signed calls
//! succeeded and which failed (with the runtime's error name).

use std::{
	collections::BTreeMap,
	sync::{Arc, Mutex},
	time::Duration,
};

use anyhow::Context;
use subxt::{dynamic, error::DispatchError, events::Phase};

use crate::node::Node;

/// What one block included.
#[derive(Clone, Debug, Default)]
pub struct BlockRecord {
	pub number: u64,
	/// The block's `Timestamp::Now`, in milliseconds.
	pub timestamp_ms: u64,
	/// Successful signed calls per `Pallet.call`.
	pub succeeded: BTreeMap<String, u64>,
	/// Failed signed calls per `Pallet.call: error`.
	pub failed: BTreeMap<String, u64>,
}

impl BlockRecord {
	pub fn succeeded(&self, call: &str) -> u64 {
		self.succeeded.get(call).copied().unwrap_or(0)
	}

	/// Failures of `call`, whatever the error.
	pub fn failed(&self, call: &str) -> u64 {
		let prefix = format!("{call}: ");
		self.failed.iter().filter(|(key, _)| key.starts_with(&prefix)).map(|(_, count)| count).sum()
	}
}

/// The blocks seen since [`BlockLog::follow`], filled in by a background task.
pub struct BlockLog {
	records: Arc<Mutex<Vec<BlockRecord>>>,
	follower: tokio::task::JoinHandle<anyhow::Result<()>>,
}

impl BlockLog {
	/// Starts following the node's best blocks.
	pub async fn follow(node: &Node) -> anyhow::Result<Self> {
		let records = Arc::new(Mutex::new(Vec::new()));
		let mut blocks = node.api.stream_best_blocks().await.context("following new blocks")?;
		let sink = records.clone();
		let follower = tokio::spawn(async move {
			while let Some(block) = blocks.next().await {
				let block = block.context("a new block")?;
				let record = read_block(&block.at().await.context("opening a block")?, block.number()).await?;
				sink.lock().expect("no holder of the lock panics").push(record);
			}
			anyhow::bail!("the node stopped sending blocks")
		});
		Ok(Self { records, follower })
	}

	/// Every block seen so far, oldest first.
	pub fn records(&self) -> Vec<BlockRecord> {
		self.records.lock().expect("no holder of the lock panics").clone()
	}

	/// The newest block seen, if any.
	pub fn last_number(&self) -> u64 {
		self.records.lock().expect("no holder of the lock panics").last().map_or(0, |r| r.number)
	}

	/// Waits until blocks after `after` have included (succeeded or failed)
	/// `count` calls of `call`, or `timeout` passes with no new inclusion.
	pub async fn wait_for(&self, call: &str, after: u64, count: u64, timeout: Duration) -> anyhow::Result<()> {
		let mut seen = 0;
		let mut since_progress = Duration::ZERO;
		let step = Duration::from_millis(250);
		loop {
			anyhow::ensure!(!self.follower.is_finished(), "stopped following blocks");
			let now = self.included(call, after);
			if now >= count {
				return Ok(());
			}
			if now > seen {
				seen = now;
				since_progress = Duration::ZERO;
			}
			anyhow::ensure!(
				since_progress < timeout,
				"only {now} of {count} {call} calls were included; nothing more for {timeout:?}"
			);
			tokio::time::sleep(step).await;
			since_progress += step;
		}
	}

	/// Calls of `call` included, succeeded or failed, in blocks after `after`.
	pub fn included(&self, call: &str, after: u64) -> u64 {
		self.records
			.lock()
			.expect("no holder of the lock panics")
			.iter()
			.filter(|record| record.number > after)
			.map(|record| record.succeeded(call) + record.failed(call))
			.sum()
	}
}

impl Drop for BlockLog {
	fn drop(&mut self) {
		self.follower.abort();
	}
}

async fn read_block(at: &subxt::OnlineClientAtBlock<crate::node::Config>, number: u64) -> anyhow::Result<BlockRecord> {
	let timestamp_ms: u64 = at
		.storage()
		.fetch(dynamic::storage::<(), u64>("Timestamp", "Now"), ())
		.await
		.context("reading the block's timestamp")?
		.decode()
		.context("decoding the block's timestamp")?;
	let extrinsics = at.extrinsics().fetch().await.context("reading the block's extrinsics")?;
	let mut calls = Vec::new();
	for extrinsic in extrinsics.iter() {
		let extrinsic = extrinsic.context("decoding an extrinsic")?;
		let name = format!("{}.{}", extrinsic.pallet_name(), extrinsic.call_name());
		calls.push(extrinsic.is_signed().then_some(name));
	}
	let mut record = BlockRecord { number, timestamp_ms, ..Default::default() };
	let events = at.events().fetch().await.context("reading the block's events")?;
	for event in events.iter() {
		let event = event.context("decoding an event")?;
		let Phase::ApplyExtrinsic(index) = event.phase() else { continue };
		let Some(Some(call)) = calls.get(index as usize) else { continue };
		match (event.pallet_name(), event.event_name()) {
			("System", "ExtrinsicSuccess") => *record.succeeded.entry(call.clone()).or_default() += 1,
			("System", "ExtrinsicFailed") => {
				let error = DispatchError::decode_from(event.field_bytes(), at.metadata())
					.map(|error| error.to_string())
					.unwrap_or_else(|_| "undecodable error".into());
				*record.failed.entry(format!("{call}: {error}")).or_default() += 1;
			},
			_ => {},
		}
	}
	Ok(record)
}
