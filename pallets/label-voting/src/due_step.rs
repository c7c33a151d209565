//! What can happen to an item at a given block without anyone's label or
//! decision: the one rule behind `finalize_item`, the batch `finalize_items`,
//! the per-block agenda and the runtime API's `finalizable_items`, so that a
//! client asks the chain instead of keeping a copy of the rule. Its partner,
//! [`ItemState::agenda_block`], says when that next happens.

use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::Perbill;

use crate::{Config, Decision, Error, ItemPhase, ItemState, Label, TermsOf};

/// The step time allows on an item.
#[derive(Clone, Copy, Eq, PartialEq, Debug)]
pub enum DueStep {
	/// The reveal window has ended: count the revealed labels.
	Tally,
	/// The appeal window of the item's `label` (the crowd's, or the gold
	/// answer: `decided_by`) has ended: settle and pay.
	Settle { label: Label, confidence: Perbill, decided_by: Decision },
	/// No expert decided the dispute in time: settle by the fallback rule,
	/// or leave the item unresolved.
	DisputeTimedOut,
	/// No expert decided the appeal in time: return the bond and settle with
	/// the `label` appealed (the crowd's or the gold answer: `decided_by`).
	AppealTimedOut { label: Label, confidence: Perbill, decided_by: Decision },
	/// The task takes no more work (deadline or cancel) and commits are
	/// waiting: open the reveal window of an item short of its first round
	/// with the commits it has, or tally for the last time one that was
	/// waiting for more labels. (While the task takes work, a short item
	/// waits for more annotators: an expired claim frees its place, it never
	/// shortens the item.)
	OpenReveal,
	/// Some claims have expired (each is slashed and frees its place for
	/// another annotator), or the task takes no more work, so no claim can
	/// become a commit; the item keeps its commits.
	DropExpiredClaims,
	/// Nothing is left on the item (its claims expired without commits):
	/// forget it, so it is untouched again.
	Forget,
}

impl DueStep {
	/// Whether this step settles a dispute or an appeal no expert decided in
	/// time (weighed by the agenda entry's benchmark, which times one out).
	pub fn is_expert_timeout(&self) -> bool {
		matches!(self, DueStep::DisputeTimedOut | DueStep::AppealTimedOut { .. })
	}

	/// Whether this step acts on an item still taking labels: it drops the
	/// expired claims (weighed by their own benchmark), and perhaps opens the
	/// reveal or forgets the item.
	pub fn is_labeling_step(&self) -> bool {
		matches!(self, DueStep::OpenReveal | DueStep::DropExpiredClaims | DueStep::Forget)
	}
}

impl<T: Config> ItemState<T> {
	/// The step due on this item at block `now`, given whether its task takes
	/// work then; or the error `finalize_item` reports when nothing is due.
	pub fn due_step(
		&self,
		now: BlockNumberFor<T>,
		task_accepts_work: bool,
	) -> Result<DueStep, Error<T>> {
		match self.phase {
			ItemPhase::Revealing { ends_at } =>
				if now > ends_at {
					Ok(DueStep::Tally)
				} else {
					Err(Error::<T>::RevealWindowOpen)
				},
			ItemPhase::Accepted { label, confidence, appeal_ends_at } =>
				if now > appeal_ends_at {
					Ok(DueStep::Settle { label, confidence, decided_by: self.standing_decision() })
				} else {
					Err(Error::<T>::AppealWindowOpen)
				},
			ItemPhase::Disputed { times_out_at } =>
				if now > times_out_at {
					Ok(DueStep::DisputeTimedOut)
				} else {
					Err(Error::<T>::AwaitingExpert)
				},
			ItemPhase::Appealed { label, confidence, times_out_at, .. } =>
				if now > times_out_at {
					Ok(DueStep::AppealTimedOut { label, confidence, decided_by: self.standing_decision() })
				} else {
					Err(Error::<T>::AwaitingExpert)
				},
			ItemPhase::Labeling => {
				// A claim becomes a commit only while the task takes work.
				let unusable = if task_accepts_work {
					self.claims.iter().filter(|claim| !claim.live_at(now)).count()
				} else {
					self.claims.len()
				};
				let live_claims = self.claims.len().saturating_sub(unusable);
				if live_claims == 0 && self.commits.is_empty() {
					Ok(DueStep::Forget)
				} else if live_claims == 0 && !task_accepts_work {
					Ok(DueStep::OpenReveal)
				} else if unusable > 0 {
					Ok(DueStep::DropExpiredClaims)
				} else {
					Err(Error::<T>::NothingToFinalize)
				}
			},
		}
	}

	/// The block the agenda next looks at this item in, seen from block
	/// `now`: the block after the last one its present phase allows (reveal
	/// window, appeal window, expert timeout; while labeling, the first
	/// claim's expiry or the task's deadline, whichever comes first), and
	/// never before `now + 1`. A step becomes due then, or (if the deadline
	/// moved) the agenda looks again later.
	pub fn agenda_block(&self, now: BlockNumberFor<T>, terms: &TermsOf<T>) -> BlockNumberFor<T> {
		let last_quiet_block = match self.phase {
			ItemPhase::Revealing { ends_at } => ends_at,
			ItemPhase::Accepted { appeal_ends_at, .. } => appeal_ends_at,
			ItemPhase::Disputed { times_out_at } | ItemPhase::Appealed { times_out_at, .. } =>
				times_out_at,
			// A cancelled task's items take no more labels: due at once.
			ItemPhase::Labeling if !terms.accepts_work(now) => now,
			ItemPhase::Labeling => self
				.claims
				.iter()
				.map(|claim| claim.expires_at)
				.fold(terms.deadline, |first, expiry| first.min(expiry)),
		};
		labelchain_agenda::due_block(last_quiet_block, now)
	}
}
