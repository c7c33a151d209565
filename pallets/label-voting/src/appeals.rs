//! Who may decide an item, and where an appeal's bond goes: back to an
//! appellant who was right, to the annotators whose label stood when the
//! appellant was wrong. Nobody who took part in an item judges it, and no
//! bond is ever paid to the party that lost it or to the expert who judged.

use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Restriction},
	},
};
use labelchain_primitives::{shares::share_out, task::TaskId, traits::TaskEscrow};

use crate::{Config, Error, HoldReason, ItemPhase, ItemState, Label, Pallet, TermsOf};

impl<T: Config> Pallet<T> {
	/// Whether `expert` may decide this item: not if they requested its task,
	/// claimed or labeled it, or lodged its appeal. An expert judging their
	/// own label, appeal or task would be paid for agreeing with themselves.
	pub(crate) fn ensure_impartial(
		expert: &T::AccountId,
		state: &ItemState<T>,
		terms: &TermsOf<T>,
	) -> Result<(), Error<T>> {
		let appellant = match &state.phase {
			ItemPhase::Appealed { appellant, .. } => Some(appellant),
			_ => None,
		};
		ensure!(
			expert != &terms.requester && !state.involves(expert) && appellant != Some(expert),
			Error::<T>::ExpertInvolved
		);
		Ok(())
	}

	pub(crate) fn return_appeal_bond(appellant: &T::AccountId) -> DispatchResult {
		T::Currency::release(
			&HoldReason::AppealBond.into(),
			appellant,
			T::AppealBond::get(),
			Precision::Exact,
		)?;
		Ok(())
	}

	/// A rejected appeal's bond, shared equally by the item's annotators who
	/// revealed the label that stood (the appellant excluded), the first of
	/// them taking the remainder; with nobody to share it (an appellant
	/// whose own label stood alone), it goes to the treasury. What a
	/// recipient cannot receive goes to the treasury too, so a reaped account
	/// cannot block the decision. Records the appellant's loss and each
	/// recipient's award.
	pub(crate) fn award_appeal_bond(
		appellant: &T::AccountId,
		state: &ItemState<T>,
		standing: Label,
	) -> DispatchResult {
		let recipients = state.revealers_of(standing, &[appellant]);
		let bond = T::AppealBond::get();
		let treasury = T::Treasury::get();
		let paid = share_out(
			bond,
			&recipients,
			|who, amount| Self::move_bond(appellant, who, amount),
			|amount| Self::move_bond(appellant, &treasury, amount),
		)?;
		paid.iter().for_each(|(who, amount)| Self::credit_award(who, *amount));
		Self::debit_loss(appellant, bond);
		Ok(())
	}

	/// Forfeits a revealed gold answer's bond to `recipients` (the treasury
	/// takes what none can receive) and records each recipient's award.
	pub(crate) fn forfeit_gold_bond(task: TaskId, recipients: &[T::AccountId]) -> DispatchResult {
		let paid = T::Tasks::forfeit_gold_bond(task, recipients)?;
		paid.iter().for_each(|(who, amount)| Self::credit_award(who, *amount));
		Ok(())
	}

	fn move_bond(from: &T::AccountId, to: &T::AccountId, amount: T::Balance) -> DispatchResult {
		T::Currency::transfer_on_hold(
			&HoldReason::AppealBond.into(),
			from,
			to,
			amount,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Force,
		)?;
		Ok(())
	}
}
