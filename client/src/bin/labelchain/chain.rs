//! Reads through the labeling runtime API that several commands share.

use anyhow::Context;
use labelchain_client::{
	node::Config,
	runtime::{
		self,
		runtime_types::labelchain_primitives::runtime_api::{ClaimSummary, CommitSummary, ItemSummary, TaskSummary},
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

fn slot(items: &mut [ItemSummary], task: u32, item: u32) -> anyhow::Result<&mut ItemSummary> {
	items.get_mut(item as usize).with_context(|| format!("task {task} has no item {item}, yet storage holds one"))
}

/// Every item of a task, in order: untouched, in progress, or its settled
/// record. Read by iterating the task's entries in the label-voting pallet's
/// storage (two prefix scans) rather than one runtime call per item.
pub async fn item_summaries(at: &AtBlock, task: u32, count: u32) -> anyhow::Result<Vec<ItemSummary>> {
	let mut items: Vec<ItemSummary> = (0..count).map(|_| ItemSummary::Untouched).collect();
	let mut settled = at.storage().iter(runtime::storage().label_voting().settled_items(), (task,)).await?;
	while let Some(entry) = settled.next().await {
		let entry = entry?;
		let (_, item) = entry.key()?.decode()?;
		*slot(&mut items, task, item)? = ItemSummary::Settled { record: entry.value().decode()? };
	}
	let mut in_progress = at.storage().iter(runtime::storage().label_voting().items(), (task,)).await?;
	while let Some(entry) = in_progress.next().await {
		let entry = entry?;
		let (_, item) = entry.key()?.decode()?;
		let state = entry.value().decode()?;
		*slot(&mut items, task, item)? = ItemSummary::InProgress {
			phase: state.phase,
			claims: state
				.claims
				.0
				.into_iter()
				.map(|claim| ClaimSummary { annotator: claim.annotator, expires_at: claim.expires_at })
				.collect(),
			commits: state
				.commits
				.0
				.into_iter()
				.map(|commit| CommitSummary { annotator: commit.annotator, revealed: commit.revealed })
				.collect(),
		};
	}
	Ok(items)
}
