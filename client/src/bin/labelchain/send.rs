//! How `work` sends an annotator's labels: the fewest transactions that do
//! the job. One label carries a pending reveal along (`commit_and_reveal`);
//! several go in one `commit_batch`; reveals go alone or in a `reveal_batch`.

use anyhow::Context;
use labelchain_client::{
	node::Node,
	runtime::{self, runtime_types::bounded_collections::bounded_vec::BoundedVec},
	secrets::LabelStore,
	transact::sign_and_finalize,
};
use subxt::utils::H256;
use subxt_signer::sr25519::Keypair;

/// `items 3, 4` or `item 3`.
pub fn listed(noun: &str, items: &[u32]) -> String {
	let list: Vec<String> = items.iter().map(u32::to_string).collect();
	format!("{noun}{} {}", if items.len() == 1 { "" } else { "s" }, list.join(", "))
}

/// Commits `commits` (item and sealed hash); a single commit carries
/// `ride_along`'s reveal with it, with the label saved for it. Both or
/// neither take effect.
pub async fn commit(
	node: &Node,
	key: &Keypair,
	task: u32,
	store: &LabelStore,
	commits: &[(u32, H256)],
	ride_along: Option<u32>,
) -> anyhow::Result<()> {
	let voting = runtime::tx().label_voting();
	match (commits, ride_along) {
		([(item, hash)], Some(revealed)) => {
			let sealed = saved(store, revealed)?;
			let call = voting.commit_and_reveal(task, *item, *hash, revealed, sealed.label, sealed.salt()?);
			sign_and_finalize(node, &call, key, "commit_and_reveal").await?;
			println!("revealed item {revealed}");
		},
		([(item, hash)], None) => {
			sign_and_finalize(node, &voting.commit(task, *item, *hash), key, "commit").await?;
		},
		(many, _) => {
			let call = voting.commit_batch(task, BoundedVec(many.to_vec()));
			sign_and_finalize(node, &call, key, "commit_batch").await?;
		},
	}
	Ok(())
}

fn saved(store: &LabelStore, item: u32) -> anyhow::Result<&labelchain_client::secrets::SealedLabel> {
	store.labels.get(&item).with_context(|| {
		format!("item {item} was committed without a label in {}: it cannot be revealed", store.path().display())
	})
}

/// Reveals `items` with the labels saved for them: one call, or batches of
/// at most `max_batch`. An item without a saved label is reported and
/// skipped, so it does not hold up the others.
pub async fn reveal(
	node: &Node,
	key: &Keypair,
	task: u32,
	store: &LabelStore,
	items: &[u32],
	max_batch: usize,
) -> anyhow::Result<()> {
	let mut reveals = Vec::new();
	for item in items {
		match saved(store, *item) {
			Ok(sealed) => reveals.push((*item, sealed.label, sealed.salt()?)),
			Err(error) => println!("{error:#}"),
		}
	}
	for chunk in reveals.chunks(max_batch.max(1)) {
		match chunk {
			[(item, label, salt)] => {
				let call = runtime::tx().label_voting().reveal(task, *item, *label, *salt);
				sign_and_finalize(node, &call, key, "reveal").await?;
			},
			_ => {
				let call = runtime::tx().label_voting().reveal_batch(task, BoundedVec(chunk.to_vec()));
				sign_and_finalize(node, &call, key, "reveal_batch").await?;
			},
		}
		let revealed: Vec<u32> = chunk.iter().map(|(item, _, _)| *item).collect();
		println!("revealed {}", listed("item", &revealed));
	}
	Ok(())
}
