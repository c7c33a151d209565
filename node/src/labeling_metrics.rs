//! Prometheus metrics of the labeling chain, for validators and other
//! operators: open tasks, items in progress by phase, those waiting for
//! experts, how far behind the agendas are, and what blocks did (labels
//! revealed, items and labels settled).
//!
//! Every figure comes from the runtime API's `chain_activity` (version 10):
//! the node counts nothing itself. The gauges follow the best block; the
//! counters add up what finalized blocks did, each finalized block once, so
//! a fork abandoned is never counted. On a runtime older than version 10 (a
//! node upgraded before its chain) the metrics stay at zero.

use std::sync::Arc;

use futures::StreamExt;
use labelchain_primitives::runtime_api::{ChainActivity, LabelingApi};
use labelchain_runtime::{opaque::Block, Hash};
use substrate_prometheus_endpoint::{register, Counter, Gauge, GaugeVec, Opts, PrometheusError, Registry, U64};
use sc_client_api::BlockchainEvents;
use sp_api::{ApiExt, ProvideRuntimeApi};

use crate::service::FullClient;

/// The first version of the labeling API with `chain_activity`.
const CHAIN_ACTIVITY_SINCE: u32 = 10;

/// The metrics, registered under `labelchain_`.
#[derive(Clone)]
pub struct LabelingMetrics {
	open_tasks: Gauge<U64>,
	cancelled_tasks: Gauge<U64>,
	items_in_progress: GaugeVec<U64>,
	waiting_for_experts: Gauge<U64>,
	agenda_backlog: GaugeVec<U64>,
	migrating: Gauge<U64>,
	best_block_labels_revealed: Gauge<U64>,
	best_block_items_settled: Gauge<U64>,
	labels_revealed: Counter<U64>,
	items_settled: Counter<U64>,
	labels_settled: Counter<U64>,
}

impl LabelingMetrics {
	pub fn register(registry: &Registry) -> Result<Self, PrometheusError> {
		let gauge = |name: &str, help: &str| register(Gauge::new(name, help)?, registry);
		let counter = |name: &str, help: &str| register(Counter::new(name, help)?, registry);
		Ok(Self {
			open_tasks: gauge("labelchain_open_tasks", "Tasks open: taking work, or past their deadline with items in flight")?,
			cancelled_tasks: gauge("labelchain_cancelled_tasks", "Cancelled tasks whose committed items are still settling")?,
			items_in_progress: register(
				GaugeVec::new(Opts::new("labelchain_items_in_progress", "Items in progress over all tasks, by phase"), &["phase"])?,
				registry,
			)?,
			waiting_for_experts: gauge("labelchain_items_waiting_for_experts", "Items disputed or appealed, waiting for an expert")?,
			agenda_backlog: register(
				GaugeVec::new(
					Opts::new("labelchain_agenda_backlog_blocks", "How many blocks an agenda is behind (0: caught up)"),
					&["agenda"],
				)?,
				registry,
			)?,
			migrating: gauge(
				"labelchain_migrating",
				"1 while a multi-block storage migration runs (no transactions, agendas wait)",
			)?,
			best_block_labels_revealed: gauge("labelchain_best_block_labels_revealed", "Labels revealed in the best block")?,
			best_block_items_settled: gauge("labelchain_best_block_items_settled", "Items settled in the best block")?,
			labels_revealed: counter(
				"labelchain_labels_revealed_total",
				"Labels revealed in blocks finalized since the node started",
			)?,
			items_settled: counter(
				"labelchain_items_settled_total",
				"Items settled in blocks finalized since the node started",
			)?,
			labels_settled: counter(
				"labelchain_labels_settled_total",
				"Votes of the items settled in blocks finalized since the node started",
			)?,
		})
	}

	/// The best block's state and what it did.
	fn show_best(&self, activity: &ChainActivity) {
		self.open_tasks.set(activity.open_tasks.into());
		self.cancelled_tasks.set(activity.cancelled_tasks.into());
		let items = &activity.items;
		for (phase, count) in [
			("labeling", items.labeling),
			("revealing", items.revealing),
			("disputed", items.disputed),
			("accepted", items.accepted),
			("appealed", items.appealed),
		] {
			self.items_in_progress.with_label_values(&[phase]).set(count.into());
		}
		self.waiting_for_experts.set(activity.waiting_for_experts.into());
		self.agenda_backlog.with_label_values(&["items"]).set(activity.item_agenda_backlog.into());
		self.agenda_backlog.with_label_values(&["deadlines"]).set(activity.deadline_agenda_backlog.into());
		self.migrating.set(activity.migrating.into());
		self.best_block_labels_revealed.set(activity.block.labels_revealed.into());
		self.best_block_items_settled.set(activity.block.items_settled.into());
	}

	/// Adds what a newly finalized block did.
	fn count_finalized(&self, activity: &ChainActivity) {
		self.labels_revealed.inc_by(activity.block.labels_revealed.into());
		self.items_settled.inc_by(activity.block.items_settled.into());
		self.labels_settled.inc_by(activity.block.labels_settled.into());
	}
}

/// The chain's activity at `hash`, if its runtime serves it.
fn activity_at(client: &FullClient, hash: Hash) -> Option<ChainActivity> {
	let api = client.runtime_api();
	let version = api.api_version::<dyn LabelingApi<Block>>(hash).ok().flatten()?;
	if version < CHAIN_ACTIVITY_SINCE {
		return None;
	}
	match api.chain_activity(hash) {
		Ok(activity) => Some(activity),
		Err(error) => {
			log::debug!(target: "labelchain", "chain_activity at {hash}: {error}");
			None
		},
	}
}

/// Follows the best block for the gauges: runs as long as the node.
pub async fn follow_best(client: Arc<FullClient>, metrics: LabelingMetrics) {
	let mut imports = client.import_notification_stream();
	while let Some(import) = imports.next().await {
		if !import.is_new_best {
			continue;
		}
		if let Some(activity) = activity_at(&client, import.hash) {
			metrics.show_best(&activity);
		}
	}
}

/// Counts each finalized block once, those finalized along with the
/// notified one included: runs as long as the node.
pub async fn count_finalized(client: Arc<FullClient>, metrics: LabelingMetrics) {
	let mut finalized = client.finality_notification_stream();
	while let Some(notification) = finalized.next().await {
		for hash in notification.tree_route.iter().chain(std::iter::once(&notification.hash)) {
			if let Some(activity) = activity_at(&client, *hash) {
				metrics.count_finalized(&activity);
			}
		}
	}
}
