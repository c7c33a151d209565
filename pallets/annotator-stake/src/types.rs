//! What the pallet stores per annotator.

use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{
	BoundedVec, CloneNoBound, DefaultNoBound, EqNoBound, PartialEqNoBound, DebugNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_runtime::traits::{Saturating, Zero};

use crate::{BalanceOf, Config};

/// Stake on its way out: held until `unlocks_at`, and slashable until then.
#[derive(
	CloneNoBound, Encode, Decode, EqNoBound, PartialEqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
pub struct UnbondingChunk<T: Config> {
	pub amount: BalanceOf<T>,
	pub unlocks_at: BlockNumberFor<T>,
}

/// One annotator's stake. All of it is held under [`crate::HoldReason::Stake`]:
/// `bonded` plus the unbonding chunks equals the hold.
#[derive(
	CloneNoBound,
	DefaultNoBound,
	Encode,
	Decode,
	EqNoBound,
	PartialEqNoBound,
	DebugNoBound,
	TypeInfo,
	MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
pub struct StakeLedger<T: Config> {
	/// Stake that qualifies the annotator for work.
	pub bonded: BalanceOf<T>,
	/// The part of `bonded` that backs open claims and cannot be unbonded yet.
	pub locked: BalanceOf<T>,
	/// Stake leaving, in the order it was unbonded.
	pub unbonding: BoundedVec<UnbondingChunk<T>, T::MaxUnbondingChunks>,
}

impl<T: Config> StakeLedger<T> {
	/// Bonded stake not backing any claim: what may be unbonded or locked.
	pub fn unlocked(&self) -> BalanceOf<T> {
		self.bonded.saturating_sub(self.locked)
	}

	/// Stake still unbonding.
	pub fn unbonding_total(&self) -> BalanceOf<T> {
		self.unbonding
			.iter()
			.fold(Zero::zero(), |total: BalanceOf<T>, chunk| total.saturating_add(chunk.amount))
	}

	/// Everything held for this annotator.
	pub fn total(&self) -> BalanceOf<T> {
		self.bonded.saturating_add(self.unbonding_total())
	}

	/// Removes the chunks unlocked by `now` and returns their sum.
	pub fn take_unlocked(&mut self, now: BlockNumberFor<T>) -> BalanceOf<T> {
		let mut freed = BalanceOf::<T>::zero();
		self.unbonding.retain(|chunk| {
			if chunk.unlocks_at <= now {
				freed = freed.saturating_add(chunk.amount);
				false
			} else {
				true
			}
		});
		freed
	}

	/// Nothing bonded and nothing unbonding: the ledger can be removed.
	pub fn is_empty(&self) -> bool {
		self.bonded.is_zero() && self.unbonding.is_empty()
	}
}
