//! Keeping the running totals clients read: each task's label-quality counts
//! and each account's earnings.

use labelchain_primitives::{task::TaskId, totals::TaskQuality};
use sp_runtime::{traits::Zero, Saturating};

use crate::{Config, Decision, Earnings, Pallet, TaskQualities};

/// What one settlement adds to its task's quality counts.
#[derive(Default)]
pub(crate) struct SettlementCounts {
	pub revealed: u32,
	pub agreeing: u32,
	pub unrevealed: u32,
}

impl<T: Config> Pallet<T> {
	/// Counts a tally, disputed or not, in `quality` (written by `write_quality`).
	pub(crate) fn count_tally(quality: &mut TaskQuality, disputed: bool) {
		quality.items_tallied.saturating_inc();
		if disputed {
			quality.disputes.saturating_inc();
		}
	}

	/// Adds the counts a call gathered to its task's, in one write.
	pub(crate) fn write_quality(task: TaskId, counted: &TaskQuality) {
		if *counted != TaskQuality::default() {
			TaskQualities::<T>::mutate(task, |quality| quality.absorb(counted));
		}
	}

	/// Counts an appeal lodged, or decided as `upheld`.
	pub(crate) fn count_appeal(task: TaskId, upheld: Option<bool>) {
		TaskQualities::<T>::mutate(task, |quality| match upheld {
			None => quality.appeals.saturating_inc(),
			Some(true) => quality.appeals_upheld.saturating_inc(),
			Some(false) => {},
		});
	}

	/// Counts a settled item and its labels in `quality`.
	pub(crate) fn count_settlement(quality: &mut TaskQuality, decided_by: Decision, counts: SettlementCounts) {
		match decided_by {
			Decision::Crowd => quality.settled_by_crowd.saturating_inc(),
			Decision::Expert => quality.settled_by_expert.saturating_inc(),
			Decision::Gold => {
				quality.settled_by_gold.saturating_inc();
				quality.gold_labels.saturating_accrue(counts.revealed);
				quality.gold_labels_correct.saturating_accrue(counts.agreeing);
			},
			Decision::Fallback => quality.settled_by_fallback.saturating_inc(),
			// Nothing was decided: its revealed labels neither agreed nor not.
			Decision::Unresolved => {
				quality.unresolved.saturating_inc();
				quality.labels_unrevealed.saturating_accrue(counts.unrevealed);
				return;
			},
		}
		quality.labels_revealed.saturating_accrue(counts.revealed);
		quality.labels_agreeing.saturating_accrue(counts.agreeing);
		quality.labels_unrevealed.saturating_accrue(counts.unrevealed);
	}

	/// Records `amount` paid for `labels` accepted labels.
	pub(crate) fn credit_label_rewards(who: &T::AccountId, amount: T::Balance, labels: u32) {
		Earnings::<T>::mutate(who, |earnings| {
			earnings.label_rewards.saturating_accrue(amount);
			earnings.labels_paid.saturating_accrue(labels);
		});
	}

	pub(crate) fn credit_expert_fee(who: &T::AccountId, amount: T::Balance) {
		Earnings::<T>::mutate(who, |earnings| earnings.expert_fees.saturating_accrue(amount));
	}

	/// Records an appeal bond (or a share of one) awarded to `who`.
	pub(crate) fn credit_award(who: &T::AccountId, amount: T::Balance) {
		Earnings::<T>::mutate(who, |earnings| earnings.awarded.saturating_accrue(amount));
	}

	/// Records stake slashed or an appeal bond lost.
	pub(crate) fn debit_loss(who: &T::AccountId, amount: T::Balance) {
		if !amount.is_zero() {
			Earnings::<T>::mutate(who, |earnings| earnings.slashed.saturating_accrue(amount));
		}
	}
}
