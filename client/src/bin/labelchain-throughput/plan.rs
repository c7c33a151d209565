//! Which account sends what: every load is signed before it is sent, one
//! chain of transactions per account in nonce order.

use crate::{
	calls::{self, LabelCall, UNIT},
	Sender, Signer,
};

/// Signed transactions, one chain per account, and how many of them carry the
/// call a stage counts.
pub struct Load {
	pub chains: Vec<Vec<Vec<u8>>>,
	pub counted: u64,
}

/// A label load's two stages: commits, then reveals.
pub struct LabelLoad {
	pub commits: Load,
	pub reveals: Load,
}

/// `count` transfers of 1 LBL, spread over the senders, each to the next sender.
pub fn transfers(signer: &Signer, senders: &mut [Sender], count: u32) -> anyhow::Result<Load> {
	let mut chains = vec![Vec::new(); senders.len()];
	let accounts: Vec<_> = senders.iter().map(|sender| sender.account).collect();
	for index in 0..count as usize {
		let from = index % senders.len();
		let to = &accounts[(from + 1) % accounts.len()];
		chains[from].push(signer.sign(&calls::transfer_keep_alive(to, UNIT), &mut senders[from])?);
	}
	Ok(Load { chains, counted: count.into() })
}

/// One label: who gives which label to which item, and the salt that seals it.
struct Label {
	annotator: usize,
	item: u32,
	label: u16,
	salt: [u8; 32],
}

/// Labels for the items of `task`, `redundancy` per item, in item-major order;
/// `pick(item, slot)` names the annotator, different for each slot of an item.
/// Every annotator gives the item's "true" label (its parity), so every item
/// is accepted.
fn assign(task: u32, items: u32, redundancy: u8, pick: impl Fn(u32, u32) -> usize) -> Vec<Label> {
	let mut labels = Vec::new();
	for item in 0..items {
		for slot in 0..u32::from(redundancy) {
			let annotator = pick(item, slot);
			let mut seed = task.to_le_bytes().to_vec();
			seed.extend(item.to_le_bytes());
			seed.extend((annotator as u64).to_le_bytes());
			let salt = sp_crypto_hashing::blake2_256(&seed);
			labels.push(Label { annotator, item, label: (item % 2) as u16, salt });
		}
	}
	labels
}

fn sealed(task: u32, label: &Label, annotator: &Sender) -> [u8; 32] {
	labelchain_primitives::commitment::label_commitment(task, label.item, label.label, &label.salt, &annotator.account).0
}

fn reveal_call(task: u32, label: &Label) -> LabelCall {
	LabelCall::Reveal { task, item: label.item, label: label.label, salt: label.salt }
}

/// `count` labels, each call its own transaction.
pub fn single_labels(
	signer: &Signer,
	annotators: &mut [Sender],
	task: u32,
	count: u32,
	redundancy: u8,
) -> anyhow::Result<LabelLoad> {
	let (r, annotator_count) = (u32::from(redundancy), annotators.len());
	// Item-major rotation: consecutive items have different annotators.
	let labels = assign(task, count / r, redundancy, |item, slot| ((item * r + slot) as usize) % annotator_count);
	let mut commits = vec![Vec::new(); annotator_count];
	for label in &labels {
		let hash = sealed(task, label, &annotators[label.annotator]);
		let commit = LabelCall::Commit { task, item: label.item, hash };
		commits[label.annotator].push(signer.sign(&commit.transaction(), &mut annotators[label.annotator])?);
	}
	let mut reveals = vec![Vec::new(); annotator_count];
	for label in &labels {
		reveals[label.annotator]
			.push(signer.sign(&reveal_call(task, label).transaction(), &mut annotators[label.annotator])?);
	}
	let counted = labels.len() as u64;
	Ok(LabelLoad { commits: Load { chains: commits, counted }, reveals: Load { chains: reveals, counted } })
}

/// `count` labels in batches of `batch`: each group of `batch` items is labeled
/// by `redundancy` annotators, each with one `commit_batch` and one
/// `reveal_batch`.
pub fn batched_labels(
	signer: &Signer,
	annotators: &mut [Sender],
	task: u32,
	count: u32,
	redundancy: u8,
	batch: u32,
) -> anyhow::Result<LabelLoad> {
	let r = u32::from(redundancy);
	let (groups, annotator_count) = (count / (batch * r), annotators.len());
	// Each group of `batch` items has the same `redundancy` annotators, one
	// batch each.
	let labels = assign(task, groups * batch, redundancy, |item, slot| {
		((item / batch * r + slot) as usize) % annotator_count
	});
	let per_group = (batch * r) as usize;
	// All of an annotator's commits come before its reveals in nonce order.
	let mut commits = vec![Vec::new(); annotator_count];
	for group in labels.chunks(per_group) {
		for (annotator, mine) in batches_of(group, redundancy) {
			let entries: Vec<(u32, [u8; 32])> =
				mine.iter().map(|label| (label.item, sealed(task, label, &annotators[annotator]))).collect();
			commits[annotator].push(signer.sign(&calls::commit_batch(task, &entries), &mut annotators[annotator])?);
		}
	}
	let mut reveals = vec![Vec::new(); annotator_count];
	for group in labels.chunks(per_group) {
		for (annotator, mine) in batches_of(group, redundancy) {
			let entries: Vec<(u32, u16, [u8; 32])> =
				mine.iter().map(|label| (label.item, label.label, label.salt)).collect();
			reveals[annotator].push(signer.sign(&calls::reveal_batch(task, &entries), &mut annotators[annotator])?);
		}
	}
	let batches = u64::from(groups) * u64::from(redundancy);
	Ok(LabelLoad {
		commits: Load { chains: commits, counted: batches },
		reveals: Load { chains: reveals, counted: batches },
	})
}

/// A group's labels split into one batch per annotator (slot), with who sends it.
fn batches_of(group: &[Label], redundancy: u8) -> Vec<(usize, Vec<&Label>)> {
	(0..usize::from(redundancy))
		.map(|slot| {
			let mine: Vec<&Label> = group.iter().skip(slot).step_by(redundancy.into()).collect();
			(mine[0].annotator, mine)
		})
		.collect()
}

/// Labels sent one transaction each, in waves: in wave 0 each annotator
/// commits its first `per_wave` labels; in each later wave it commits its next
/// `per_wave` labels and, in the same transactions (`commit_and_reveal`),
/// reveals those of the wave before; a last wave reveals the rest. A wave's
/// reveals need the items of the wave before fully committed, so waves are
/// sent one after another. Each annotator labels `per_annotator` items
/// (rounded down to whole waves); annotators are used in multiples of
/// `redundancy`, so every item's labels fall in one wave.
pub fn paired_labels(
	signer: &Signer,
	annotators: &mut [Sender],
	task: u32,
	per_annotator: u32,
	redundancy: u8,
	per_wave: u32,
) -> anyhow::Result<Vec<Load>> {
	let r = usize::from(redundancy);
	let used = annotators.len() / r * r;
	anyhow::ensure!(used > 0 && per_wave > 0, "paired labels need {r} annotators and a wave size");
	let waves = (per_annotator / per_wave) as usize;
	let per_wave = per_wave as usize;
	let per_annotator = waves * per_wave;
	let labels = assign(task, (per_annotator * used / r) as u32, redundancy, |item, slot| {
		(item as usize * r + slot as usize) % used
	});
	// An annotator's k-th label is labels[k × used + annotator]: the k-th labels
	// of all annotators are the labels of the same items.
	let label = |annotator: usize, k: usize| &labels[k * used + annotator];
	let mut loads = Vec::with_capacity(waves + 1);
	for wave in 0..=waves {
		let mut chains = vec![Vec::new(); used];
		for (annotator, chain) in chains.iter_mut().enumerate() {
			for slot in 0..per_wave {
				let commit = (wave < waves).then(|| label(annotator, wave * per_wave + slot));
				let reveal = wave.checked_sub(1).map(|before| label(annotator, before * per_wave + slot));
				let sender = &annotators[annotator];
				let call = match (commit, reveal) {
					(Some(next), Some(done)) => calls::commit_and_reveal(
						task,
						(next.item, sealed(task, next, sender)),
						(done.item, done.label, done.salt),
					),
					(Some(next), None) =>
						LabelCall::Commit { task, item: next.item, hash: sealed(task, next, sender) }.transaction(),
					(None, Some(done)) => reveal_call(task, done).transaction(),
					(None, None) => continue,
				};
				chain.push(signer.sign(&call, &mut annotators[annotator])?);
			}
		}
		loads.push(Load { chains, counted: (used * per_wave) as u64 });
	}
	Ok(loads)
}
