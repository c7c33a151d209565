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

/// How many entries each page asks for (the runtime gives at most 100).
const PAGE: u32 = 100;

pub async fn task_summary(at: &AtBlock, task: u32) -> anyhow::Result<TaskSummary> {
	at.runtime_apis()
		.call(runtime::runtime_apis().labeling_api().task(task))
		.await?
		.with_context(|| format!("no task {task}"))
}

/// Follows a paged answer of the labeling runtime API from the first page to
/// the last: `page(start)` gives one page's entries and where the next starts.
async fn all_pages<T, Page>(mut page: impl FnMut(u32) -> Page) -> anyhow::Result<Vec<T>>
where
	Page: std::future::Future<Output = anyhow::Result<(Vec<T>, Option<u32>)>>,
{
	let mut entries = Vec::new();
	let mut start = Some(0);
	while let Some(from) = start {
		let (more, next) = page(from).await?;
		entries.extend(more);
		start = next;
	}
	Ok(entries)
}

/// Every item of a task, in order: untouched, in progress, or its settled
/// record, read a page at a time through the labeling runtime API.
pub async fn item_summaries(at: &AtBlock, task: u32, count: u32) -> anyhow::Result<Vec<ItemSummary>> {
	let items = all_pages(|from| async move {
		let page = at
			.runtime_apis()
			.call(runtime::runtime_apis().labeling_api().items(task, from, PAGE))
			.await?
			.map_err(|error| anyhow::anyhow!("task {task}: {error:?}"))?;
		Ok((page.items, page.next))
	})
	.await?;
	anyhow::ensure!(items.len() == count as usize, "task {task} has {} items, not {count}", items.len());
	Ok(items)
}

/// The items of a task that `finalize_items` would move on in the next block,
/// as the chain decides, following its pages to the end.
pub async fn finalizable_items(at: &AtBlock, task: u32) -> anyhow::Result<Vec<u32>> {
	all_pages(|from| async move {
		let page = at
			.runtime_apis()
			.call(runtime::runtime_apis().labeling_api().finalizable_items(task, from, PAGE))
			.await?
			.map_err(|error| anyhow::anyhow!("task {task}: {error:?}"))?;
		Ok((page.items, page.next))
	})
	.await
}
