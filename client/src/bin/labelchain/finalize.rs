//! `labelchain finalize`: move a task's items on once their time has come:
//! tally items whose reveal window ended, settle accepted items whose appeal
//! window ended (which pays their annotators), drop expired claims. Anyone may
//! send it; requesters do to get their data, annotators to get paid.

use labelchain_client::{
	node::Node,
	runtime::{
		self,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			labelchain_primitives::{
				items::ItemPhase,
				labeling::TaskStatus,
				runtime_api::{ItemSummary, TaskSummary},
			},
		},
	},
	transact::sign_and_finalize,
};
use subxt_signer::sr25519::Keypair;

use crate::chain::{item_summaries, task_summary};

/// Whether `finalize_item` would move the item on in block `next`.
fn ready(item: &ItemSummary, task: &TaskSummary, next: u32) -> bool {
	let ItemSummary::InProgress {
		phase,
		claims,
		commits,
	} = item
	else {
		return false;
	};
	match phase {
		ItemPhase::Revealing { ends_at } => *ends_at < next,
		ItemPhase::Accepted { appeal_ends_at, .. } => *appeal_ends_at < next,
		ItemPhase::Labeling => {
			let takes_work = matches!(task.status, TaskStatus::Open) && task.deadline >= next;
			// A claim is dropped in the first block after its expiry block.
			claims.iter().any(|claim| claim.expires_at < next)
				|| (!takes_work && claims.is_empty() && !commits.is_empty())
		}
		ItemPhase::Disputed | ItemPhase::Appealed { .. } => false,
	}
}

/// Finalizes every item of `task` that is ready, in batches; returns how
/// many, and how many of its items had settled before.
pub async fn finalize(node: &Node, task: u32, key: &Keypair) -> anyhow::Result<(usize, usize)> {
	let at = node.api.at_current_block().await?;
	let summary = task_summary(&at, task).await?;
	let next = (at.block_number() as u32).saturating_add(1);
	let items = item_summaries(&at, task, summary.item_count).await?;
	let ready: Vec<u32> = items
		.iter()
		.enumerate()
		.filter(|(_, item)| ready(item, &summary, next))
		.map(|(index, _)| index as u32)
		.collect();
	let max_batch = at
		.constants()
		.entry(runtime::constants().label_voting().max_batch())? as usize;
	let mut moved = 0;
	for chunk in ready.chunks(max_batch.max(1)) {
		let call = runtime::tx().label_voting().finalize_items(task, BoundedVec(chunk.to_vec()));
		if sign_and_finalize(node, &call, key, "finalize_items").await.is_ok() {
			moved += chunk.len();
			continue;
		}
		// A batch is all or nothing: someone else may have moved one of its
		// items first. Send them one by one; those already moved fail alone.
		for item in chunk {
			let call = runtime::tx().label_voting().finalize_item(task, *item);
			match sign_and_finalize(node, &call, key, "finalize_item").await {
				Ok(_) => moved += 1,
				Err(error) => println!("item {item}: {error:#}"),
			}
		}
	}
	let settled = items.iter().filter(|item| matches!(item, ItemSummary::Settled { .. })).count();
	Ok((moved, settled))
}
