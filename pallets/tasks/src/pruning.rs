//! A closed task's working storage goes, a bounded step a block, and then
//! its storage deposit goes back to the requester. What stays is the task's
//! record, the data set's lineage.

use frame_support::traits::{fungible::MutateHold, tokens::Precision};
use labelchain_primitives::{task::TaskId, traits::TaskWorkingStorage};
use sp_runtime::{traits::Zero, DispatchError, DispatchResult};

use crate::{Config, Error, Event, GoldCommitments, HoldReason, Pallet, Pruning, TaskInfo, Tasks};

impl<T: Config> Pallet<T> {
	/// Removes up to `limit` gold commitments of `task`, waiting in
	/// `Pruning`, and up to `limit` entries of its working storage elsewhere
	/// (`WorkingStorage`); once it has none of either left, returns its
	/// storage deposit and takes it off the queue.
	pub(crate) fn prune_step(task: TaskId, limit: u32) {
		// Draining key by key (not `clear_prefix`) removes exactly `limit`
		// whether the keys are in the database or in this block's overlay.
		GoldCommitments::<T>::drain_prefix(task).take(limit as usize).for_each(drop);
		let elsewhere_done = T::WorkingStorage::prune(task, limit);
		if elsewhere_done && GoldCommitments::<T>::iter_key_prefix(task).next().is_none() {
			let finished = frame_support::storage::with_storage_layer(|| {
				let mut record = Tasks::<T>::get(task).ok_or(Error::<T>::UnknownTask)?;
				Self::return_storage_deposit(task, &mut record)?;
				Tasks::<T>::insert(task, record);
				Ok::<_, DispatchError>(())
			});
			// Off the queue either way: a task that cannot finish (a short
			// hold, which `try_state` rules out) must not hold up the others.
			Pruning::<T>::remove(task);
			if let Err(error) = finished {
				log::error!(target: "runtime::tasks", "task {task}'s storage deposit could not be returned: {error:?}");
			}
		}
	}

	/// Gives the task's storage deposit back to the requester: its working
	/// storage is gone. The caller stores the record.
	pub(crate) fn return_storage_deposit(task: TaskId, record: &mut TaskInfo<T>) -> DispatchResult {
		let deposit = record.storage_deposit;
		if !deposit.is_zero() {
			T::Currency::release(
				&HoldReason::StorageDeposit.into(),
				&record.terms.requester,
				deposit,
				Precision::Exact,
			)?;
		}
		record.storage_deposit = Zero::zero();
		Self::deposit_event(Event::TaskPruned { task, deposit_returned: deposit });
		Ok(())
	}
}
