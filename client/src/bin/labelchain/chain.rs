//! Reads through the labeling runtime API that several commands share.

use anyhow::Context;
use labelchain_client::{
	node::Config,
	runtime::{
		self,
		runtime_types::labelchain_primitives::runtime_api::{ItemSummary, TaskSummary},
	},
};
use subxt::OnlineClientAtBlock;

pub type AtBlock = OnlineClientAtBlock<Config>;

pub async fn task_summary(at: &AtBlock, task: u32) -> anyhow::Result<TaskSummary> {
	at.runtime_apis()
		.call(runtime::runtime_apis().labeling_api().task(task))
		.await?
		.with_context(|| format!("no task {task}"))
}

/// Every item of a task, in order: untouched, in progress, or its settled record.
pub async fn item_summaries(
	at: &AtBlock,
	task: u32,
	count: u32,
) -> anyhow::Result<Vec<ItemSummary>> {
	let mut items = Vec::with_capacity(count as usize);
	for item in 0..count {
		let summary = at
			.runtime_apis()
			.call(runtime::runtime_apis().labeling_api().item(task, item))
			.await?
			.map_err(|error| anyhow::anyhow!("task {task} item {item}: {error:?}"))?;
		items.push(summary);
	}
	Ok(items)
}
