//! `labelchain finalize`: move a task's items on once their time has come:
//! tally items whose reveal window ended, settle accepted items whose appeal
//! window ended (which pays their annotators), drop expired claims, open the
//! reveal of items that will get no more labels. Which items are due is the
//! chain's answer (`finalizable_items` of the labeling runtime API). Anyone may
//! send it; requesters do to get their data, annotators to get paid.

use labelchain_client::{
	node::Node,
	runtime::{self, runtime_types::bounded_collections::bounded_vec::BoundedVec},
	transact::sign_and_finalize,
};
use subxt_signer::sr25519::Keypair;

use crate::chain::{finalizable_items, task_summary};

/// Finalizes every item of `task` that is ready, in batches; returns how
/// many, and how many of its items had settled before.
pub async fn finalize(node: &Node, task: u32, key: &Keypair) -> anyhow::Result<(usize, usize)> {
	let at = node.api.at_current_block().await?;
	let summary = task_summary(&at, task).await?;
	// The chain says which items are due; this command holds no copy of the rule.
	let ready_items = finalizable_items(&at, task).await?;
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
	Ok((moved, summary.progress.settled as usize))
}
