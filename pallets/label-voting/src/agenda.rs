//! The items' agenda: every item being labeled has an entry under a block no
//! later than the one its next step falls due in, written by
//! [`Pallet::store_item`] (with [`Pallet::remove_item`], the only ways an
//! item is written), and worked through by the block hook, oldest block
//! first within `AgendaWeight`.
//!
//! Two economies, each measured (batched labels fell from 3.75 to 2.73
//! transfers' throughput without them, and came back to 3.33 with them):
//! an item's old entry is never removed (the item records the block of its
//! live entry, `agenda_at`, and the hook skips any other for one read), and
//! a step that only moves an item's due block later writes no new entry (the
//! hook meets the earlier one, finds nothing due, and moves the item then,
//! in its own share of the block).
//!
//! Why `on_initialize` with a fixed budget, not `on_idle` or the scheduler:
//! `on_idle` gets only what transactions leave, so under full blocks the
//! deadlines would slip without bound (pallet-fast-unstake can wait, a
//! labeling deadline cannot); scheduling a call per deadline through
//! pallet-scheduler (as pallet-referenda does for its alarms) would store a
//! call per item and add a pallet whose agenda is bounded per block, where
//! a task may bring thousands of deadlines in one block. A map keyed by
//! block, with a cursor, takes any number of entries per block and costs
//! one read per look when nothing is due.

use frame_support::{pallet_prelude::*, weights::WeightMeter};
use frame_system::pallet_prelude::BlockNumberFor;
use labelchain_primitives::{
	task::{ItemIndex, TaskId},
	traits::TaskInspect,
};
use sp_runtime::traits::Saturating;

use crate::{
	settlement::Settlement, types::PhaseKind, Agenda, AgendaCursor, Config, Event, ItemState, Items, Pallet,
	PhaseCountsOf, PhaseTotals, TermsOf, WeightInfo,
};

impl<T: Config> Pallet<T> {
	/// Writes an item and makes sure the agenda looks at it no later than
	/// the block its next step falls due in. An entry still waiting under an
	/// earlier block is kept: when it comes, the agenda finds nothing due and
	/// puts the item under its real block then. So a step that only moves an
	/// item's due block later (a tally opening the appeal window, a dispute,
	/// an appeal, a commit using a claim) writes nothing to the agenda in the
	/// transaction; the agenda pays for it in its own share of a block.
	pub(crate) fn store_item(task: TaskId, item: ItemIndex, mut state: ItemState<T>, terms: &TermsOf<T>) {
		let kind = PhaseKind::of(&state.phase);
		if state.counted_as != Some(kind) {
			PhaseCountsOf::<T>::mutate(task, |counts| counts.shift(state.counted_as, Some(kind)));
			PhaseTotals::<T>::mutate(|totals| totals.shift(state.counted_as, Some(kind)));
			state.counted_as = Some(kind);
		}
		let now = frame_system::Pallet::<T>::block_number();
		let at = state.agenda_block(now, terms);
		let waiting_in_time = state.agenda_at.is_some_and(|entry| entry > now && entry <= at);
		if !waiting_in_time {
			Agenda::<T>::insert(at, (task, item), ());
			state.agenda_at = Some(at);
		}
		Items::<T>::insert(task, item, state);
	}

	/// Removes an item (settled or forgotten); its agenda entry goes stale.
	/// The task's counters go with its last item in progress, so a closed
	/// task leaves none behind.
	pub(crate) fn remove_item(task: TaskId, item: ItemIndex, state: &ItemState<T>) {
		if state.counted_as.is_some() {
			PhaseCountsOf::<T>::mutate_exists(task, |maybe_counts| {
				let mut counts = maybe_counts.take().unwrap_or_default();
				counts.shift(state.counted_as, None);
				*maybe_counts = (counts.total() > 0).then_some(counts);
			});
			PhaseTotals::<T>::mutate(|totals| totals.shift(state.counted_as, None));
		}
		Items::<T>::remove(task, item);
	}

	/// The block an expert's time on a dispute or appeal lodged now runs
	/// out after.
	pub(crate) fn expert_deadline() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number().saturating_add(T::ExpertTimeout::get())
	}

	/// The most one agenda entry on an item of `redundancy` can weigh.
	pub fn agenda_entry_weight(redundancy: u32) -> Weight {
		T::WeightInfo::agenda_entry(redundancy).max(T::WeightInfo::agenda_expired_claims(redundancy))
	}

	/// This block's agenda: the due entries that fit `AgendaWeight`.
	pub(crate) fn run_agenda(now: BlockNumberFor<T>) -> Weight {
		let mut meter = WeightMeter::with_limit(T::AgendaWeight::get());
		labelchain_agenda::run::<_, _, Agenda<T>, AgendaCursor<T>>(
			now,
			&mut meter,
			T::WeightInfo::agenda_look(),
			Self::agenda_entry_weight(T::MaxRedundancy::get()),
			|block, (task, item)| Self::agenda_entry(block, task, item),
		);
		meter.consumed()
	}

	/// The agenda's entry for `item` under `block`: if it is the item's live
	/// entry, moves the item on as `finalize_item` would, its effects applied
	/// at once. If nothing is due (a deadline moved) the item goes back on the
	/// agenda for its next step; if the step fails, nothing of it stays and
	/// the item is tried again in the next block. A stale entry is skipped.
	/// Returns the weight used.
	pub(crate) fn agenda_entry(block: BlockNumberFor<T>, task: TaskId, item: ItemIndex) -> Weight {
		let Some(state) = Items::<T>::get(task, item).filter(|state| state.agenda_at == Some(block)) else {
			return T::WeightInfo::agenda_look();
		};
		let Some(terms) = T::Tasks::terms(task) else {
			return T::WeightInfo::agenda_look();
		};
		let weight = Self::agenda_entry_weight(Self::redundancy_of(&state));
		let moved = frame_support::storage::with_storage_layer(|| {
			let mut settlement = Settlement::default();
			Self::finalize_one(task, item, &terms, &mut settlement)?;
			settlement.apply(task, &terms)
		});
		match moved {
			Ok(()) => weight,
			// Not due yet (its due block moved later): back on the agenda,
			// for a read of the item and the task and a write of the entry.
			Err(error) if Self::is_not_due(&error) => {
				Self::store_item(task, item, state, &terms);
				T::WeightInfo::agenda_look().saturating_mul(2)
			},
			Err(error) => {
				log::error!(target: "runtime::label-voting", "item {task}/{item}: {error:?}");
				Self::deposit_event(Event::AgendaEntryFailed { task, item, error });
				if let Some(state) = Items::<T>::get(task, item) {
					Self::store_item(task, item, state, &terms);
				}
				weight
			},
		}
	}

	/// Whether `error` only says that nothing was due yet.
	pub(crate) fn is_not_due(error: &DispatchError) -> bool {
		use crate::Error;
		[
			Error::<T>::RevealWindowOpen,
			Error::<T>::AppealWindowOpen,
			Error::<T>::AwaitingExpert,
			Error::<T>::NothingToFinalize,
		]
		.into_iter()
		.any(|not_due| *error == DispatchError::from(not_due))
	}
}
