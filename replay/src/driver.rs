//! The replay's policy, written once for every chain it runs on: the native
//! runtime in process (`native`) and a live node over RPC (`labelchain
//! replay`). A [`Chain`] only carries out the protocol's calls; the driver
//! decides which to make and when: labels are committed in stream order, a
//! round at a time; an item is revealed as soon as it has the labels its
//! round asks for (`r_min` at first; an item short of that waits until the
//! task stops taking work: the requester cancels it after the last label,
//! as the chain opens a short item's reveal only then); once tallied, an
//! item the chain is not sure of takes its next label in stream order (a
//! round of one), a gold item is revealed by the requester, a disputed one
//! is settled by the expert with the truth (or, without experts, with its
//! top-weighted label) and an accepted one waits out its appeal window and
//! is then finalized. The labels that come for an item after it stopped
//! taking labels are dropped: what adaptive redundancy saves.

use std::{
	collections::BTreeSet,
	future::Future,
	task::{Context as TaskContext, Poll, Waker},
};

use anyhow::{bail, Context};
use labelchain_primitives::commitment::{gold_commitment, label_commitment, Salt};
use sp_core::{Blake2Hasher, Hasher};

use crate::{
	dataset::{Dataset, Row},
	outcome::{top_weighted, DecidedBy, ItemResult, Outcome},
	plan::Plan,
};

/// The salt of `worker`'s label on `item`: derived, so a replay is repeatable
/// (its accounts exist only for the replay, and nothing else needs hiding).
pub fn salt(worker: u32, item: u32) -> Salt {
	let mut seed = b"labelchain-replay salt".to_vec();
	seed.extend(worker.to_le_bytes());
	seed.extend(item.to_le_bytes());
	Blake2Hasher::hash(&seed).0
}

/// The salt of `item`'s gold answer.
pub fn gold_salt(item: u32) -> Salt {
	let mut seed = b"labelchain-replay gold".to_vec();
	seed.extend(item.to_le_bytes());
	Blake2Hasher::hash(&seed).0
}

/// What the data set and the plan fix of the task a replay creates; the chain
/// adds its own terms (manifest, threshold, reward, deadline, dispute budget).
#[derive(Clone, Debug)]
pub struct NewTask {
	pub item_count: u32,
	pub class_count: u16,
	/// The labels an item takes at first (`r_min`).
	pub min_redundancy: u32,
	/// The most labels an item takes (`r_max`).
	pub redundancy: u32,
	/// The gold commitments, by gold index.
	pub gold_commitments: Vec<[u8; 32]>,
}

/// A label sealed by `worker` on `item`.
#[derive(Clone, Copy, Debug)]
pub struct Commit {
	pub worker: u32,
	pub item: u32,
	pub hash: [u8; 32],
}

/// A label opened by `worker` on `item`.
#[derive(Clone, Copy, Debug)]
pub struct Reveal {
	pub worker: u32,
	pub item: u32,
	pub label: u16,
	pub salt: Salt,
}

/// A gold answer the requester reveals.
#[derive(Clone, Copy, Debug)]
pub struct GoldReveal {
	pub item: u32,
	pub gold_index: u32,
	pub answer: u16,
	pub salt: Salt,
}

/// Where an item stands once its last label is revealed.
#[derive(Clone, Debug)]
pub enum Tallied {
	Accepted { appeal_ends_at: u32 },
	Disputed,
	/// The chain is not sure yet: the item takes one more label.
	MoreWanted,
	/// Anything else, as the chain shows it (a replay stops on it).
	Other(String),
}

/// The chain a replay runs on: each method is one step of the protocol,
/// carried out as the chain does it (calls in the runtime, or signed
/// transactions, batched as suits it). Methods on several items act on them in
/// the order given. Workers are numbered as in the plan (the data set's, then
/// any spammers).
///
/// The methods are `async` for the live node; the native runtime's are plain
/// code, and its driver future is ready at its first poll. The futures are
/// awaited where they are made, never spawned, so they need not be `Send`.
#[allow(async_fn_in_trait)]
pub trait Chain {
	/// Blocks after [`Chain::block`] that the calls sent next take effect in:
	/// 0 when calls run in the current block (the native runtime), 1 when
	/// they go into the node's next block.
	const CALLS_LAND_AFTER: u32;

	/// The account of `worker`, whose commitments hash it in.
	fn account(&self, worker: u32) -> [u8; 32];
	/// Creates the replay's task; returns its id (commitments hash it in).
	async fn create_task(&mut self, task: &NewTask) -> anyhow::Result<u32>;
	/// The requester cancels the task once every label is committed, so that
	/// items short of the redundancy open their reveal.
	async fn stop_labeling(&mut self) -> anyhow::Result<()>;
	async fn commit(&mut self, commits: &[Commit]) -> anyhow::Result<()>;
	async fn reveal(&mut self, reveals: &[Reveal]) -> anyhow::Result<()>;
	/// Where each item stands after its tally.
	async fn tallied(&mut self, items: &[u32]) -> anyhow::Result<Vec<Tallied>>;
	/// An item's revealed labels with their share of its vote weight, in
	/// parts per billion, as the chain's tally weighs them now.
	async fn tally(&mut self, item: u32) -> anyhow::Result<Vec<(u16, u32)>>;
	/// The requester reveals `gold`; the expert settles each of `disputes`
	/// (item, label).
	async fn settle(&mut self, gold: &[GoldReveal], disputes: &[(u32, u16)]) -> anyhow::Result<()>;
	/// Moves each item on (`finalize_items`): opens the reveal of a short one
	/// once the task stopped taking work, settles one past its appeal window.
	/// Items the chain's own agenda already moved are skipped.
	async fn finalize(&mut self, items: &[u32]) -> anyhow::Result<()>;
	/// The chain's current block: the one the calls sent so far are in.
	async fn block(&mut self) -> anyhow::Result<u32>;
	/// Lets a block pass.
	async fn next_block(&mut self) -> anyhow::Result<()>;
	/// Each item's final label and who decided it, once every item settled.
	async fn settled(&mut self) -> anyhow::Result<Vec<(u16, DecidedBy)>>;
	/// Each worker's label rewards less slashes, in LBL. (The native and the
	/// live replay have always rounded this differently, `rewards / UNIT -
	/// slashed / UNIT` against `(rewards - slashed) / UNIT`, and the last bit
	/// decides ties in the earnings' ranks; each chain keeps its own so that
	/// its figures stay as they were.)
	async fn net_earnings(&mut self) -> anyhow::Result<Vec<f64>>;
	/// Called after each round of labels, `rounds` of them so far.
	fn round_done(&mut self, _rounds: usize) {}
}

/// How the driver groups its calls.
#[derive(Clone, Copy, Debug)]
pub enum Pace {
	/// Every label is committed, and every item revealed and moved on, by
	/// itself, each before the next; a block passes after every
	/// `labels_per_block` labels. For the native runtime, where a call
	/// costs nothing and the driver makes the blocks.
	OneByOne { labels_per_block: u32 },
	/// `labels_per_round` labels are committed together, and the items they
	/// complete (or whose claims expired by then) revealed together. For a
	/// live node, which makes its own blocks as transactions land.
	Rounds { labels_per_round: usize },
}

/// How a replay decides what the crowd could not.
#[derive(Clone, Copy, Debug)]
pub struct Policy {
	/// Disputed items go to an expert who answers with the truth; without
	/// experts (or a true answer) a disputed item takes its top-weighted label.
	pub experts: bool,
	pub pace: Pace,
	/// The labels every item takes at first (`r_min`): adaptive redundancy
	/// from there up to the plan's redundancy. `None`: the plan's
	/// redundancy from the start (fixed).
	pub min_redundancy: Option<u32>,
}

/// Drives the future of a chain that never waits (the native runtime's
/// methods are plain code): it is ready at its first poll.
pub fn ready<T>(future: impl Future<Output = anyhow::Result<T>>) -> anyhow::Result<T> {
	let mut future = std::pin::pin!(future);
	match future.as_mut().poll(&mut TaskContext::from_waker(Waker::noop())) {
		Poll::Ready(output) => output,
		Poll::Pending => bail!("the replay waited on a chain that should never wait"),
	}
}

/// The task's gold commitments, by gold index.
fn gold_commitments(data: &Dataset, plan: &Plan) -> anyhow::Result<Vec<[u8; 32]>> {
	let mut commitments = vec![[0u8; 32]; plan.gold.len()];
	for (item, index) in &plan.gold {
		let answer = data.truth[*item as usize].context("gold needs a true answer")?;
		commitments[*index as usize] = gold_commitment(*item, answer, &gold_salt(*item)).0;
	}
	Ok(commitments)
}

/// Replays `plan` of `data` on `chain` (whose accounts are set up): creates
/// the task, sends every label and carries every item through to its
/// settlement.
pub async fn run<C: Chain>(chain: &mut C, data: &Dataset, plan: &Plan, policy: Policy) -> anyhow::Result<Outcome> {
	let min_redundancy = policy.min_redundancy.unwrap_or(plan.redundancy).clamp(1, plan.redundancy);
	let task = NewTask {
		item_count: data.items.len() as u32,
		class_count: data.class_count(),
		min_redundancy,
		redundancy: plan.redundancy,
		gold_commitments: gold_commitments(data, plan)?,
	};
	let task_id = chain.create_task(&task).await?;
	let (labels_per_round, rounds_per_block, items_per_group) = match policy.pace {
		Pace::OneByOne { labels_per_block } => (1, Some(labels_per_block.max(1) as usize), 1),
		Pace::Rounds { labels_per_round } => (labels_per_round.max(1), None, usize::MAX),
	};
	let mut driver = Driver {
		chain,
		task: task_id,
		data,
		plan,
		experts: policy.experts,
		items_per_group,
		committed: vec![Vec::new(); data.items.len()],
		revealed: vec![0; data.items.len()],
		places: vec![min_redundancy; data.items.len()],
		seen: vec![0; data.items.len()],
		waiting: vec![std::collections::VecDeque::new(); data.items.len()],
		closed: vec![false; data.items.len()],
		short: Vec::new(),
		exhausted: Vec::new(),
		appealable: Vec::new(),
		disputed: vec![false; data.items.len()],
	};
	for (round, rows) in plan.order.chunks(labels_per_round).enumerate() {
		driver.commit_round(rows).await?;
		if rounds_per_block.is_some_and(|rounds| (round + 1).is_multiple_of(rounds)) {
			driver.chain.next_block().await?;
		}
		driver.step_time().await?;
		driver.chain.round_done(round + 1);
	}
	driver.reveal_short_items().await?;
	while driver.busy() {
		driver.chain.next_block().await?;
		driver.step_time().await?;
	}
	driver.finish().await
}

/// The replay's state: where each item stands.
struct Driver<'a, C> {
	chain: &'a mut C,
	/// The replay's task.
	task: u32,
	data: &'a Dataset,
	plan: &'a Plan,
	experts: bool,
	/// Items whose reveal opens at the same time go together in groups this big.
	items_per_group: usize,
	/// Each item's commits so far: (worker, label), in commit order.
	committed: Vec<Vec<(u32, u16)>>,
	/// How many of each item's commits are revealed.
	revealed: Vec<usize>,
	/// The places each item's present round has: `r_min`, then one more
	/// than its commits each time the chain asks for more.
	places: Vec<u32>,
	/// How many of each item's labels in the stream came so far.
	seen: Vec<u32>,
	/// Labels that came while their item's round was full, for its next one.
	waiting: Vec<std::collections::VecDeque<Row>>,
	/// Items that take no more labels (accepted, disputed or settled).
	closed: Vec<bool>,
	/// Items with all their labels but fewer than their first round asks,
	/// waiting for the task to stop taking work.
	short: Vec<u32>,
	/// Items the chain asked more labels for after the stream had no more:
	/// tallied for the last time once the task stops taking work.
	exhausted: Vec<u32>,
	/// Accepted items waiting out their appeal window: (item, its last block).
	appealable: Vec<(u32, u32)>,
	disputed: Vec<bool>,
}

impl<C: Chain> Driver<'_, C> {
	/// Commits a round of labels: each to its item if its round has a place,
	/// kept for its next round if not, dropped if it takes no more labels.
	/// Items whose round the labels complete are revealed; short ones wait
	/// for the end of labeling.
	async fn commit_round(&mut self, rows: &[Row]) -> anyhow::Result<()> {
		let mut commits = Vec::with_capacity(rows.len());
		for row in rows {
			let item = row.item as usize;
			self.seen[item] += 1;
			if self.closed[item] {
				continue;
			}
			if (self.committed[item].len() as u32) < self.places[item] {
				commits.push(self.seal(row));
			} else {
				self.waiting[item].push_back(*row);
			}
		}
		self.chain.commit(&commits).await?;
		let items: BTreeSet<u32> = commits.iter().map(|commit| commit.item).collect();
		let mut complete = Vec::new();
		for item in items {
			if self.committed[item as usize].len() as u32 == self.places[item as usize] {
				complete.push(item);
			} else if self.seen[item as usize] == self.plan.expected[item as usize] {
				self.short.push(item);
			}
		}
		self.reveal(&complete).await
	}

	/// The commit of `row`'s label, counted among its item's commits.
	fn seal(&mut self, row: &Row) -> Commit {
		let hash =
			label_commitment(self.task, row.item, row.label, &salt(row.worker, row.item), &self.chain.account(row.worker));
		self.committed[row.item as usize].push((row.worker, row.label));
		Commit { worker: row.worker, item: row.item, hash: hash.0 }
	}

	/// Every committer of `items` not revealed yet reveals, in commit order,
	/// item by item; the last reveal tallies each item, which then goes on
	/// as `after_tally` says; items that take another label and have one
	/// waiting commit it and are revealed again, until none do.
	async fn reveal(&mut self, items: &[u32]) -> anyhow::Result<()> {
		let mut items = items.to_vec();
		while !items.is_empty() {
			let mut reveals = Vec::new();
			for item in &items {
				let index = *item as usize;
				for (worker, label) in &self.committed[index][self.revealed[index]..] {
					reveals.push(Reveal { worker: *worker, item: *item, label: *label, salt: salt(*worker, *item) });
				}
				self.revealed[index] = self.committed[index].len();
			}
			self.chain.reveal(&reveals).await?;
			let more = self.after_tally(&items).await?;
			items = self.commit_waiting(&more).await?;
		}
		Ok(())
	}

	/// Each of `items` the chain asked one more label for takes the next one
	/// that came for it, if any; returns those that did (their round is
	/// complete). One with none waiting takes the next that comes, or, if
	/// the stream has no more for it, waits for the end of labeling.
	async fn commit_waiting(&mut self, items: &[u32]) -> anyhow::Result<Vec<u32>> {
		let mut commits = Vec::new();
		let mut complete = Vec::new();
		for item in items {
			let index = *item as usize;
			match self.waiting[index].pop_front() {
				Some(row) => {
					commits.push(self.seal(&row));
					complete.push(*item);
				},
				None if self.seen[index] == self.plan.expected[index] => self.exhausted.push(*item),
				None => {},
			}
		}
		if !commits.is_empty() {
			self.chain.commit(&commits).await?;
		}
		Ok(complete)
	}

	/// Gold is revealed by the requester (the answer is then the item's label
	/// in an appeal window of its own, which it waits out); a disputed item
	/// is settled by the expert with the truth (or its top-weighted label);
	/// an accepted one waits out its appeal window; one the chain is not
	/// sure of has one more place. Returns those.
	async fn after_tally(&mut self, items: &[u32]) -> anyhow::Result<Vec<u32>> {
		let phases = self.chain.tallied(items).await?;
		let (mut gold, mut disputes, mut more) = (Vec::new(), Vec::new(), Vec::new());
		for (item, phase) in items.iter().copied().zip(phases) {
			// A gold item takes every label the file gives it, so that as
			// many annotators as possible are scored on it; once it has
			// them all, its answer is revealed at once rather than waiting
			// for the end of labeling for labels that will not come.
			let gold_done = self.plan.gold.contains_key(&item) &&
				self.committed[item as usize].len() as u32 >= self.plan.expected[item as usize];
			if matches!(phase, Tallied::MoreWanted) && !gold_done {
				self.places[item as usize] = self.committed[item as usize].len() as u32 + 1;
				more.push(item);
				continue;
			}
			self.closed[item as usize] = true;
			self.waiting[item as usize].clear();
			self.disputed[item as usize] = matches!(phase, Tallied::Disputed);
			if let Some(index) = self.plan.gold.get(&item) {
				let answer = self.data.truth[item as usize].context("gold has a true answer")?;
				gold.push(GoldReveal { item, gold_index: *index, answer, salt: gold_salt(item) });
				continue;
			}
			match phase {
				Tallied::Accepted { appeal_ends_at } => self.appealable.push((item, appeal_ends_at)),
				Tallied::Disputed => {
					let label = match self.data.truth[item as usize].filter(|_| self.experts) {
						Some(truth) => truth,
						None => self.top_weighted_label(item).await?,
					};
					disputes.push((item, label));
				},
				Tallied::MoreWanted => unreachable!("handled above"),
				Tallied::Other(phase) => bail!("item {item} is {phase} after its last reveal"),
			}
		}
		if gold.is_empty() && disputes.is_empty() {
			return Ok(more);
		}
		self.chain.settle(&gold, &disputes).await?;
		let gold_items: Vec<u32> = gold.iter().map(|gold| gold.item).collect();
		for (item, phase) in gold_items.iter().copied().zip(self.chain.tallied(&gold_items).await?) {
			match phase {
				Tallied::Accepted { appeal_ends_at } => self.appealable.push((item, appeal_ends_at)),
				other => bail!("item {item} is {other:?} after its gold answer"),
			}
		}
		Ok(more)
	}

	/// The label with the most vote weight now, as the chain's tally weighs
	/// it; ties (at parts-per-billion shares) go to the lower label.
	async fn top_weighted_label(&mut self, item: u32) -> anyhow::Result<u16> {
		let tally = self.chain.tally(item).await?;
		top_weighted(tally).with_context(|| format!("item {item} is disputed with nothing revealed"))
	}

	/// Once every label is committed: the requester stops the task taking
	/// work, and the items short of the redundancy open their reveal (in
	/// stream order of their completion) and are revealed.
	/// Items the chain asked more labels for that never came are tallied
	/// for the last time then (and disputed).
	async fn reveal_short_items(&mut self) -> anyhow::Result<()> {
		if self.short.is_empty() && self.exhausted.is_empty() {
			return Ok(());
		}
		self.chain.stop_labeling().await?;
		let short = core::mem::take(&mut self.short);
		for group in short.chunks(self.items_per_group) {
			self.chain.finalize(group).await?;
			self.reveal(group).await?;
		}
		let exhausted = core::mem::take(&mut self.exhausted);
		for group in exhausted.chunks(self.items_per_group) {
			self.chain.finalize(group).await?;
			let more = self.after_tally(group).await?;
			anyhow::ensure!(more.is_empty(), "items {more:?} asked for more labels after labeling stopped");
		}
		Ok(())
	}

	/// Whether anything is still waiting for time to pass.
	fn busy(&self) -> bool {
		!self.appealable.is_empty()
	}

	/// Settles the accepted items whose appeal window has ended by the block
	/// the next calls land in.
	async fn step_time(&mut self) -> anyhow::Result<()> {
		if !self.busy() {
			return Ok(());
		}
		let at = self.chain.block().await? + C::CALLS_LAND_AFTER;
		let (settle, appealable): (Vec<_>, Vec<_>) = self.appealable.drain(..).partition(|(_, ends)| *ends < at);
		self.appealable = appealable;
		let settle: Vec<u32> = settle.into_iter().map(|(item, _)| item).collect();
		if !settle.is_empty() {
			self.chain.finalize(&settle).await?;
		}
		Ok(())
	}

	/// The outcome, once every item settled.
	async fn finish(self) -> anyhow::Result<Outcome> {
		let plan = self.plan;
		let decided = self.chain.settled().await?;
		let items = (0u32..)
			.zip(decided)
			.map(|(item, (label, decided_by))| ItemResult {
				label,
				decided_by,
				gold: plan.gold.contains_key(&item),
				disputed: self.disputed[item as usize],
			})
			.collect();
		let net_earnings = self.chain.net_earnings().await?;
		let used = (0u32..)
			.zip(&self.committed)
			.flat_map(|(item, labels)| labels.iter().map(move |(worker, label)| Row { item, worker: *worker, label: *label }))
			.collect();
		Ok(Outcome {
			items,
			net_earnings,
			spammers: plan.spammers,
			rows: plan.order.clone(),
			used,
			redundancy: plan.redundancy,
			over_redundancy: plan.over_redundancy,
			gold_bound: plan.gold_bound,
		})
	}
}

#[cfg(test)]
mod tests {
	use std::collections::BTreeMap;

	use super::*;

	/// A chain that logs the driver's calls and tallies by head count: an
	/// item whose labels all agree is accepted (its appeal window ending two
	/// blocks on), any other asks for one more label while it has fewer
	/// than the task's most and the task takes work, and is disputed if
	/// not.
	#[derive(Default)]
	struct Logged {
		block: u32,
		log: Vec<String>,
		revealed: BTreeMap<u32, Vec<u16>>,
		accepted: BTreeMap<u32, u16>,
		/// Items whose gold answer is their label, in its appeal window.
		gold: BTreeMap<u32, u16>,
		settled: BTreeMap<u32, (u16, DecidedBy)>,
		item_count: u32,
		most_labels: usize,
		stopped: bool,
	}

	impl Logged {
		fn note(&mut self, what: String) {
			self.log.push(format!("{}: {what}", self.block));
		}
	}

	impl Chain for Logged {
		const CALLS_LAND_AFTER: u32 = 0;

		fn account(&self, worker: u32) -> [u8; 32] {
			[worker as u8; 32]
		}

		async fn create_task(&mut self, task: &NewTask) -> anyhow::Result<u32> {
			self.item_count = task.item_count;
			self.most_labels = task.redundancy as usize;
			self.note(format!("task of r = {} with {} gold", task.redundancy, task.gold_commitments.len()));
			Ok(0)
		}

		async fn stop_labeling(&mut self) -> anyhow::Result<()> {
			self.note("labeling stopped".into());
			self.stopped = true;
			Ok(())
		}

		async fn commit(&mut self, commits: &[Commit]) -> anyhow::Result<()> {
			for commit in commits {
				let expected = label_commitment(0, commit.item, 0, &salt(commit.worker, commit.item), &[commit.worker as u8; 32]);
				let label = if expected.0 == commit.hash { 0 } else { 1 };
				self.note(format!("commit {} by {} (sealing {label})", commit.item, commit.worker));
			}
			Ok(())
		}

		async fn reveal(&mut self, reveals: &[Reveal]) -> anyhow::Result<()> {
			for reveal in reveals {
				assert_eq!(reveal.salt, salt(reveal.worker, reveal.item));
				self.revealed.entry(reveal.item).or_default().push(reveal.label);
			}
			let items: BTreeSet<u32> = reveals.iter().map(|reveal| reveal.item).collect();
			self.note(format!("reveal {items:?}"));
			Ok(())
		}

		async fn tallied(&mut self, items: &[u32]) -> anyhow::Result<Vec<Tallied>> {
			let mut tallied = Vec::new();
			for item in items {
				if self.gold.contains_key(item) {
					tallied.push(Tallied::Accepted { appeal_ends_at: self.block + 2 });
					continue;
				}
				let labels = &self.revealed[item];
				tallied.push(if labels.iter().all(|label| *label == labels[0]) {
					self.accepted.insert(*item, labels[0]);
					Tallied::Accepted { appeal_ends_at: self.block + 2 }
				} else if labels.len() < self.most_labels && !self.stopped {
					Tallied::MoreWanted
				} else {
					Tallied::Disputed
				});
			}
			Ok(tallied)
		}

		async fn tally(&mut self, item: u32) -> anyhow::Result<Vec<(u16, u32)>> {
			let labels = &self.revealed[&item];
			let share = |label: u16| (labels.iter().filter(|given| **given == label).count() * 1_000_000_000 / labels.len()) as u32;
			Ok([0, 1].into_iter().map(|label| (label, share(label))).collect())
		}

		async fn settle(&mut self, gold: &[GoldReveal], disputes: &[(u32, u16)]) -> anyhow::Result<()> {
			for gold in gold {
				assert_eq!(gold.salt, gold_salt(gold.item));
				self.accepted.remove(&gold.item);
				self.gold.insert(gold.item, gold.answer);
				self.note(format!("gold {} is {}", gold.item, gold.answer));
			}
			for (item, label) in disputes {
				self.settled.insert(*item, (*label, DecidedBy::Expert));
				self.note(format!("dispute {item} settled with {label}"));
			}
			Ok(())
		}

		async fn finalize(&mut self, items: &[u32]) -> anyhow::Result<()> {
			for item in items {
				if let Some(answer) = self.gold.remove(item) {
					self.settled.insert(*item, (answer, DecidedBy::Gold));
					continue;
				}
				match self.accepted.remove(item) {
					Some(label) => {
						self.settled.insert(*item, (label, DecidedBy::Crowd));
					},
					// Once labeling stopped, an item waiting for more labels
					// is tallied for the last time.
					None => assert!(self.stopped || !self.revealed.contains_key(item), "item {item} is finalized twice"),
				}
			}
			self.note(format!("finalize {items:?}"));
			Ok(())
		}

		async fn block(&mut self) -> anyhow::Result<u32> {
			Ok(self.block)
		}

		async fn next_block(&mut self) -> anyhow::Result<()> {
			self.block += 1;
			Ok(())
		}

		async fn settled(&mut self) -> anyhow::Result<Vec<(u16, DecidedBy)>> {
			(0..self.item_count).map(|item| self.settled.get(&item).copied().context("unsettled")).collect()
		}

		async fn net_earnings(&mut self) -> anyhow::Result<Vec<f64>> {
			Ok(vec![1.5; 3])
		}
	}

	fn row(item: u32, worker: u32, label: u16) -> Row {
		Row { item, worker, label }
	}

	/// Item 0 is gold, 1 is split, 2 agrees and 3 is a label short.
	fn data() -> Dataset {
		Dataset {
			name: "four".into(),
			items: ["a", "b", "c", "d"].map(String::from).to_vec(),
			workers: ["w0", "w1", "w2"].map(String::from).to_vec(),
			classes: vec!["0".into(), "1".into()],
			rows: vec![
				row(0, 0, 1),
				row(0, 1, 1),
				row(0, 2, 0),
				row(1, 0, 0),
				row(1, 1, 1),
				row(1, 2, 1),
				row(2, 0, 1),
				row(2, 1, 1),
				row(2, 2, 1),
				row(3, 0, 0),
				row(3, 1, 0),
			],
			truth: vec![Some(1), Some(0), Some(1), Some(0)],
			repeated_labels: 0,
			blank_labels: 0,
		}
	}

	fn replay(policy: Policy) -> (Outcome, Vec<String>) {
		let data = data();
		let mut plan = Plan::new(&data, 0.0, 0.0, false, 1, 8).unwrap();
		plan.gold.insert(0, 0);
		let mut chain = Logged::default();
		let outcome = ready(run(&mut chain, &data, &plan, policy)).unwrap();
		(outcome, chain.log)
	}

	#[test]
	fn one_by_one_each_item_goes_on_as_soon_as_it_can() {
		let (outcome, log) =
			replay(Policy { experts: true, pace: Pace::OneByOne { labels_per_block: 4 }, min_redundancy: None });
		let expected = [
			"0: task of r = 3 with 1 gold",
			"0: commit 0 by 0 (sealing 1)",
			"0: commit 0 by 1 (sealing 1)",
			"0: commit 0 by 2 (sealing 0)",
			"0: reveal {0}",
			"0: gold 0 is 1",
			"0: commit 1 by 0 (sealing 0)",
			"1: commit 1 by 1 (sealing 1)",
			"1: commit 1 by 2 (sealing 1)",
			"1: reveal {1}",
			"1: dispute 1 settled with 0",
			"1: commit 2 by 0 (sealing 1)",
			"1: commit 2 by 1 (sealing 1)",
			"2: commit 2 by 2 (sealing 1)",
			"2: reveal {2}",
			// The short item waits for the end of labeling: once every label
			// is in, the requester stops the task and its reveal opens.
			"2: commit 3 by 0 (sealing 0)",
			"2: commit 3 by 1 (sealing 0)",
			"2: labeling stopped",
			"2: finalize [3]",
			"2: reveal {3}",
			// Item 0's gold answer, revealed at block 0, had its appeal
			// window to block 2.
			"3: finalize [0]",
			// Accepted at block 2, items 2 and 3's appeal windows end at 4.
			"5: finalize [2, 3]",
		];
		assert_eq!(log, expected);
		let decided: Vec<(u16, DecidedBy)> = outcome.items.iter().map(|item| (item.label, item.decided_by)).collect();
		assert_eq!(decided, [(1, DecidedBy::Gold), (0, DecidedBy::Expert), (1, DecidedBy::Crowd), (0, DecidedBy::Crowd)]);
		let flags: Vec<(bool, bool)> = outcome.items.iter().map(|item| (item.gold, item.disputed)).collect();
		assert_eq!(flags, [(true, true), (false, true), (false, false), (false, false)]);
		assert_eq!(outcome.net_earnings, [1.5; 3]);
	}

	#[test]
	fn in_rounds_a_rounds_items_go_together_and_without_experts_the_tally_decides() {
		let (outcome, log) =
			replay(Policy { experts: false, pace: Pace::Rounds { labels_per_round: 6 }, min_redundancy: None });
		let first_round = [
			"0: task of r = 3 with 1 gold",
			"0: commit 0 by 0 (sealing 1)",
			"0: commit 0 by 1 (sealing 1)",
			"0: commit 0 by 2 (sealing 0)",
			"0: commit 1 by 0 (sealing 0)",
			"0: commit 1 by 1 (sealing 1)",
			"0: commit 1 by 2 (sealing 1)",
			"0: reveal {0, 1}",
			"0: gold 0 is 1",
			// Without experts: the top-weighted label, not the truth (0).
			"0: dispute 1 settled with 1",
			"0: commit 2 by 0 (sealing 1)",
		];
		assert_eq!(log[..first_round.len()], first_round);
		assert_eq!(outcome.items[1].label, 1);
		assert_eq!(outcome.items.iter().filter(|item| item.decided_by == DecidedBy::Crowd).count(), 2);
	}

	#[test]
	fn adaptive_an_item_takes_labels_until_the_chain_is_sure_and_drops_the_rest() {
		let (outcome, log) =
			replay(Policy { experts: true, pace: Pace::OneByOne { labels_per_block: 4 }, min_redundancy: Some(2) });
		let expected = [
			"0: task of r = 3 with 1 gold",
			// Gold item 0: its first two agree, so it is accepted and its
			// answer revealed; its third label is dropped.
			"0: commit 0 by 0 (sealing 1)",
			"0: commit 0 by 1 (sealing 1)",
			"0: reveal {0}",
			"0: gold 0 is 1",
			// Item 1 is split at two and takes its third label, still split:
			// at its most labels, it goes to the expert.
			"0: commit 1 by 0 (sealing 0)",
			"1: commit 1 by 1 (sealing 1)",
			"1: reveal {1}",
			"1: commit 1 by 2 (sealing 1)",
			"1: reveal {1}",
			"1: dispute 1 settled with 0",
			// Item 2 agrees at two; its third label is dropped.
			"1: commit 2 by 0 (sealing 1)",
			"1: commit 2 by 1 (sealing 1)",
			"1: reveal {2}",
			"2: commit 3 by 0 (sealing 0)",
			"2: commit 3 by 1 (sealing 0)",
			"2: reveal {3}",
			"3: finalize [0]",
			"4: finalize [2]",
			"5: finalize [3]",
		];
		assert_eq!(log, expected);
		assert_eq!((outcome.used.len(), outcome.rows.len()), (9, 11));
		let decided: Vec<(u16, DecidedBy)> = outcome.items.iter().map(|item| (item.label, item.decided_by)).collect();
		assert_eq!(decided, [(1, DecidedBy::Gold), (0, DecidedBy::Expert), (1, DecidedBy::Crowd), (0, DecidedBy::Crowd)]);
	}

	#[test]
	fn adaptive_an_item_asking_for_labels_the_file_lacks_is_tallied_when_labeling_stops() {
		let mut data = data();
		// Item 3's two labels disagree, and the file has no third.
		data.rows[10] = row(3, 1, 1);
		let mut plan = Plan::new(&data, 0.0, 0.0, false, 1, 8).unwrap();
		plan.gold.insert(0, 0);
		let mut chain = Logged::default();
		let policy = Policy { experts: true, pace: Pace::OneByOne { labels_per_block: 4 }, min_redundancy: Some(2) };
		let outcome = ready(run(&mut chain, &data, &plan, policy)).unwrap();
		let tail: Vec<&str> = chain.log.iter().map(String::as_str).skip_while(|line| !line.ends_with("labeling stopped")).collect();
		assert_eq!(tail[..3], ["2: labeling stopped", "2: finalize [3]", "2: dispute 3 settled with 0"]);
		assert_eq!(outcome.items[3].decided_by, DecidedBy::Expert);
	}
}
