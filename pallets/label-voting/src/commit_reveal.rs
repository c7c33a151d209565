//! One annotator's commit or reveal on one item: the steps the single and the
//! batch calls share. Each step changes only its item; what it changes for the
//! annotator or the task is gathered by the caller and written once per call.

use frame_support::pallet_prelude::*;
use labelchain_primitives::{
	commitment::label_commitment,
	task::{AssignmentMode, ItemIndex, TaskId},
	totals::TaskQuality,
	traits::{ReputationInspect, StakeEligibility, StakeLock, TaskProgress},
};
use sp_core::H256;
use sp_runtime::Saturating;

use crate::{
	batch_weights::RevealWork, Commit, Config, Error, Event, ItemPhase, ItemState, Items, Label, Pallet,
	SettledItems, TermsOf,
};

/// What a call's commits change outside their items.
#[derive(Default)]
pub(crate) struct CommitRun {
	/// Commits on an `Open` task's items without a claim: each locks stake.
	pub implicit_claims: u32,
	/// Commits that used an open claim.
	pub claims_used: u32,
	/// Items that got their first commit.
	pub items_started: u32,
}

impl<T: Config> Pallet<T> {
	/// `who` commits `hash` on `item` (announced with `LabelCommitted` if
	/// `announce`): with their claim on it, or, on an `Open` task, taking a
	/// place on it at once (an implicit claim). Returns the item's redundancy
	/// afterwards (the commit's weight grows with it).
	pub(crate) fn commit_one(
		who: &T::AccountId,
		task: TaskId,
		item: ItemIndex,
		hash: H256,
		terms: &TermsOf<T>,
		run: &mut CommitRun,
		announce: bool,
	) -> Result<u32, DispatchError> {
		ensure!(item < terms.item_count, Error::<T>::ItemOutOfRange);
		let open = terms.assignment == AssignmentMode::Open;
		let mut state = match Items::<T>::get(task, item) {
			Some(state) => state,
			None => {
				ensure!(open, Error::<T>::NoClaim);
				ensure!(!SettledItems::<T>::contains_key(task, item), Error::<T>::ItemAlreadySettled);
				ItemState::default()
			},
		};
		ensure!(state.phase == ItemPhase::Labeling, Error::<T>::NotLabeling);
		match state.claims.iter().position(|claim| &claim.annotator == who) {
			Some(position) => {
				let now = frame_system::Pallet::<T>::block_number();
				ensure!(state.claims[position].live_at(now), Error::<T>::ClaimExpired);
				state.claims.remove(position);
				run.claims_used.saturating_inc();
			},
			None => {
				ensure!(open, Error::<T>::NoClaim);
				ensure!(!state.involves(who), Error::<T>::AlreadyLabeled);
				ensure!(state.places_taken() < state.places_wanted(terms), Error::<T>::ItemFull);
				run.implicit_claims.saturating_inc();
			},
		}
		if state.commits.is_empty() {
			run.items_started.saturating_inc();
		}
		state
			.commits
			.try_push(Commit { annotator: who.clone(), hash, revealed: None })
			.map_err(|_| Error::<T>::ItemFull)?;
		if announce {
			Self::deposit_event(Event::LabelCommitted { task, item, annotator: who.clone() });
		}
		let redundancy = Self::redundancy_of(&state);
		if terms.round_complete(state.commits.len() as u32) {
			Self::open_reveal(task, item, &mut state);
		}
		Self::store_item(task, item, state, terms);
		Ok(redundancy)
	}

	/// Writes what a call's commits changed outside their items: implicit
	/// claims need an eligible annotator and lock stake, used claims are no
	/// longer open, started items count towards the task.
	pub(crate) fn finish_commits(
		who: &T::AccountId,
		task: TaskId,
		terms: &TermsOf<T>,
		run: CommitRun,
	) -> DispatchResult {
		if run.implicit_claims > 0 {
			Self::ensure_qualified(who, terms)?;
			T::Stake::lock(who, T::StakePerLabel::get().saturating_mul(run.implicit_claims.into()))?;
		}
		if run.claims_used > 0 {
			Self::close_open_claims(who, run.claims_used);
		}
		if run.items_started > 0 {
			T::Tasks::items_started(task, run.items_started)?;
		}
		Ok(())
	}

	/// Whether `who` has the stake and tier a task asks for.
	pub(crate) fn ensure_qualified(who: &T::AccountId, terms: &TermsOf<T>) -> Result<(), Error<T>> {
		ensure!(T::Stake::may_take_task(who, terms.min_stake), Error::<T>::InsufficientStake);
		ensure!(
			T::Reputation::tier(who, terms.domain) >= terms.min_tier,
			Error::<T>::TierTooLow
		);
		Ok(())
	}

	/// `who` reveals `label` on `item` (announced with `LabelRevealed` if
	/// `announce`); the last reveal tallies the item, counting the tally in
	/// `quality`. Returns the weight of this reveal: a tallying one's grows
	/// with the item's redundancy more than an earlier one's.
	#[allow(clippy::too_many_arguments)]
	pub(crate) fn reveal_one(
		who: &T::AccountId,
		task: TaskId,
		item: ItemIndex,
		label: Label,
		salt: [u8; 32],
		terms: &TermsOf<T>,
		quality: &mut TaskQuality,
		announce: bool,
	) -> Result<RevealWork, DispatchError> {
		let mut state = Items::<T>::get(task, item).ok_or(Error::<T>::UnknownItem)?;
		let ItemPhase::Revealing { ends_at } = state.phase else {
			return Err(Error::<T>::NotRevealing.into());
		};
		ensure!(
			frame_system::Pallet::<T>::block_number() <= ends_at,
			Error::<T>::RevealWindowClosed
		);
		let commit = state
			.commits
			.iter_mut()
			.find(|commit| &commit.annotator == who)
			.ok_or(Error::<T>::NoCommit)?;
		ensure!(commit.revealed.is_none(), Error::<T>::AlreadyRevealed);
		ensure!(label < terms.class_count, Error::<T>::LabelOutOfRange);
		ensure!(
			label_commitment(task, item, label, &salt, who) == commit.hash,
			Error::<T>::CommitMismatch
		);
		commit.revealed = Some(label);
		if announce {
			Self::deposit_event(Event::LabelRevealed { task, item, annotator: who.clone(), label });
		}
		let redundancy = Self::redundancy_of(&state);
		if state.commits.iter().all(|commit| commit.revealed.is_some()) {
			Self::tally(task, item, state, terms, quality);
			Ok(RevealWork::Tallied { redundancy, classes: terms.class_count })
		} else {
			Self::store_item(task, item, state, terms);
			Ok(RevealWork::Stored { redundancy })
		}
	}
}
