//! What the voting pallet may do with tasks: read their terms, report item
//! progress, and pay out of escrow.

use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Restriction},
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use labelchain_primitives::{
	task::{GoldCommitment, ItemIndex, TaskId, TaskStatus, TaskTerms},
	traits::{TaskEscrow, TaskInspect, TaskProgress},
};
use sp_runtime::traits::{CheckedMul, Saturating, Zero};

use crate::{BalanceOf, Config, Error, Event, GoldCommitments, HoldReason, Pallet, TaskInfo, Tasks};
use alloc::vec::Vec;
use labelchain_primitives::shares::share_out;

impl<T: Config> TaskInspect<T::AccountId, BalanceOf<T>, BlockNumberFor<T>> for Pallet<T> {
	fn terms(task: TaskId) -> Option<TaskTerms<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		Tasks::<T>::get(task).map(|record| record.terms)
	}

	fn max_redundancy() -> u32 {
		T::MaxRedundancy::get()
	}

	fn gold_commitment(task: TaskId, index: u32) -> Option<GoldCommitment> {
		GoldCommitments::<T>::get(task, index)
	}
}

impl<T: Config> TaskProgress for Pallet<T> {
	fn items_started(task: TaskId, count: u32) -> DispatchResult {
		Tasks::<T>::try_mutate(task, |maybe_task| {
			let record = maybe_task.as_mut().ok_or(Error::<T>::UnknownTask)?;
			ensure!(record.terms.status != TaskStatus::Closed, Error::<T>::TaskAlreadyClosed);
			let started = record
				.items_in_flight
				.saturating_add(record.items_settled)
				.checked_add(count)
				.ok_or(Error::<T>::TooManyItemsStarted)?;
			ensure!(started <= record.terms.item_count, Error::<T>::TooManyItemsStarted);
			record.items_in_flight = record.items_in_flight.saturating_add(count);
			Ok(())
		})
	}

	/// Call after the item's payments: once every item has settled, the task
	/// closes here and refunds what is left.
	fn items_settled(task: TaskId, count: u32) -> DispatchResult {
		let mut record = Tasks::<T>::get(task).ok_or(Error::<T>::UnknownTask)?;
		ensure!(count <= record.items_in_flight, Error::<T>::NoItemInFlight);
		record.items_in_flight = record.items_in_flight.saturating_sub(count);
		record.items_settled = record.items_settled.saturating_add(count);
		if record.may_close(frame_system::Pallet::<T>::block_number()) {
			Pallet::<T>::close(task, &mut record)?;
		}
		Tasks::<T>::insert(task, record);
		Ok(())
	}
}

impl<T: Config> Pallet<T> {
	/// At close: every gold commitment never revealed forfeits its bond to
	/// the treasury (its item is unknown, so are the annotators it might
	/// have wronged); the bonds of revealed answers not forfeited go back to
	/// the requester. The caller stores the record.
	pub(crate) fn settle_gold_bonds(task: TaskId, record: &mut TaskInfo<T>) -> DispatchResult {
		let bonds = &mut record.gold_bonds;
		let unrevealed = record.gold_count.saturating_sub(bonds.revealed);
		let standing = bonds.revealed.saturating_sub(bonds.forfeited);
		let forfeited = bonds.per_commitment.saturating_mul(unrevealed.into());
		let returned = bonds.per_commitment.saturating_mul(standing.into());
		let requester = &record.terms.requester;
		if !forfeited.is_zero() {
			T::Currency::transfer_on_hold(
				&HoldReason::GoldBond.into(),
				requester,
				&T::Treasury::get(),
				forfeited,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Force,
			)?;
		}
		if !returned.is_zero() {
			T::Currency::release(&HoldReason::GoldBond.into(), requester, returned, Precision::Exact)?;
		}
		bonds.forfeited = bonds.forfeited.saturating_add(unrevealed);
		bonds.returned = bonds.returned.saturating_add(standing);
		if record.gold_count > 0 {
			Self::deposit_event(Event::GoldBondsSettled { task, returned, forfeited });
		}
		Ok(())
	}

	/// Pays the treasury the fees of the rewards `record` has paid and not
	/// yet charged; the caller stores the record.
	pub(crate) fn pay_fees_owed(task: TaskId, record: &mut TaskInfo<T>) -> Result<BalanceOf<T>, DispatchError> {
		let owed = record.escrow.fees_owed();
		if owed.is_zero() {
			return Ok(owed);
		}
		ensure!(owed <= record.escrow.held(), Error::<T>::EscrowExhausted);
		Self::move_from_escrow(record, &T::Treasury::get(), owed)?;
		record.escrow.fees_paid = record.escrow.fees_paid.saturating_add(owed);
		Self::deposit_event(Event::ProtocolFeePaid { task, amount: owed });
		Ok(owed)
	}

	/// Moves `amount` of the task's escrow hold to `to`'s free balance.
	fn move_from_escrow(record: &TaskInfo<T>, to: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::transfer_on_hold(
			&HoldReason::TaskEscrow.into(),
			&record.terms.requester,
			to,
			amount,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Polite,
		)?;
		Ok(())
	}

	/// Moves the amount `check` approves, from the requester's escrow hold to
	/// `to` as free balance, in one read and write of the task; `update`
	/// records the payment.
	fn pay_from_escrow(
		task: TaskId,
		to: &T::AccountId,
		check: impl FnOnce(&TaskInfo<T>) -> Result<BalanceOf<T>, DispatchError>,
		update: impl FnOnce(&mut TaskInfo<T>, BalanceOf<T>),
	) -> Result<BalanceOf<T>, DispatchError> {
		Tasks::<T>::try_mutate(task, |maybe_task| {
			let record = maybe_task.as_mut().ok_or(Error::<T>::UnknownTask)?;
			ensure!(record.terms.status != TaskStatus::Closed, Error::<T>::TaskAlreadyClosed);
			let amount = check(record)?;
			ensure!(amount <= record.escrow.held(), Error::<T>::EscrowExhausted);
			Self::move_from_escrow(record, to, amount)?;
			update(record, amount);
			Ok(amount)
		})
	}

	/// Gives `amount` of the task's escrow back to the requester's free balance
	/// and records it as refunded.
	pub(crate) fn refund_to_requester(record: &mut TaskInfo<T>, amount: BalanceOf<T>) -> DispatchResult {
		if !amount.is_zero() {
			T::Currency::release(
				&HoldReason::TaskEscrow.into(),
				&record.terms.requester,
				amount,
				Precision::Exact,
			)?;
		}
		record.escrow.refunded = record.escrow.refunded.saturating_add(amount);
		Ok(())
	}
}

impl<T: Config> TaskEscrow<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn pay_labels(
		task: TaskId,
		annotator: &T::AccountId,
		labels: u32,
	) -> Result<BalanceOf<T>, DispatchError> {
		let amount = Self::pay_from_escrow(
			task,
			annotator,
			|record| {
				let paid = record
					.escrow
					.labels_paid
					.checked_add(labels)
					.ok_or(Error::<T>::LabelRewardsExhausted)?;
				ensure!(paid <= record.labels_funded(), Error::<T>::LabelRewardsExhausted);
				// The rewards' fees stay held until `pay_owed_fees`.
				let fees = record
					.escrow
					.fee_per_label
					.checked_mul(&labels.into())
					.ok_or(Error::<T>::Overflow)?
					.saturating_add(record.escrow.fees_owed());
				let amount =
					record.terms.reward_per_label.checked_mul(&labels.into()).ok_or(Error::<T>::Overflow)?;
				ensure!(
					amount.saturating_add(fees) <= record.escrow.held(),
					Error::<T>::EscrowExhausted
				);
				Ok(amount)
			},
			|record, amount| {
				record.escrow.labels_paid = record.escrow.labels_paid.saturating_add(labels);
				record.escrow.paid_to_annotators = record.escrow.paid_to_annotators.saturating_add(amount);
			},
		)?;
		Self::deposit_event(Event::LabelRewardPaid { task, annotator: annotator.clone(), labels, amount });
		Ok(amount)
	}

	fn pay_owed_fees(task: TaskId) -> Result<BalanceOf<T>, DispatchError> {
		Tasks::<T>::try_mutate(task, |maybe_task| {
			let record = maybe_task.as_mut().ok_or(Error::<T>::UnknownTask)?;
			ensure!(record.terms.status != TaskStatus::Closed, Error::<T>::TaskAlreadyClosed);
			Self::pay_fees_owed(task, record)
		})
	}

	fn pay_expert(task: TaskId, expert: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		Self::pay_from_escrow(
			task,
			expert,
			|record| {
				ensure!(
					amount <= record.escrow.dispute_budget_left(),
					Error::<T>::DisputeBudgetExhausted
				);
				Ok(amount)
			},
			|record, amount| {
				record.escrow.paid_to_experts = record.escrow.paid_to_experts.saturating_add(amount);
			},
		)?;
		Self::deposit_event(Event::ExpertPaid { task, expert: expert.clone(), amount });
		Ok(())
	}

	fn can_pay_expert(task: TaskId, fee: BalanceOf<T>) -> bool {
		Tasks::<T>::get(task).is_some_and(|record| {
			record.terms.status != TaskStatus::Closed && fee <= record.escrow.dispute_budget_left()
		})
	}

	fn gold_revealed(task: TaskId, index: u32, item: ItemIndex) -> DispatchResult {
		Tasks::<T>::try_mutate(task, |maybe_task| {
			let record = maybe_task.as_mut().ok_or(Error::<T>::UnknownTask)?;
			ensure!(record.terms.status != TaskStatus::Closed, Error::<T>::TaskAlreadyClosed);
			ensure!(record.gold_bonds.revealed < record.gold_count, Error::<T>::NoGoldLeft);
			GoldCommitments::<T>::try_mutate(task, index, |maybe_gold| {
				let gold = maybe_gold.as_mut().ok_or(Error::<T>::UnknownGold)?;
				ensure!(gold.revealed_for.is_none(), Error::<T>::GoldAlreadyRevealed);
				gold.revealed_for = Some(item);
				Ok::<_, DispatchError>(())
			})?;
			record.gold_bonds.revealed.saturating_inc();
			Ok(())
		})
	}

	fn forfeit_gold_bond(
		task: TaskId,
		recipients: &[T::AccountId],
	) -> Result<Vec<(T::AccountId, BalanceOf<T>)>, DispatchError> {
		let (bond, requester) = Tasks::<T>::try_mutate(task, |maybe_task| {
			let record = maybe_task.as_mut().ok_or(Error::<T>::UnknownTask)?;
			ensure!(record.terms.status != TaskStatus::Closed, Error::<T>::TaskAlreadyClosed);
			let bonds = &mut record.gold_bonds;
			// Only a revealed answer's bond is forfeited before close.
			ensure!(bonds.forfeited < bonds.revealed, Error::<T>::NoGoldLeft);
			bonds.forfeited.saturating_inc();
			Ok::<_, DispatchError>((bonds.per_commitment, record.terms.requester.clone()))
		})?;
		let treasury = T::Treasury::get();
		let move_bond = |to: &T::AccountId, amount: BalanceOf<T>| {
			T::Currency::transfer_on_hold(
				&HoldReason::GoldBond.into(),
				&requester,
				to,
				amount,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Force,
			)
			.map(|_| ())
		};
		let mut to_treasury = BalanceOf::<T>::zero();
		let paid = share_out(bond, recipients, |who, amount| move_bond(who, amount), |amount| {
			to_treasury = to_treasury.saturating_add(amount);
			move_bond(&treasury, amount)
		})?;
		let to_annotators = bond.saturating_sub(to_treasury);
		Self::deposit_event(Event::GoldBondForfeited { task, to_annotators, to_treasury });
		Ok(paid)
	}

	fn refund_labels(task: TaskId, labels: u32) -> Result<BalanceOf<T>, DispatchError> {
		let amount = Tasks::<T>::try_mutate(task, |maybe_task| {
			let record = maybe_task.as_mut().ok_or(Error::<T>::UnknownTask)?;
			ensure!(record.terms.status != TaskStatus::Closed, Error::<T>::TaskAlreadyClosed);
			let unpaid = record.labels_funded().saturating_sub(record.escrow.labels_paid);
			ensure!(labels <= unpaid, Error::<T>::LabelRewardsExhausted);
			let amount = record
				.terms
				.reward_per_label
				.checked_add(&record.escrow.fee_per_label)
				.and_then(|per_label| per_label.checked_mul(&labels.into()))
				.ok_or(Error::<T>::Overflow)?;
			ensure!(amount <= record.escrow.held(), Error::<T>::EscrowExhausted);
			Pallet::<T>::refund_to_requester(record, amount)?;
			record.escrow.labels_refunded = record.escrow.labels_refunded.saturating_add(labels);
			Ok::<_, DispatchError>(amount)
		})?;
		Self::deposit_event(Event::LabelBudgetRefunded { task, labels, amount });
		Ok(amount)
	}
}
