//! `labelchain reveal-gold`: the requester reveals the hidden gold answers
//! `publish` saved, for items the crowd has tallied and that have not
//! settled yet. A revealed answer becomes the item's label, which its
//! annotators may appeal for an appeal window; then the item settles, its
//! annotators scored against the answer (a wrong one is slashed). A gold
//! answer never revealed, or revealed too late, forfeits its bond at close.

use std::path::Path;

use anyhow::Context;
use labelchain_client::{
	node::Node,
	runtime::{
		self,
		runtime_types::labelchain_primitives::runtime_api::GoldRevealState,
	},
	secrets::{GoldFile, GoldSecret},
	transact::sign_and_finalize,
};
use subxt_signer::sr25519::Keypair;

use crate::chain::{task_summary, AtBlock};

/// Where a gold answer stands: its commitment's own record, then the
/// voting pallet's word on its item (`gold_reveal_state`), never a copy of
/// the pallet's rule.
enum GoldState {
	/// This commitment is revealed, or another answer is already the item's
	/// label (revealing a second would forfeit its bond).
	Revealed,
	/// Revealable now.
	Ready,
	/// Still being labeled or revealed by annotators.
	Waiting,
	/// Settled before its answer was revealed: too late.
	Missed,
	/// Never labeled, and the task takes no more work: it never will be.
	Unlabeled,
}

async fn gold_state(at: &AtBlock, task: u32, answer: &GoldSecret) -> anyhow::Result<GoldState> {
	let labeling = runtime::runtime_apis().labeling_api();
	let commitment = at.runtime_apis().call(labeling.gold_commitment(task, answer.gold_index)).await?;
	if commitment.is_some_and(|gold| gold.revealed_for.is_some()) {
		return Ok(GoldState::Revealed);
	}
	let state = at
		.runtime_apis()
		.call(labeling.gold_reveal_state(task, answer.item))
		.await?
		.map_err(|error| anyhow::anyhow!("gold item {}: {error:?}", answer.item))?;
	Ok(match state {
		GoldRevealState::Now => GoldState::Ready,
		GoldRevealState::Later => GoldState::Waiting,
		GoldRevealState::Revealed => GoldState::Revealed,
		GoldRevealState::Settled => GoldState::Missed,
		GoldRevealState::Never => GoldState::Unlabeled,
	})
}

/// Reveals every gold answer of `path` that can be revealed now; with `wait`,
/// follows the chain until none is left waiting. Returns how many it revealed.
pub async fn reveal_gold(
	node: &Node,
	task: u32,
	path: &Path,
	wait: bool,
	key: &Keypair,
) -> anyhow::Result<usize> {
	let gold = GoldFile::read(path)?;
	if let Some(own) = gold.task {
		anyhow::ensure!(
			own == task,
			"{} holds the gold of task {own}, not {task}",
			path.display()
		);
	}
	let at = node.api.at_current_block().await?;
	let manifest = cid::Cid::try_from(task_summary(&at, task).await?.manifest.as_slice())
		.context("the task's manifest is not a CID")?;
	anyhow::ensure!(
		manifest.to_string() == gold.manifest,
		"{} was written for manifest {}, task {task} has {manifest}",
		path.display(),
		gold.manifest
	);
	let mut revealed = 0;
	let mut blocks = node
		.api
		.stream_blocks()
		.await
		.context("following finalized blocks")?;
	loop {
		let at = node.api.at_current_block().await?;
		let (mut waiting, mut missed) = (0, 0);
		for answer in &gold.answers {
			match gold_state(&at, task, answer).await? {
				GoldState::Revealed | GoldState::Unlabeled => {}
				GoldState::Missed => missed += 1,
				GoldState::Waiting => waiting += 1,
				GoldState::Ready => {
					let call = runtime::tx().label_voting().reveal_gold(
						task,
						answer.item,
						answer.gold_index,
						answer.answer,
						answer.salt()?,
					);
					// One that fails (settled meanwhile) does not stop the others.
					match sign_and_finalize(node, &call, key, "reveal_gold").await {
						Ok(_) => {
							println!("revealed the gold answer of item {}", answer.item);
							revealed += 1;
						},
						Err(error) => println!("gold of item {}: {error:#}", answer.item),
					}
				}
			}
		}
		if missed > 0 {
			println!("{missed} gold items settled before their answers were revealed");
		}
		if waiting == 0 || !wait {
			if waiting > 0 {
				println!("{waiting} gold items are not tallied yet: run reveal-gold again later, or with --wait");
			}
			return Ok(revealed);
		}
		blocks
			.next()
			.await
			.context("the node stopped sending blocks")?
			.context("a finalized block")?;
	}
}
