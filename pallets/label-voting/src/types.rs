//! The per-item records of labeling, and the compact record a settled item keeps.

use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_core::H256;

use crate::Config;

pub use labelchain_primitives::item_lifecycle::{Decision, ItemPhase, Label, SettledItem};

/// An annotator's hold on an item until they commit or it expires.
#[derive(CloneNoBound, Encode, Decode, EqNoBound, PartialEqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen)]
#[scale_info(skip_type_params(T))]
pub struct Claim<T: Config> {
	pub annotator: T::AccountId,
	pub expires_at: BlockNumberFor<T>,
}

impl<T: Config> Claim<T> {
	/// Whether the claim still holds its place at block `now`: through its
	/// `expires_at` block, not after.
	pub fn live_at(&self, now: BlockNumberFor<T>) -> bool {
		self.expires_at >= now
	}
}

/// An annotator's sealed label, and the label once revealed.
#[derive(CloneNoBound, Encode, Decode, EqNoBound, PartialEqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen)]
#[scale_info(skip_type_params(T))]
pub struct Commit<T: Config> {
	pub annotator: T::AccountId,
	/// `blake2_256(SCALE((task, item, label, salt, annotator)))`.
	pub hash: H256,
	pub revealed: Option<Label>,
}

/// An item being labeled. Removed when it settles; what remains is a
/// [`SettledItem`].
#[derive(CloneNoBound, Encode, Decode, EqNoBound, PartialEqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen)]
#[scale_info(skip_type_params(T))]
pub struct ItemState<T: Config> {
	pub phase: ItemPhase<T::AccountId, BlockNumberFor<T>>,
	/// Live claims not yet turned into commits.
	pub claims: BoundedVec<Claim<T>, T::MaxRedundancy>,
	pub commits: BoundedVec<Commit<T>, T::MaxRedundancy>,
	/// The block whose `Agenda` entry holds this item: the block its next
	/// step falls due in (see [`ItemState::agenda_block`]).
	pub agenda_at: Option<BlockNumberFor<T>>,
	/// The task's gold commitment whose revealed answer is the item's label
	/// (in its appeal window, or appealed), if the requester revealed one.
	pub gold: Option<u32>,
	/// The phase the item is counted under in its task's `PhaseCounts`
	/// (`None` before it is first stored).
	pub counted_as: Option<PhaseKind>,
}

/// An item's phase without its data: what a task's counters count.
#[derive(Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub enum PhaseKind {
	Labeling,
	Revealing,
	Disputed,
	Accepted,
	Appealed,
}

impl PhaseKind {
	pub fn of<AccountId, BlockNumber>(phase: &ItemPhase<AccountId, BlockNumber>) -> Self {
		match phase {
			ItemPhase::Labeling => PhaseKind::Labeling,
			ItemPhase::Revealing { .. } => PhaseKind::Revealing,
			ItemPhase::Disputed { .. } => PhaseKind::Disputed,
			ItemPhase::Accepted { .. } => PhaseKind::Accepted,
			ItemPhase::Appealed { .. } => PhaseKind::Appealed,
		}
	}
}

/// How many of a task's items in progress are in each phase, kept as they
/// move so that reading a task's progress walks none of them.
#[derive(Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen, Default)]
pub struct PhaseCounts {
	pub labeling: u32,
	pub revealing: u32,
	pub disputed: u32,
	pub accepted: u32,
	pub appealed: u32,
}

impl PhaseCounts {
	fn count_of(&mut self, kind: PhaseKind) -> &mut u32 {
		match kind {
			PhaseKind::Labeling => &mut self.labeling,
			PhaseKind::Revealing => &mut self.revealing,
			PhaseKind::Disputed => &mut self.disputed,
			PhaseKind::Accepted => &mut self.accepted,
			PhaseKind::Appealed => &mut self.appealed,
		}
	}

	/// Adds `other`'s counts to these.
	pub fn absorb(&mut self, other: &PhaseCounts) {
		self.labeling = self.labeling.saturating_add(other.labeling);
		self.revealing = self.revealing.saturating_add(other.revealing);
		self.disputed = self.disputed.saturating_add(other.disputed);
		self.accepted = self.accepted.saturating_add(other.accepted);
		self.appealed = self.appealed.saturating_add(other.appealed);
	}

	/// Items waiting for an expert: disputed or appealed.
	pub fn waiting_for_experts(&self) -> u32 {
		self.disputed.saturating_add(self.appealed)
	}

	/// Counts an item moving from `from` (`None`: new) to `to` (`None`: gone).
	pub fn shift(&mut self, from: Option<PhaseKind>, to: Option<PhaseKind>) {
		if let Some(from) = from {
			let count = self.count_of(from);
			*count = count.saturating_sub(1);
		}
		if let Some(to) = to {
			let count = self.count_of(to);
			*count = count.saturating_add(1);
		}
	}

	/// Items in progress in all.
	pub fn total(&self) -> u32 {
		self.labeling
			.saturating_add(self.revealing)
			.saturating_add(self.disputed)
			.saturating_add(self.accepted)
			.saturating_add(self.appealed)
	}
}

impl<T: Config> Default for ItemState<T> {
	fn default() -> Self {
		Self {
			phase: ItemPhase::Labeling,
			claims: BoundedVec::new(),
			commits: BoundedVec::new(),
			agenda_at: None,
			gold: None,
			counted_as: None,
		}
	}
}

impl<T: Config> ItemState<T> {
	/// How many places the item's present round has: `r_min` at first, then
	/// one beyond its commits each time a tally asks for more (see
	/// [`labelchain_primitives::task::TaskTerms::places_wanted`]).
	pub fn places_wanted(&self, terms: &crate::TermsOf<T>) -> u32 {
		terms.places_wanted(self.commits.len() as u32)
	}

	/// Claims and commits together: the places taken on this item.
	pub fn places_taken(&self) -> u32 {
		(self.claims.len() as u32).saturating_add(self.commits.len() as u32)
	}

	/// How the label the item carries now was decided, should it stand:
	/// by gold once the requester revealed the item's answer, else by the
	/// crowd.
	pub fn standing_decision(&self) -> Decision {
		if self.gold.is_some() {
			Decision::Gold
		} else {
			Decision::Crowd
		}
	}

	/// The annotators who revealed `label`, but never `excluded` (the
	/// requester, or an appellant): those a bond or stake lost over this
	/// item is owed to when `label` proved right.
	pub fn revealers_of(&self, label: Label, excluded: &[&T::AccountId]) -> alloc::vec::Vec<T::AccountId> {
		self.revealers_where(|revealed| revealed == label, excluded)
	}

	/// Whether anyone has revealed a label on the item.
	pub fn has_reveals(&self) -> bool {
		self.commits.iter().any(|commit| commit.revealed.is_some())
	}

	/// Whether a tally asked the item for more labels and none has been
	/// committed since: it has commits, and every one is revealed.
	pub fn between_rounds(&self) -> bool {
		self.phase == ItemPhase::Labeling &&
			!self.commits.is_empty() &&
			self.commits.iter().all(|commit| commit.revealed.is_some())
	}

	/// Whether the requester's gold answer may become the item's label now
	/// (`reveal_gold`'s rule, which the runtime API answers from): once
	/// every label committed so far is revealed and tallied (accepted,
	/// disputed or appealed), or between rounds, when those labels are
	/// scored and the answer saves paying for more. Never while a committed
	/// label is still sealed, whose reveal the answer would give away.
	pub fn takes_gold_answer(&self) -> bool {
		match self.phase {
			ItemPhase::Accepted { .. } | ItemPhase::Disputed { .. } | ItemPhase::Appealed { .. } => true,
			ItemPhase::Labeling => self.between_rounds(),
			ItemPhase::Revealing { .. } => false,
		}
	}

	/// The annotators who revealed any label, but never `excluded`.
	pub fn revealers(&self, excluded: &[&T::AccountId]) -> alloc::vec::Vec<T::AccountId> {
		self.revealers_where(|_| true, excluded)
	}

	fn revealers_where(
		&self,
		wanted: impl Fn(Label) -> bool,
		excluded: &[&T::AccountId],
	) -> alloc::vec::Vec<T::AccountId> {
		self.commits
			.iter()
			.filter(|commit| commit.revealed.is_some_and(&wanted) && !excluded.contains(&&commit.annotator))
			.map(|commit| commit.annotator.clone())
			.collect()
	}

	/// Whether `who` already claimed or committed on this item.
	pub fn involves(&self, who: &T::AccountId) -> bool {
		self.claims.iter().any(|claim| &claim.annotator == who) ||
			self.commits.iter().any(|commit| &commit.annotator == who)
	}
}

/// How each annotator of a settled item voted: `None` for a commit never
/// revealed. Carried by the `ItemSettled` event so that exports need no
/// per-label storage.
pub type Votes<T> = BoundedVec<
	(<T as frame_system::Config>::AccountId, Option<Label>),
	<T as Config>::MaxRedundancy,
>;
