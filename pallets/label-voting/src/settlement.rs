//! Tallying an item by reputation-weighted vote, and settling it: payments,
//! reputation, slashes, and pruning to a compact record. Settling gathers
//! what each annotator is owed in a [`Settlement`], so that a call settling
//! many items writes each annotator's stake, payment, reputation and earnings
//! once.

use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use frame_support::pallet_prelude::*;
use labelchain_primitives::{
	reputation::LabelOutcome,
	task::{ItemIndex, TaskId},
	totals::TaskQuality,
	runtime_api::LabelTally,
	traits::{ReputationInspect, ReputationRecorder, StakeLock, StakeSlash, TaskEscrow, TaskProgress},
};
use sp_arithmetic::FixedU128;
use sp_runtime::{traits::Zero, Perbill, Saturating};

use crate::{
	totals::SettlementCounts, Config, Decision, Event, ItemPhase, ItemState, Label, Pallet,
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

/// A label an expert overturned on appeal: every annotator who revealed it
/// loses their label stake, each in turn to one of `beneficiaries` (the
/// appellant, unless the requester, and the annotators who revealed the
/// expert's label), or to the treasury when there are none.
pub(crate) struct Overturn<T: Config> {
	pub label: Label,
	pub beneficiaries: Vec<T::AccountId>,
}

/// What one annotator is owed by the items settled together.
struct Owed<AccountId, Balance> {
	/// Labels that matched their item's final label: paid in one transfer.
	rewarded: u32,
	/// Labels settled: each frees `StakePerLabel` of locked stake.
	settled: u32,
	/// Each label's outcome, in settling order, for the reputation record.
	outcomes: Vec<LabelOutcome>,
	/// Stake to take (unrevealed commits, wrong gold answers, overturned
	/// labels) and whom it goes to, one entry per label, taken after the
	/// stake behind the labels is freed.
	slashes: Vec<(Balance, AccountId)>,
}

impl<AccountId, Balance> Default for Owed<AccountId, Balance> {
	fn default() -> Self {
		Self { rewarded: 0, settled: 0, outcomes: Vec::new(), slashes: Vec::new() }
	}
}

/// The effects of settling one or more items of a task that are shared
/// between items: written by [`Settlement::apply`] once per annotator and once
/// per task.
pub(crate) struct Settlement<T: Config> {
	owed: BTreeMap<T::AccountId, Owed<T::AccountId, T::Balance>>,
	/// Tallies and settlements counted for the task.
	pub(crate) quality: TaskQuality,
	/// Settled items that had commits (the task counts them as done).
	items_done: u32,
	/// Funded labels of unresolved items, to go back to the requester.
	labels_refunded: u32,
}

impl<T: Config> Default for Settlement<T> {
	fn default() -> Self {
		Self { owed: BTreeMap::new(), quality: TaskQuality::default(), items_done: 0, labels_refunded: 0 }
	}
}

impl<T: Config> Settlement<T> {
	/// Counts one settled label of `who`: its stake is to be freed, its
	/// `outcome` recorded (unless it was already, as a gold answer's is at
	/// its reveal), an agreeing label rewarded, and `slash` taken (to the
	/// account it names).
	pub(crate) fn count_label(
		&mut self,
		who: &T::AccountId,
		outcome: LabelOutcome,
		already_recorded: bool,
		slash: Option<(T::Balance, T::AccountId)>,
	) {
		let owed = self.owed.entry(who.clone()).or_default();
		owed.settled.saturating_inc();
		if matches!(outcome, LabelOutcome::Agreed | LabelOutcome::GoldCorrect) {
			owed.rewarded.saturating_inc();
		}
		if !already_recorded {
			owed.outcomes.push(outcome);
		}
		owed.slashes.extend(slash);
	}

	/// Counts one label of `who` on an item nobody decided: its stake is to
	/// be freed, and nothing else (no reward, no reputation).
	pub(crate) fn count_unjudged(&mut self, who: &T::AccountId) {
		self.owed.entry(who.clone()).or_default().settled.saturating_inc();
	}

	/// How many different annotators the settled items had.
	pub(crate) fn annotators(&self) -> u32 {
		self.owed.len() as u32
	}

	/// Frees the stake behind every settled label, pays each annotator's
	/// rewards from escrow in one transfer and their protocol fees to the
	/// treasury in one for all, takes slashes (to the treasury, or an
	/// overturned label's stake to those who were right),
	/// records each annotator's outcomes, refunds the label budget of
	/// unresolved items, then adds the task's counts and marks its items done
	/// (which closes the task after its last item).
	pub(crate) fn apply(self, task: TaskId, terms: &TermsOf<T>) -> DispatchResult {
		let treasury = T::Treasury::get();
		let mut rewarded = false;
		for (who, owed) in self.owed {
			T::Stake::unlock(&who, T::StakePerLabel::get().saturating_mul(owed.settled.into()));
			if owed.rewarded > 0 {
				rewarded = true;
				let amount = T::Tasks::pay_labels(task, &who, owed.rewarded)?;
				Pallet::<T>::credit_label_rewards(&who, amount, owed.rewarded);
			}
			for (wanted, beneficiary) in owed.slashes {
				let slashed = T::Stake::slash(&who, wanted, &beneficiary);
				Pallet::<T>::debit_loss(&who, slashed);
				if beneficiary != treasury {
					Pallet::<T>::credit_award(&beneficiary, slashed);
				}
			}
			if !owed.outcomes.is_empty() {
				T::Reputation::record_all(&who, terms.domain, &owed.outcomes);
			}
		}
		if rewarded {
			T::Tasks::pay_owed_fees(task)?;
		}
		if self.labels_refunded > 0 {
			T::Tasks::refund_labels(task, self.labels_refunded)?;
		}
		Pallet::<T>::write_quality(task, &self.quality);
		if self.items_done > 0 {
			T::Tasks::items_settled(task, self.items_done)?;
		}
		Ok(())
	}
}

impl<T: Config> Pallet<T> {
	/// Tallies a fully revealed item, or one whose reveal window has ended:
	/// the winner is accepted if it has a strict plurality, reaches the task's
	/// agreement threshold and, when the task asks for two or more labels, was
	/// given by at least two annotators; it settles after the appeal window.
	/// Otherwise the item is disputed: an expert has `ExpertTimeout` blocks,
	/// or none at all when the dispute budget cannot pay one (the fallback
	/// then settles it in the next block). The tally is counted in `quality`.
	pub(crate) fn tally(
		task: TaskId,
		item: ItemIndex,
		mut state: ItemState<T>,
		terms: &TermsOf<T>,
		quality: &mut TaskQuality,
	) {
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
				Self::store_item(task, item, state, terms);
				Self::count_tally(quality, false);
				Self::deposit_event(Event::ItemAccepted { task, item, label, agreement, appeal_ends_at });
			},
			None => {
				let times_out_at = if T::Tasks::can_pay_expert(task, T::ExpertFee::get()) {
					Self::expert_deadline()
				} else {
					frame_system::Pallet::<T>::block_number()
				};
				state.phase = ItemPhase::Disputed { times_out_at };
				Self::store_item(task, item, state, terms);
				Self::count_tally(quality, true);
				Self::deposit_event(Event::ItemDisputed { task, item, times_out_at });
			},
		}
	}

	/// Each revealed label of an item, in label order, with how many gave it
	/// and its share of the revealed vote weight (rounded down) under the
	/// revealers' reputations now, weighed as the tally weighs them: if no
	/// revealer has any weight, each counts once, so the shares are head
	/// counts. For experts, and for tools that settle a split item by its
	/// top-weighted label.
	pub fn label_tally(state: &ItemState<T>, terms: &TermsOf<T>) -> Vec<LabelTally> {
		let totals = LabelTotals::of::<T>(state, terms);
		let mut tally: Vec<LabelTally> = totals
			.totals
			.iter()
			.map(|(label, weight, annotators)| LabelTally {
				label: *label,
				annotators: *annotators,
				share: totals.share(*weight),
			})
			.collect();
		tally.sort_by_key(|entry| entry.label);
		tally
	}

	/// Each revealed label's outcome against the gold `answer`: recorded
	/// in reputation when the answer is revealed (its money waits for the
	/// appeal window), withdrawn if an expert overturns the answer.
	pub(crate) fn gold_outcomes(
		state: &ItemState<T>,
		answer: Label,
	) -> impl Iterator<Item = (&T::AccountId, LabelOutcome)> + '_ {
		state.commits.iter().filter_map(move |commit| {
			let revealed = commit.revealed?;
			let outcome = if revealed == answer { LabelOutcome::GoldCorrect } else { LabelOutcome::GoldWrong };
			Some((&commit.annotator, outcome))
		})
	}

	/// `label`'s share of the item's revealed vote weight.
	pub(crate) fn weight_share(state: &ItemState<T>, terms: &TermsOf<T>, label: Label) -> Perbill {
		let totals = LabelTotals::of::<T>(state, terms);
		totals.share(totals.weight_of(label))
	}

	/// Settles an item with `label`: every annotator whose label is `label` is
	/// owed the reward, everyone is scored (against a gold answer with the gold
	/// weight, wrong ones owing `GoldSlash` to the treasury), commits never
	/// revealed owe `UnrevealedSlash` to the treasury, the annotators of an
	/// `overturned` label owe their label stake to its beneficiaries, and the
	/// stake behind the item is to be freed; the item's commits are replaced
	/// with a compact record. `Unresolved` pays and scores no revealed label.
	/// What is owed is gathered in `settlement`, which the caller applies.
	#[allow(clippy::too_many_arguments)]
	pub(crate) fn settle(
		task: TaskId,
		item: ItemIndex,
		state: ItemState<T>,
		label: Label,
		decided_by: Decision,
		agreement: Perbill,
		overturned: Option<&Overturn<T>>,
		settlement: &mut Settlement<T>,
	) {
		let gold = decided_by == Decision::Gold;
		let treasury = T::Treasury::get();
		let mut overturned_labels = 0usize;
		let mut counts = SettlementCounts::default();
		let mut votes = Votes::<T>::new();
		for commit in state.commits.iter() {
			let (outcome, slash) = match commit.revealed {
				// Not revealing is a fault whatever the label, decided or not.
				None => {
					counts.unrevealed.saturating_inc();
					(Some(LabelOutcome::Unrevealed), Some((T::UnrevealedSlash::get(), treasury.clone())))
				},
				// Nobody decided: a revealed label is neither right nor wrong.
				Some(_) if decided_by == Decision::Unresolved => (None, None),
				Some(revealed) if revealed == label => {
					counts.agreeing.saturating_inc();
					(Some(if gold { LabelOutcome::GoldCorrect } else { LabelOutcome::Agreed }), None)
				},
				Some(_) if gold => (Some(LabelOutcome::GoldWrong), Some((T::GoldSlash::get(), treasury.clone()))),
				Some(revealed) if overturned.is_some_and(|overturn| overturn.label == revealed) => {
					let beneficiary = overturned
						.and_then(|overturn| {
							let turn = overturned_labels.checked_rem(overturn.beneficiaries.len())?;
							overturn.beneficiaries.get(turn).cloned()
						})
						.unwrap_or_else(|| treasury.clone());
					overturned_labels.saturating_inc();
					(Some(LabelOutcome::Disagreed), Some((T::StakePerLabel::get(), beneficiary)))
				},
				Some(_) => (Some(LabelOutcome::Disagreed), None),
			};
			// A revealed label's gold outcome was recorded when the answer
			// was revealed, so that later tallies weigh it at once.
			let already_recorded = gold && commit.revealed.is_some();
			match outcome {
				Some(outcome) => settlement.count_label(&commit.annotator, outcome, already_recorded, slash),
				None => settlement.count_unjudged(&commit.annotator),
			}
			if commit.revealed.is_some() {
				counts.revealed.saturating_inc();
			}
			// Commits are bounded by the same `MaxRedundancy` as votes.
			let _ = votes.try_push((commit.annotator.clone(), commit.revealed));
		}
		// Claims never turned into commits cannot remain once reveals opened,
		// but release them should the rules change.
		for claim in state.claims.iter() {
			T::Stake::unlock(&claim.annotator, T::StakePerLabel::get());
			Pallet::<T>::close_open_claims(&claim.annotator, 1);
		}
		Self::remove_item(task, item, &state);
		let settled_at = frame_system::Pallet::<T>::block_number();
		SettledItems::<T>::insert(task, item, SettledItem { label, decided_by, agreement, settled_at });
		Self::count_settlement(&mut settlement.quality, decided_by, counts);
		if !state.commits.is_empty() {
			settlement.items_done.saturating_inc();
		}
		Self::deposit_event(Event::ItemSettled { task, item, label, decided_by, agreement, votes });
	}

	/// The fallback for a dispute no expert decided in time: the label with a
	/// strict plurality of vote weight, if at least two annotators gave it
	/// (one, on a task that asks for one label), with its share.
	pub(crate) fn fallback_label(state: &ItemState<T>, terms: &TermsOf<T>) -> Option<(Label, Perbill)> {
		let totals = LabelTotals::of::<T>(state, terms);
		totals
			.clear_winner()
			.filter(|(_, _, count)| terms.redundancy < 2 || *count >= 2)
			.map(|(label, weight, _)| (label, totals.share(weight)))
	}

	/// Settles a dispute whose expert time ran out: with the fallback label
	/// as a `Fallback` decision (paid like the crowd's, not appealable), or
	/// else `Unresolved`: no revealed label is paid or scored, the stake
	/// behind every label is freed, and the item's label budget goes back to
	/// the requester. A commit never revealed is still slashed and counted
	/// against its annotator: sparing it would make hiding one's label the
	/// way to escape every slash on a task with no expert.
	pub(crate) fn settle_by_fallback(
		task: TaskId,
		item: ItemIndex,
		state: ItemState<T>,
		terms: &TermsOf<T>,
		settlement: &mut Settlement<T>,
	) {
		match Self::fallback_label(&state, terms) {
			Some((label, agreement)) =>
				Self::settle(task, item, state, label, Decision::Fallback, agreement, None, settlement),
			None => {
				if !state.commits.is_empty() {
					settlement.labels_refunded.saturating_accrue(u32::from(terms.redundancy));
				}
				// An unresolved item's label means nothing: 0.
				Self::settle(task, item, state, 0, Decision::Unresolved, Perbill::zero(), None, settlement)
			},
		}
	}

	/// Settles one item and applies what it owes at once.
	#[allow(clippy::too_many_arguments)]
	pub(crate) fn settle_now(
		task: TaskId,
		item: ItemIndex,
		state: ItemState<T>,
		terms: &TermsOf<T>,
		label: Label,
		decided_by: Decision,
		agreement: Perbill,
		overturned: Option<&Overturn<T>>,
	) -> DispatchResult {
		let mut settlement = Settlement::default();
		Self::settle(task, item, state, label, decided_by, agreement, overturned, &mut settlement);
		settlement.apply(task, terms)
	}
}
