//! What can happen to an item at a given block without anyone's label or
//! decision: the one rule behind `finalize_item`, the batch `finalize_items`
//! and the runtime API's `finalizable_items`, so that a client asks the chain
//! instead of keeping a copy of the rule.

use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::Perbill;

use crate::{Config, Error, ItemPhase, ItemState, Label};

/// The step time allows on an item.
#[derive(Clone, Copy, Eq, PartialEq, Debug)]
pub enum DueStep {
	/// The reveal window has ended: count the revealed labels.
	Tally,
	/// The appeal window of the crowd's `label` has ended: settle and pay.
	Settle { label: Label, agreement: Perbill },
	/// No live claim is left, commits are waiting and no more labels will
	/// come (a claim on the item expired, or the task takes no more work):
	/// open the reveal window with the commits it has.
	OpenReveal,
	/// Some claims have expired; the item keeps taking labels.
	DropExpiredClaims,
	/// Nothing is left on the item (its claims expired without commits):
	/// forget it, so it is untouched again.
	Forget,
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
			ItemPhase::Accepted { label, agreement, appeal_ends_at } =>
				if now > appeal_ends_at {
					Ok(DueStep::Settle { label, agreement })
				} else {
					Err(Error::<T>::AppealWindowOpen)
				},
			ItemPhase::Labeling => {
				let expired = self.claims.iter().filter(|claim| !claim.live_at(now)).count();
				let live_claims = self.claims.len().saturating_sub(expired);
				let no_more_labels = self.had_expired_claim || expired > 0 || !task_accepts_work;
				if live_claims == 0 && self.commits.is_empty() {
					Ok(DueStep::Forget)
				} else if live_claims == 0 && no_more_labels {
					Ok(DueStep::OpenReveal)
				} else if expired > 0 {
					Ok(DueStep::DropExpiredClaims)
				} else {
					Err(Error::<T>::NothingToFinalize)
				}
			},
			ItemPhase::Disputed | ItemPhase::Appealed { .. } => Err(Error::<T>::NothingToFinalize),
		}
	}
}
