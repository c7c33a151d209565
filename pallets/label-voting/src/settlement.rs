//! Tallying an item by reputation-weighted vote, and settling it: payments,
//! reputation, slashes, and pruning to a compact record.

use alloc::vec::Vec;
use frame_support::pallet_prelude::*;
use labelchain_primitives::{
	labeling::{ItemIndex, LabelOutcome, TaskId},
	traits::{ReputationInspect, ReputationRecorder, StakeLock, StakeSlash, TaskEscrow, TaskProgress},
};
use sp_arithmetic::FixedU128;
use sp_runtime::{traits::Zero, Perbill, Saturating};

use crate::{
	totals::SettlementCounts, Config, Decision, Event, ItemPhase, ItemState, Items, Label, Pallet,
	SettledItem, SettledItems, TermsOf, Votes,
};

/// The revealed vote weight behind each label.
struct LabelTotals {
	/// (label, weight, how many revealed it), at most one entry per label.
	totals: Vec<(Label, FixedU128, u32)>,
	total_weight: FixedU128,
}

impl LabelTotals {
	/// Sums each revealed label's vote weight. If every revealer has zero weight
	/// (all no better than chance), each counts once, so the vote is a plain
	/// majority rather than no vote at all.
	fn of<T: Config>(state: &ItemState<T>, terms: &TermsOf<T>) -> Self {
		let revealed = || {
			state
				.commits
				.iter()
				.filter_map(|commit| commit.revealed.map(|label| (label, &commit.annotator)))
		};
		let weights: Vec<(Label, FixedU128)> = revealed()
			.map(|(label, who)| {
				(label, T::Reputation::vote_weight(who, terms.domain, terms.class_count))
			})
			.collect();
		let all_zero = weights.iter().all(|(_, weight)| weight.is_zero());
		let mut totals: Vec<(Label, FixedU128, u32)> = Vec::new();
		let mut total_weight = FixedU128::zero();
		for (label, weight) in weights {
			let weight = if all_zero { FixedU128::from_u32(1) } else { weight };
			total_weight = total_weight.saturating_add(weight);
			match totals.iter_mut().find(|(known, _, _)| *known == label) {
				Some((_, sum, count)) => {
					*sum = sum.saturating_add(weight);
					count.saturating_inc();
				},
				None => totals.push((label, weight, 1)),
			}
		}
		Self { totals, total_weight }
	}

	fn weight_of(&self, label: Label) -> FixedU128 {
		self.totals
			.iter()
			.find(|(known, _, _)| *known == label)
			.map(|(_, weight, _)| *weight)
			.unwrap_or_default()
	}

	/// `weight`'s share of all revealed weight.
	fn share(&self, weight: FixedU128) -> Perbill {
		if self.total_weight.is_zero() {
			return Perbill::zero();
		}
		Perbill::from_rational(weight.into_inner(), self.total_weight.into_inner())
	}

	/// The label with the most weight, if one has strictly more than every other.
	fn clear_winner(&self) -> Option<(Label, FixedU128, u32)> {
		let best = self.totals.iter().map(|(_, weight, _)| *weight).max()?;
		let mut leaders = self.totals.iter().filter(|(_, weight, _)| *weight == best);
		let winner = leaders.next().copied();
		leaders.next().is_none().then_some(winner).flatten()
	}
}

impl<T: Config> Pallet<T> {
	/// Tallies a fully revealed item, or one whose reveal window has ended:
	/// the winner is accepted if it has a strict plurality, reaches the task's
	/// agreement threshold and, when the task asks for two or more labels, was
	/// given by at least two annotators; it settles after the appeal window.
	/// Otherwise the item is disputed.
	pub(crate) fn tally(
		task: TaskId,
		item: ItemIndex,
		mut state: ItemState<T>,
		terms: &TermsOf<T>,
	) -> DispatchResult {
		let totals = LabelTotals::of::<T>(&state, terms);
		let accepted = totals.clear_winner().filter(|(_, weight, count)| {
			totals.share(*weight) >= terms.agreement_threshold &&
				(terms.redundancy < 2 || *count >= 2)
		});
		match accepted {
			Some((label, weight, _)) => {
				let agreement = totals.share(weight);
				let appeal_ends_at = frame_system::Pallet::<T>::block_number()
					.saturating_add(T::AppealWindow::get());
				state.phase = ItemPhase::Accepted { label, agreement, appeal_ends_at };
				Items::<T>::insert(task, item, state);
				Self::count_tally(task, false);
				Self::deposit_event(Event::ItemAccepted { task, item, label, agreement, appeal_ends_at });
				Ok(())
			},
			None => {
				state.phase = ItemPhase::Disputed;
				Items::<T>::insert(task, item, state);
				Self::count_tally(task, true);
				Self::deposit_event(Event::ItemDisputed { task, item });
				Ok(())
			},
		}
	}

	/// `label`'s share of the item's revealed vote weight.
	pub(crate) fn weight_share(state: &ItemState<T>, terms: &TermsOf<T>, label: Label) -> Perbill {
		let totals = LabelTotals::of::<T>(state, terms);
		totals.share(totals.weight_of(label))
	}

	/// Pays every annotator whose label is `label` from escrow, scores everyone
	/// (against a gold answer with the gold weight, slashing wrong ones), slashes
	/// commits never revealed, frees the stake behind the item, and replaces the
	/// item's commits with a compact record.
	pub(crate) fn settle(
		task: TaskId,
		item: ItemIndex,
		state: ItemState<T>,
		terms: &TermsOf<T>,
		label: Label,
		decided_by: Decision,
		agreement: Perbill,
	) -> DispatchResult {
		let gold = decided_by == Decision::Gold;
		let mut counts = SettlementCounts::default();
		let mut votes = Votes::<T>::new();
		for commit in state.commits.iter() {
			let who = &commit.annotator;
			T::Stake::unlock(who, T::StakePerLabel::get());
			let outcome = match commit.revealed {
				Some(revealed) if revealed == label => {
					let reward = T::Tasks::pay_label(task, who)?;
					Self::credit_label_reward(who, reward);
					counts.agreeing.saturating_inc();
					if gold { LabelOutcome::GoldCorrect } else { LabelOutcome::Agreed }
				},
				Some(_) if gold => {
					let slashed = T::Stake::slash(who, T::GoldSlash::get(), &terms.requester);
					Self::debit_loss(who, slashed);
					LabelOutcome::GoldWrong
				},
				Some(_) => LabelOutcome::Disagreed,
				None => {
					let slashed = T::Stake::slash(who, T::UnrevealedSlash::get(), &terms.requester);
					Self::debit_loss(who, slashed);
					counts.unrevealed.saturating_inc();
					LabelOutcome::Unrevealed
				},
			};
			if commit.revealed.is_some() {
				counts.revealed.saturating_inc();
			}
			T::Reputation::record(who, terms.domain, outcome);
			// Commits are bounded by the same `MaxRedundancy` as votes.
			let _ = votes.try_push((who.clone(), commit.revealed));
		}
		// Claims never turned into commits cannot remain once reveals opened,
		// but release them should the rules change.
		for claim in state.claims.iter() {
			T::Stake::unlock(&claim.annotator, T::StakePerLabel::get());
			crate::OpenClaims::<T>::mutate(&claim.annotator, |open| open.saturating_dec());
		}
		Items::<T>::remove(task, item);
		let settled_at = frame_system::Pallet::<T>::block_number();
		SettledItems::<T>::insert(task, item, SettledItem { label, decided_by, agreement, settled_at });
		Self::count_settlement(task, decided_by, counts);
		if !state.commits.is_empty() {
			T::Tasks::item_settled(task)?;
		}
		Self::deposit_event(Event::ItemSettled { task, item, label, decided_by, agreement, votes });
		Ok(())
	}
}
