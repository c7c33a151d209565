//! Claims: which item an `Assigned` claim gets, taking a place on an item, and
//! dropping claims whose time ran out.

use codec::Encode;
use frame_support::pallet_prelude::*;
use labelchain_primitives::{
	reputation::LabelOutcome,
	task::{ItemIndex, TaskId},
	traits::{ReputationRecorder, StakeLock, StakeSlash, TaskInspect},
};
use sp_runtime::Saturating;

use crate::{
	AssignmentNonce, Claim, Config, Error, Event, ItemPhase, ItemState, Items, OpenClaims, Pallet,
	PendingClaims, SettledItems, TermsOf, WeightInfo,
};

impl<T: Config> Pallet<T> {
	/// Whether `who` may take work on a task with these terms: enough stake,
	/// a high enough tier, and room for another claim.
	pub(crate) fn ensure_eligible(who: &T::AccountId, terms: &TermsOf<T>) -> Result<(), Error<T>> {
		Self::ensure_qualified(who, terms)?;
		ensure!(
			OpenClaims::<T>::get(who) < T::MaxOpenClaims::get(),
			Error::<T>::TooManyOpenClaims
		);
		Ok(())
	}

	/// An item of `task` that `who` may claim, looking at up to
	/// `MaxAssignmentProbes` items from a pseudo-random start.
	pub(crate) fn pick_item(who: &T::AccountId, task: TaskId, terms: &TermsOf<T>) -> Option<ItemIndex> {
		let start = Self::next_assignment_start(who, terms.item_count);
		let probes = T::MaxAssignmentProbes::get().min(terms.item_count);
		(0..probes)
			.map(|step| (start.saturating_add(step)) % terms.item_count)
			.find(|&item| Self::may_claim(who, task, item, terms))
	}

	/// Whether `item` still needs labels and `who` has no place on it yet.
	pub(crate) fn may_claim(
		who: &T::AccountId,
		task: TaskId,
		item: ItemIndex,
		terms: &TermsOf<T>,
	) -> bool {
		!SettledItems::<T>::contains_key(task, item) &&
			Items::<T>::get(task, item).is_none_or(|state| {
				state.phase == ItemPhase::Labeling &&
					state.places_taken() < state.places_wanted(terms) &&
					!state.involves(who)
			})
	}

	/// Where the next assigned claim of `who` starts looking: a pseudo-random
	/// item from the parent block hash, the account and a fresh nonce.
	pub(crate) fn next_assignment_start(who: &T::AccountId, item_count: u32) -> ItemIndex {
		let nonce = AssignmentNonce::<T>::mutate(|nonce| {
			*nonce = nonce.wrapping_add(1);
			*nonce
		});
		Self::assignment_start(who, nonce, item_count)
	}

	/// The item an assigned claim of `who` with `nonce` starts looking at.
	pub fn assignment_start(who: &T::AccountId, nonce: u64, item_count: u32) -> ItemIndex {
		let seed = sp_io::hashing::blake2_256(
			&(frame_system::Pallet::<T>::parent_hash(), who, nonce).encode(),
		);
		u32::from_le_bytes([seed[0], seed[1], seed[2], seed[3]]) % item_count.max(1)
	}

	/// `count` of `who`'s open claims ended (committed, expired, let go or
	/// unfilled); an account left with none keeps no entry.
	pub(crate) fn close_open_claims(who: &T::AccountId, count: u32) {
		OpenClaims::<T>::mutate_exists(who, |open| {
			let left = open.unwrap_or_default().saturating_sub(count);
			*open = (left > 0).then_some(left);
		});
	}

	/// Takes a place on a named item: locks the claim's stake, counts it
	/// among `who`'s open claims, and places it.
	pub(crate) fn take_claim(
		who: &T::AccountId,
		task: TaskId,
		item: ItemIndex,
		terms: &TermsOf<T>,
	) -> DispatchResult {
		Self::open_claim(who)?;
		Self::place_claim(who, task, item, terms)
	}

	/// Locks a claim's stake and counts it among `who`'s open claims.
	fn open_claim(who: &T::AccountId) -> DispatchResult {
		T::Stake::lock(who, T::StakePerLabel::get())?;
		OpenClaims::<T>::mutate(who, |open| open.saturating_inc());
		Ok(())
	}

	/// Puts a claim of `who`, whose stake is locked and which counts among
	/// their open claims already, on `item`.
	fn place_claim(who: &T::AccountId, task: TaskId, item: ItemIndex, terms: &TermsOf<T>) -> DispatchResult {
		ensure!(!SettledItems::<T>::contains_key(task, item), Error::<T>::ItemAlreadySettled);
		let mut state = Items::<T>::get(task, item).unwrap_or_default();
		ensure!(state.phase == ItemPhase::Labeling, Error::<T>::NotLabeling);
		// Expired claims are the agenda's to drop (in the block after they
		// expire, before any transaction): a call never pays for them.
		ensure!(!state.involves(who), Error::<T>::AlreadyLabeled);
		ensure!(state.places_taken() < state.places_wanted(terms), Error::<T>::ItemFull);
		let expires_at = frame_system::Pallet::<T>::block_number().saturating_add(T::ClaimTtl::get());
		state
			.claims
			.try_push(Claim { annotator: who.clone(), expires_at })
			.map_err(|_| Error::<T>::ItemFull)?;
		Self::store_item(task, item, state, terms);
		Self::deposit_event(Event::ItemClaimed { task, item, annotator: who.clone(), expires_at });
		Ok(())
	}

	/// Queues an assigned claim of `who` on `task` for the next block's draw,
	/// locking its stake and counting it among their open claims now.
	pub(crate) fn queue_claim(who: T::AccountId, task: TaskId) -> DispatchResult {
		PendingClaims::<T>::try_append((task, who.clone())).map_err(|_| Error::<T>::ClaimQueueFull)?;
		Self::open_claim(&who)?;
		Self::deposit_event(Event::ClaimQueued { task, annotator: who });
		Ok(())
	}

	/// The start of a block: draws an item for each claim the last block
	/// queued, from that block's hash (this block's parent), which no
	/// claimer knew when signing. A claim with no item left for it (or whose
	/// task stopped taking work) is let go without blame. Returns the weight.
	pub(crate) fn draw_pending_claims() -> Weight {
		// Most blocks queue nothing: read, and write nothing back.
		if !PendingClaims::<T>::exists() {
			return Self::draw_claims_weight(0);
		}
		let pending = PendingClaims::<T>::take();
		let count = pending.len() as u32;
		for (task, who) in pending {
			let drawn = frame_support::storage::with_storage_layer(|| {
				let now = frame_system::Pallet::<T>::block_number();
				let terms = T::Tasks::terms(task).filter(|terms| terms.accepts_work(now));
				let item = terms.as_ref().and_then(|terms| Self::pick_item(&who, task, terms));
				match (terms, item) {
					(Some(terms), Some(item)) => Self::place_claim(&who, task, item, &terms),
					_ => Err(Error::<T>::NoItemAvailable.into()),
				}
			});
			if drawn.is_err() {
				Self::close_open_claims(&who, 1);
				T::Stake::unlock(&who, T::StakePerLabel::get());
				Self::deposit_event(Event::ClaimUnfilled { task, annotator: who });
			}
		}
		Self::draw_claims_weight(count)
	}

	/// What drawing `count` queued claims weighs: each looks at every probe
	/// and finds nothing (`draw_claims`), or takes the last, as a named
	/// claim would (`claim_item`, its upper bound).
	pub fn draw_claims_weight(count: u32) -> Weight {
		T::WeightInfo::draw_claims(count)
			.saturating_add(T::WeightInfo::claim_item().saturating_mul(count.into()))
	}

	/// Removes the item's expired claims, freeing their places: each counts
	/// against its annotator's reputation, frees their stake and costs them
	/// `ExpiredClaimSlash` (to the treasury), so that holding places one will
	/// not label is not free. Returns how many.
	pub(crate) fn drop_expired_claims(
		task: TaskId,
		item: ItemIndex,
		state: &mut ItemState<T>,
		terms: &TermsOf<T>,
	) -> u32 {
		let now = frame_system::Pallet::<T>::block_number();
		let treasury = T::Treasury::get();
		let mut expired = 0u32;
		state.claims.retain(|claim| {
			if claim.live_at(now) {
				return true;
			}
			expired.saturating_inc();
			Self::close_open_claims(&claim.annotator, 1);
			T::Stake::unlock(&claim.annotator, T::StakePerLabel::get());
			let slashed = T::Stake::slash(&claim.annotator, T::ExpiredClaimSlash::get(), &treasury);
			Self::debit_loss(&claim.annotator, slashed);
			T::Reputation::record(
				&claim.annotator,
				terms.domain,
				LabelOutcome::ClaimExpired,
			);
			Self::deposit_event(Event::ClaimExpired { task, item, annotator: claim.annotator.clone() });
			false
		});
		expired
	}

	/// Lets go of the item's live claims once its task takes no more work,
	/// or its gold answer settles it between rounds (none of them can become
	/// a commit): their stake is freed and nothing counts against their
	/// annotators, who had until then.
	pub(crate) fn release_claims(task: TaskId, item: ItemIndex, state: &mut ItemState<T>) {
		for claim in core::mem::take(&mut state.claims) {
			Self::close_open_claims(&claim.annotator, 1);
			T::Stake::unlock(&claim.annotator, T::StakePerLabel::get());
			Self::deposit_event(Event::ClaimReleased { task, item, annotator: claim.annotator });
		}
	}
}
