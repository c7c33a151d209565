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
/// `stalled` says whether a claim on the item expired before: once no live
/// claim is left, the chain then opens its reveal without waiting for more
/// commits.
fn ready(item: &ItemSummary, task: &TaskSummary, next: u32, stalled: bool) -> bool {
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
			let claim_expires = claims.iter().any(|claim| claim.expires_at < next);
			labeling_item_ready(claim_expires, claims.is_empty(), commits.is_empty(), takes_work, stalled)
		}
		ItemPhase::Disputed | ItemPhase::Appealed { .. } => false,
	}
}

/// An item still taking labels moves on when a claim on it expires, or when
/// it has commits and no live claim and will get no more labels: the task
/// takes no more work, or a claim on it expired before (`stalled`).
fn labeling_item_ready(claim_expires: bool, no_claims: bool, no_commits: bool, takes_work: bool, stalled: bool) -> bool {
	claim_expires || (no_claims && !no_commits && (stalled || !takes_work))
}

/// Whether the item takes labels and has commits but no live claim: one
/// that, in a task still taking work, is ready only if a claim on it
/// expired before.
fn maybe_stalled(item: &ItemSummary) -> bool {
	matches!(
		item,
		ItemSummary::InProgress { phase: ItemPhase::Labeling, claims, commits }
			if claims.is_empty() && !commits.is_empty()
	)
}

/// Finalizes every item of `task` that is ready, in batches; returns how
/// many, and how many of its items had settled before.
pub async fn finalize(node: &Node, task: u32, key: &Keypair) -> anyhow::Result<(usize, usize)> {
	let at = node.api.at_current_block().await?;
	let summary = task_summary(&at, task).await?;
	let next = (at.block_number() as u32).saturating_add(1);
	let items = item_summaries(&at, task, summary.item_count).await?;
	let mut ready_items = Vec::new();
	for (index, item) in items.iter().enumerate() {
		let index = index as u32;
		if ready(item, &summary, next, false) {
			ready_items.push(index);
			continue;
		}
		// The summary leaves out whether a claim expired before; read it from
		// storage only for the items where it decides.
		if maybe_stalled(item) {
			let state = at.storage().try_fetch(runtime::storage().label_voting().items(), (task, index)).await?;
			let stalled = match state {
				Some(state) => state.decode()?.had_expired_claim,
				None => false,
			};
			if ready(item, &summary, next, stalled) {
				ready_items.push(index);
			}
		}
	}
	let max_batch = at
		.constants()
		.entry(runtime::constants().label_voting().max_batch())? as usize;
	let mut moved = 0;
	for chunk in ready_items.chunks(max_batch.max(1)) {
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

#[cfg(test)]
mod tests {
	use super::labeling_item_ready;

	#[test]
	fn an_item_taking_labels_moves_on_when_it_can_get_no_more() {
		// (claim expires, no claims, no commits, task takes work, stalled)
		assert!(labeling_item_ready(true, false, true, true, false), "an expiring claim is dropped");
		assert!(!labeling_item_ready(false, false, false, true, true), "a live claim may still commit");
		assert!(!labeling_item_ready(false, true, false, true, false), "others may still claim");
		assert!(labeling_item_ready(false, true, false, true, true), "a claim expired before");
		assert!(labeling_item_ready(false, true, false, false, false), "the task takes no more work");
		assert!(!labeling_item_ready(false, true, true, false, true), "nothing to reveal");
	}
}
