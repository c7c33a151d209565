//! Reads for the labeling runtime API. They run off chain, in the node's
//! runtime calls, so they may walk a task's unsettled items; each is still
//! bounded by the task's item count or by the page limits.

use alloc::vec::Vec;
use frame_system::pallet_prelude::BlockNumberFor;
use labelchain_primitives::{
	task::{ItemIndex, TaskId},
	runtime_api::{
		GoldRevealState, ItemCounts, ItemPage, LabelTally, LabelingApiError, WorkPlace, MAX_ITEMS_SCANNED, MAX_PAGE,
	},
	traits::TaskInspect,
};
use sp_runtime::Saturating;

use crate::{
	Config, Error, ItemPhase, ItemState, Items, OpenClaims, Pallet, PhaseCountsOf, SettledItem, SettledItems,
	TaskQualities,
};

/// An item as the API sees it: settled, in progress, or not started.
pub enum ItemView<T: Config> {
	Untouched,
	InProgress(ItemState<T>),
	Settled(SettledItem<BlockNumberFor<T>>),
}

impl<T: Config> Pallet<T> {
	/// The chain's items in progress in each phase, over all tasks.
	pub fn phase_totals() -> crate::types::PhaseCounts {
		crate::PhaseTotals::<T>::get()
	}

	/// How many blocks the items' agenda is behind (0: caught up).
	pub fn agenda_backlog() -> BlockNumberFor<T> {
		labelchain_agenda::blocks_behind::<_, crate::AgendaCursor<T>>(frame_system::Pallet::<T>::block_number())
	}

	/// How many of `task`'s `item_count` items are in each phase, from the
	/// task's counters (no walk over its items).
	pub fn item_counts(task: TaskId, item_count: u32) -> ItemCounts {
		let phases = PhaseCountsOf::<T>::get(task);
		let settled = TaskQualities::<T>::get(task).items_settled();
		ItemCounts {
			untouched: item_count.saturating_sub(settled).saturating_sub(phases.total()),
			labeling: phases.labeling,
			revealing: phases.revealing,
			disputed: phases.disputed,
			accepted: phases.accepted,
			appealed: phases.appealed,
			settled,
		}
	}

	/// How many of `task`'s items are in each phase, and the earliest block
	/// the agenda looks at one of the first `scan` items in progress (`None`:
	/// none in progress): bounded work however large the task.
	pub fn task_progress(task: TaskId, item_count: u32, scan: u32) -> (ItemCounts, Option<BlockNumberFor<T>>) {
		let next_step_at = Items::<T>::iter_prefix_values(task)
			.take(scan as usize)
			.filter_map(|state| state.agenda_at)
			.min();
		(Self::item_counts(task, item_count), next_step_at)
	}

	/// One item of a task.
	pub fn item_view(task: TaskId, item: ItemIndex) -> Result<ItemView<T>, LabelingApiError> {
		Self::terms_for_item(task, item)?;
		Ok(Self::view_of(task, item))
	}

	/// The terms of a task that has `item`, or why not.
	fn terms_for_item(task: TaskId, item: ItemIndex) -> Result<crate::TermsOf<T>, LabelingApiError> {
		let terms = T::Tasks::terms(task).ok_or(LabelingApiError::UnknownTask)?;
		if item >= terms.item_count {
			return Err(LabelingApiError::ItemOutOfRange);
		}
		Ok(terms)
	}

	fn view_of(task: TaskId, item: ItemIndex) -> ItemView<T> {
		match (SettledItems::<T>::get(task, item), Items::<T>::get(task, item)) {
			(Some(record), _) => ItemView::Settled(record),
			(None, Some(state)) => ItemView::InProgress(state),
			(None, None) => ItemView::Untouched,
		}
	}

	/// Whether `task`'s requester may reveal `item`'s gold answer in the
	/// next block: [`ItemState::takes_gold_answer`] for an item in
	/// progress, and what becomes of an untouched or settled one.
	pub fn gold_reveal_state(task: TaskId, item: ItemIndex) -> Result<GoldRevealState, LabelingApiError> {
		let terms = Self::terms_for_item(task, item)?;
		Ok(match Self::view_of(task, item) {
			ItemView::Settled(_) => GoldRevealState::Settled,
			ItemView::InProgress(state) if state.gold.is_some() => GoldRevealState::Revealed,
			ItemView::InProgress(state) if state.takes_gold_answer() => GoldRevealState::Now,
			ItemView::InProgress(_) => GoldRevealState::Later,
			ItemView::Untouched if terms.accepts_work(Self::next_block()) => GoldRevealState::Later,
			ItemView::Untouched => GoldRevealState::Never,
		})
	}

	/// The block the runtime API's "now" answers are for: a transaction sent
	/// now is in the next block at the earliest.
	pub fn next_block() -> BlockNumberFor<T> {
		frame_system::Pallet::<T>::block_number().saturating_add(1u32.into())
	}

	/// Items `start..` of `task`, at most `max` (at most `MAX_PAGE`), in
	/// order, and where the next page starts.
	#[allow(clippy::type_complexity)]
	pub fn item_views(
		task: TaskId,
		start: ItemIndex,
		max: u32,
	) -> Result<(Vec<ItemView<T>>, Option<ItemIndex>), LabelingApiError> {
		let terms = T::Tasks::terms(task).ok_or(LabelingApiError::UnknownTask)?;
		let end = start.saturating_add(max.min(MAX_PAGE)).min(terms.item_count);
		let views = (start..end).map(|item| Self::view_of(task, item)).collect();
		Ok((views, (end < terms.item_count).then_some(end)))
	}

	/// Up to `max` items of `task` from `start` on whose [`crate::DueStep`] in the
	/// next block is not an error, looking at no more than
	/// `MAX_ITEMS_SCANNED` items.
	pub fn finalizable_items(
		task: TaskId,
		start: ItemIndex,
		max: u32,
	) -> Result<ItemPage, LabelingApiError> {
		let terms = T::Tasks::terms(task).ok_or(LabelingApiError::UnknownTask)?;
		let next_block = Self::next_block();
		let accepts_work = terms.accepts_work(next_block);
		let (items, next) = scan_page(start, max, terms.item_count, |item| {
			Items::<T>::get(task, item)
				.is_some_and(|state| state.due_step(next_block, accepts_work).is_ok())
				.then_some(item)
		});
		Ok(ItemPage { items, next })
	}

	/// The running tally of an item not yet settled; empty before any reveal
	/// and once settled.
	pub fn item_tally(task: TaskId, item: ItemIndex) -> Result<Vec<LabelTally>, LabelingApiError> {
		let terms = T::Tasks::terms(task).ok_or(LabelingApiError::UnknownTask)?;
		Ok(match Self::item_view(task, item)? {
			ItemView::InProgress(state) => Self::label_tally(task, &state, &terms),
			ItemView::Untouched | ItemView::Settled(_) => Vec::new(),
		})
	}

	/// Up to `max` (at most `MAX_PAGE`) items of `task` from `start` on on
	/// which `who` holds a claim or an unsettled commit, with the place and
	/// the item's phase, looking at no more than `MAX_ITEMS_SCANNED` items;
	/// and where the next page starts.
	#[allow(clippy::type_complexity)]
	pub fn work_of(
		who: &T::AccountId,
		task: TaskId,
		start: ItemIndex,
		max: u32,
	) -> Result<
		(Vec<(ItemIndex, WorkPlace<BlockNumberFor<T>>, ItemPhase<T::AccountId, BlockNumberFor<T>>)>, Option<ItemIndex>),
		LabelingApiError,
	> {
		let terms = T::Tasks::terms(task).ok_or(LabelingApiError::UnknownTask)?;
		Ok(scan_page(start, max, terms.item_count, |item| {
			let state = Items::<T>::get(task, item)?;
			let claim = state.claims.iter().find(|claim| &claim.annotator == who);
			let commit = state.commits.iter().find(|commit| &commit.annotator == who);
			let place = match (claim, commit) {
				(Some(claim), _) => WorkPlace::Claimed { expires_at: claim.expires_at },
				(None, Some(commit)) => WorkPlace::Committed { revealed: commit.revealed },
				(None, None) => return None,
			};
			Some((item, place, state.phase))
		}))
	}

	/// Whether `who` may claim in `task` now, and if not, why.
	pub fn claim_eligibility(who: &T::AccountId, task: TaskId) -> Result<(), LabelingApiError> {
		let terms = Self::terms_accepting_work(task).map_err(|_| {
			if T::Tasks::terms(task).is_none() {
				LabelingApiError::UnknownTask
			} else {
				LabelingApiError::TaskNotAcceptingWork
			}
		})?;
		Self::ensure_eligible(who, &terms).map_err(|error| match error {
			Error::<T>::TierTooLow => LabelingApiError::TierTooLow,
			Error::<T>::TooManyOpenClaims => LabelingApiError::TooManyOpenClaims,
			_ => LabelingApiError::InsufficientStake,
		})
	}

	/// Up to `max` items of `task` from `start` on that `who` may claim now,
	/// looking at no more than `MAX_ITEMS_SCANNED` items.
	pub fn claimable_items(
		who: &T::AccountId,
		task: TaskId,
		start: ItemIndex,
		max: u32,
	) -> Result<ItemPage, LabelingApiError> {
		Self::claim_eligibility(who, task)?;
		let terms = T::Tasks::terms(task).ok_or(LabelingApiError::UnknownTask)?;
		let (items, next) =
			scan_page(start, max, terms.item_count, |item| Self::may_claim(who, task, item, &terms).then_some(item));
		Ok(ItemPage { items, next })
	}

	/// Claims `who` holds that are not yet commits, over all tasks.
	pub fn open_claims(who: &T::AccountId) -> u32 {
		OpenClaims::<T>::get(who)
	}
}

/// Walks items `start..` of a task of `item_count` items, keeping what
/// `pick` gives, until `max` (at most `MAX_PAGE`) are kept or
/// `MAX_ITEMS_SCANNED` were looked at: one page, and where the next one
/// starts (`None` once the task's items are exhausted).
fn scan_page<R>(
	start: ItemIndex,
	max: u32,
	item_count: u32,
	mut pick: impl FnMut(ItemIndex) -> Option<R>,
) -> (Vec<R>, Option<ItemIndex>) {
	let wanted = max.min(MAX_PAGE) as usize;
	let end = start.saturating_add(MAX_ITEMS_SCANNED).min(item_count);
	let mut page = Vec::new();
	let mut next = start;
	while next < end && page.len() < wanted {
		page.extend(pick(next));
		next = next.saturating_add(1);
	}
	(page, (next < item_count).then_some(next))
}
