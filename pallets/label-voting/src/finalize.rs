//! Moving one item on in time, as its [`DueStep`] says: the step
//! `finalize_item` and `finalize_items` share.

use frame_support::pallet_prelude::*;
use labelchain_primitives::task::{ItemIndex, TaskId};

use crate::{
	settlement::Settlement, Config, Decision, DueStep, Error, Items, Pallet, TermsOf,
};

impl<T: Config> Pallet<T> {
	/// Moves `item` on as its [`DueStep`] at this block says: tallies it once
	/// its reveal window has ended; settles it (into `settlement`) once its
	/// appeal window has ended; drops its expired claims; opens its reveal
	/// window once no live claim is left and a claim expired or the task
	/// takes no more work. Returns the item's redundancy.
	pub(crate) fn finalize_one(
		task: TaskId,
		item: ItemIndex,
		terms: &TermsOf<T>,
		settlement: &mut Settlement<T>,
	) -> Result<u32, DispatchError> {
		let now = frame_system::Pallet::<T>::block_number();
		let mut state = Items::<T>::get(task, item).ok_or(Error::<T>::UnknownItem)?;
		let redundancy = Self::redundancy_of(&state);
		match state.due_step(now, terms.accepts_work(now))? {
			DueStep::Tally => Self::tally(task, item, state, terms, &mut settlement.quality),
			DueStep::Settle { label, agreement } =>
				Self::settle(task, item, state, label, Decision::Crowd, agreement, settlement),
			step @ (DueStep::Forget | DueStep::OpenReveal | DueStep::DropExpiredClaims) => {
				Self::drop_expired_claims(task, item, &mut state, terms);
				match step {
					DueStep::Forget => Items::<T>::remove(task, item),
					DueStep::OpenReveal => {
						Self::open_reveal(task, item, &mut state);
						Items::<T>::insert(task, item, state);
					},
					_ => Items::<T>::insert(task, item, state),
				}
			},
		}
		Ok(redundancy)
	}
}
