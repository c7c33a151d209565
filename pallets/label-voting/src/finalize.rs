//! Moving one item on in time, as its [`DueStep`] says: the step
//! `finalize_item`, `finalize_items` and the agenda share.

use frame_support::pallet_prelude::*;
use labelchain_primitives::task::{ItemIndex, TaskId};

use crate::{
	settlement::Settlement, Config, DueStep, Error, Event, ItemPhase, Items, Pallet, TermsOf,
	WeightInfo,
};

impl<T: Config> Pallet<T> {
	/// Moves `item` on as its [`DueStep`] at this block says: tallies it once
	/// its reveal window has ended; settles it (into `settlement`) once its
	/// appeal window has ended; settles a dispute or an appeal no expert
	/// decided in time; drops its expired claims (all of them once the task
	/// takes no more work); once the task takes no more work, opens the
	/// reveal window of an item short of its first round, and tallies again
	/// (for the last time) one that was waiting for more labels. Returns
	/// the item's redundancy and the step taken.
	pub(crate) fn finalize_one(
		task: TaskId,
		item: ItemIndex,
		terms: &TermsOf<T>,
		settlement: &mut Settlement<T>,
	) -> Result<(u32, DueStep), DispatchError> {
		let now = frame_system::Pallet::<T>::block_number();
		let mut state = Items::<T>::get(task, item).ok_or(Error::<T>::UnknownItem)?;
		let redundancy = Self::redundancy_of(&state);
		let accepts_work = terms.accepts_work(now);
		let step = state.due_step(now, accepts_work)?;
		match step {
			DueStep::Tally => Self::tally(task, item, state, terms, &mut settlement.quality),
			DueStep::Settle { label, confidence, decided_by } => {
				let (label, confidence) = Self::settled_label(task, &state, terms, label, confidence, decided_by);
				Self::settle(task, item, state, terms, label, decided_by, confidence, None, settlement)
			},
			DueStep::DisputeTimedOut => Self::settle_by_fallback(task, item, state, terms, settlement),
			DueStep::AppealTimedOut { label, confidence, decided_by } => {
				if let ItemPhase::Appealed { appellant, .. } = &state.phase {
					Self::return_appeal_bond(appellant)?;
				}
				Self::deposit_event(Event::AppealTimedOut { task, item });
				let (label, confidence) = Self::settled_label(task, &state, terms, label, confidence, decided_by);
				Self::settle(task, item, state, terms, label, decided_by, confidence, None, settlement)
			},
			step @ (DueStep::Forget | DueStep::OpenReveal | DueStep::DropExpiredClaims) => {
				Self::drop_expired_claims(task, item, &mut state, terms);
				if !accepts_work {
					Self::release_claims(task, item, &mut state);
				}
				match step {
					DueStep::Forget => Self::remove_item(task, item, &state),
					// Its rounds were tallied; no more labels can come.
					DueStep::OpenReveal if terms.round_complete(state.commits.len() as u32) =>
						Self::tally(task, item, state, terms, &mut settlement.quality),
					DueStep::OpenReveal => {
						Self::open_reveal(task, item, &mut state);
						Self::store_item(task, item, state, terms);
					},
					_ => Self::store_item(task, item, state, terms),
				}
			},
		}
		Ok((redundancy, step))
	}

	/// The label an item settles with once nothing can change it: a crowd
	/// decision is re-derived from the posterior now (see
	/// `crowd_label_now`); gold's and an expert's stand.
	fn settled_label(
		task: TaskId,
		state: &crate::ItemState<T>,
		terms: &TermsOf<T>,
		label: crate::Label,
		confidence: sp_runtime::Perbill,
		decided_by: crate::Decision,
	) -> (crate::Label, sp_runtime::Perbill) {
		if decided_by == crate::Decision::Crowd {
			Self::crowd_label_now(task, state, terms, label)
		} else {
			(label, confidence)
		}
	}

	/// What moving an item of `redundancy` on by `step` weighs: an expert
	/// timeout (a bond returned, a refund, perhaps the task closed) and the
	/// dropping of expired claims (each slashed) are measured apart from the
	/// settlement `finalize_item`'s benchmark takes.
	pub(crate) fn finalize_weight(step: DueStep, redundancy: u32) -> Weight {
		if step.is_expert_timeout() {
			T::WeightInfo::agenda_entry(redundancy)
		} else if step.is_labeling_step() {
			T::WeightInfo::agenda_expired_claims(redundancy).max(T::WeightInfo::finalize_item(redundancy))
		} else {
			T::WeightInfo::finalize_item(redundancy)
		}
	}

	/// The most `finalize_item` can weigh on an item of `redundancy`.
	pub fn finalize_item_weight(redundancy: u32) -> Weight {
		T::WeightInfo::finalize_item(redundancy).max(Self::agenda_entry_weight(redundancy))
	}
}
