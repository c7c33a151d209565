//! `labelchain finalize`: move a task's items on now instead of waiting for
//! the chain. The chain does all of it itself (its agenda, in the block after
//! each window, claim or expert timeout runs out): this is for a chain whose
//! agenda is behind, or anyone in a hurry. Which items are due is the chain's
//! answer (`finalizable_items` of the labeling runtime API); items the agenda
//! moved first are skipped by `finalize_items`.

use labelchain_client::{
	node::Node,
	runtime::{self, runtime_types::bounded_collections::bounded_vec::BoundedVec},
	transact::sign_and_finalize,
};
use subxt_signer::sr25519::Keypair;

use crate::chain::{finalizable_items, task_summary};

/// Finalizes every item of `task` that is due, in batches; returns how many
/// were due (now moved on, by this call or the chain's agenda), and how many
/// of its items had settled before.
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
		match sign_and_finalize(node, &call, key, "finalize_items").await {
			// The chain's agenda may have moved some (or all) of them first,
			// in the same block: either way they moved on.
			Ok(_) => {},
			Err(error) if format!("{error:#}").contains("NothingToFinalize") => {},
			Err(error) => return Err(error),
		}
		moved += chunk.len();
	}
	Ok((moved, summary.progress.settled as usize))
}
