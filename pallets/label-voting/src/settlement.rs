//! Tallying an item by its posterior under the task's annotator models, and
//! settling it: payments, models, reputation, slashes, and pruning to a
//! compact record. Settling gathers what each annotator is owed in a
//! [`Settlement`], so that a call settling many items writes each
//! annotator's stake, payment, model, reputation and earnings once.

use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use frame_support::pallet_prelude::*;
use labelchain_primitives::{
	reputation::LabelOutcome,
	task::{ItemIndex, TaskId},
	totals::TaskQuality,
	runtime_api::LabelTally,
	traits::{ReputationInspect, ReputationRecorder, StakeLock, StakeSlash, TaskEscrow, TaskProgress},
};
use sp_runtime::{Perbill, Saturating};

use crate::{
	totals::SettlementCounts, AnnotatorModels, Config, Decision, Event, ItemPhase, ItemState, Label,
	Pallet, SettledItem, SettledItems, TaskEvidences, TermsOf, Votes,
};

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
	/// (item's final label, label given) of each revealed label settled by
	/// the crowd, an expert or the fallback: what the annotator's model on
	/// the task learns (gold's is learned at its reveal).
	observations: Vec<(Label, Label)>,
	/// Stake to take (unrevealed commits, wrong gold answers, overturned
	/// labels) and whom it goes to, one entry per label, taken after the
	/// stake behind the labels is freed.
	slashes: Vec<(Balance, AccountId)>,
}

impl<AccountId, Balance> Default for Owed<AccountId, Balance> {
	fn default() -> Self {
		Self { rewarded: 0, settled: 0, outcomes: Vec::new(), observations: Vec::new(), slashes: Vec::new() }
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
	/// The final labels of items whose class the task's prior learns.
	classes: Vec<Label>,
}

impl<T: Config> Default for Settlement<T> {
	fn default() -> Self {
		Self {
			owed: BTreeMap::new(),
			quality: TaskQuality::default(),
			items_done: 0,
			labels_refunded: 0,
			classes: Vec::new(),
		}
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

	/// Counts what `who`'s model learns from one label: `given` on an item
	/// whose final label is `label`.
	pub(crate) fn observe(&mut self, who: &T::AccountId, label: Label, given: Label) {
		self.owed.entry(who.clone()).or_default().observations.push((label, given));
	}

	/// Counts an item settled with `label` for the task's class prior.
	pub(crate) fn count_class(&mut self, label: Label) {
		self.classes.push(label);
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
	/// updates each annotator's model on the task (before their reputation
	/// moves, so that a new model's prior is their reputation before the
	/// task) and records their outcomes, refunds the label budget of
	/// unresolved items, then adds the task's counts and marks its items done
	/// (which closes the task after its last item).
	pub(crate) fn apply(self, task: TaskId, terms: &TermsOf<T>) -> DispatchResult {
		let treasury = T::Treasury::get();
		let mut rewarded = false;
		if !self.classes.is_empty() {
			TaskEvidences::<T>::mutate(task, |evidence| {
				for class in &self.classes {
					evidence.observe(*class, terms.class_count, true);
				}
			});
		}
		for (who, owed) in self.owed {
			if !owed.observations.is_empty() {
				let mut model = Pallet::<T>::model_of(task, &who, terms);
				for (label, given) in &owed.observations {
					model.observe(*label, *given, terms.class_count, 1, true);
				}
				AnnotatorModels::<T>::insert(task, &who, model);
			}
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
	/// Tallies a fully revealed item, or one whose reveal window has ended,
	/// by its posterior under the task's annotator models: the winner is
	/// accepted if its posterior reaches the task's target accuracy and, when
	/// the task asks for two or more labels, at least two annotators gave it;
	/// it settles after the appeal window. Otherwise an item with fewer than
	/// `r_max` commits, on a task that still takes work, asks for one more
	/// label (it takes labels again, with one place); any other is
	/// disputed: an expert has `ExpertTimeout` blocks, or none at all when
	/// the dispute budget cannot pay one (the fallback then settles it in
	/// the next block). A tally that decides (accepts or disputes) is
	/// counted in `quality`.
	pub(crate) fn tally(
		task: TaskId,
		item: ItemIndex,
		mut state: ItemState<T>,
		terms: &TermsOf<T>,
		quality: &mut TaskQuality,
	) {
		let accepted = Self::posterior_of(task, &state, terms).winner().filter(|(label, confidence)| {
			*confidence >= terms.target_accuracy && Self::enough_support(&state, terms, *label)
		});
		match accepted {
			Some((label, confidence)) => {
				let appeal_ends_at = frame_system::Pallet::<T>::block_number()
					.saturating_add(T::AppealWindow::get());
				state.phase = ItemPhase::Accepted { label, confidence, appeal_ends_at };
				Self::store_item(task, item, state, terms);
				Self::count_tally(quality, false);
				Self::deposit_event(Event::ItemAccepted { task, item, label, confidence, appeal_ends_at });
			},
			None if terms.may_ask_more(state.commits.len() as u32, frame_system::Pallet::<T>::block_number()) => {
				state.phase = ItemPhase::Labeling;
				let places = state.places_wanted(terms);
				Self::store_item(task, item, state, terms);
				Self::deposit_event(Event::MoreLabelsWanted { task, item, places });
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

	/// Whether enough annotators gave `label` for the crowd to decide it: two,
	/// on a task that asks for two or more labels an item, so that one
	/// annotator never settles an item alone.
	fn enough_support(state: &ItemState<T>, terms: &TermsOf<T>, label: Label) -> bool {
		terms.max_redundancy < 2 || state.revealers_of(label, &[]).len() >= 2
	}

	/// The label a crowd-accepted item settles with once its appeal window
	/// ends: the winner of its posterior now, as the task's models have
	/// learned since the tally, if it still has the support a tally needs;
	/// else the label accepted. With its posterior probability now.
	pub(crate) fn crowd_label_now(
		task: TaskId,
		state: &ItemState<T>,
		terms: &TermsOf<T>,
		accepted: Label,
	) -> (Label, Perbill) {
		let posterior = Self::posterior_of(task, state, terms);
		match posterior.winner().filter(|(label, _)| Self::enough_support(state, terms, *label)) {
			Some(winner) => winner,
			None => (accepted, posterior.probability(accepted)),
		}
	}

	/// Each revealed label of an item, in label order, with how many gave it
	/// and its posterior probability (rounded down) under the task's models
	/// now, as the tally weighs it. For experts, and for tools that settle a
	/// split item by its most probable label.
	pub fn label_tally(task: TaskId, state: &ItemState<T>, terms: &TermsOf<T>) -> Vec<LabelTally> {
		let posterior = Self::posterior_of(task, state, terms);
		let mut tally: Vec<LabelTally> = Vec::new();
		for commit in state.commits.iter() {
			let Some(label) = commit.revealed else { continue };
			match tally.iter_mut().find(|entry| entry.label == label) {
				Some(entry) => entry.annotators.saturating_inc(),
				None => tally.push(LabelTally { label, annotators: 1, share: posterior.probability(label) }),
			}
		}
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
		terms: &TermsOf<T>,
		label: Label,
		decided_by: Decision,
		confidence: Perbill,
		overturned: Option<&Overturn<T>>,
		settlement: &mut Settlement<T>,
	) {
		let gold = decided_by == Decision::Gold;
		let treasury = T::Treasury::get();
		let charge = Self::disagreement_charge(terms);
		let gold_charge = Self::gold_charge(terms);
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
				Some(_) if gold => (Some(LabelOutcome::GoldWrong), Some((gold_charge, treasury.clone()))),
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
				// A label the crowd, an expert or the fallback decided
				// against pays the charge that makes guessing lose.
				Some(_) => (Some(LabelOutcome::Disagreed), Some((charge, treasury.clone()))),
			};
			// A revealed label's gold outcome was recorded, and learned by
			// the task's models, when the answer was revealed, so that later
			// tallies weigh it at once.
			let already_recorded = gold && commit.revealed.is_some();
			if let Some(given) = commit.revealed.filter(|_| !gold && decided_by != Decision::Unresolved) {
				settlement.observe(&commit.annotator, label, given);
			}
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
		if !gold && decided_by != Decision::Unresolved && counts.revealed > 0 {
			settlement.count_class(label);
		}
		if gold {
			Self::rescore_calibration(task, item, &state, terms, label);
		}
		Self::remove_item(task, item, &state);
		let settled_at = frame_system::Pallet::<T>::block_number();
		let labels_used = u8::try_from(state.commits.len()).unwrap_or(u8::MAX);
		SettledItems::<T>::insert(task, item, SettledItem { label, decided_by, confidence, settled_at, labels_used });
		Self::count_settlement(&mut settlement.quality, decided_by, counts);
		if !state.commits.is_empty() {
			settlement.items_done.saturating_inc();
		}
		Self::deposit_event(Event::ItemSettled { task, item, label, decided_by, confidence, votes });
	}

	/// What a revealed label that disagrees with its item's final label is
	/// charged (out of stake, to the treasury): `(1 + GuessingLoss) / (K − 1)`
	/// rewards, so that an annotator guessing uniformly, who agrees one time
	/// in K, loses `GuessingLoss / K` rewards a label on average (see the
	/// README's "Pay"); at most `StakePerLabel`, the stake behind the label.
	pub fn disagreement_charge(terms: &TermsOf<T>) -> T::Balance {
		let others = u32::from(terms.class_count.saturating_sub(1)).max(1);
		let with_loss = terms.reward_per_label.saturating_add(T::GuessingLoss::get().mul_floor(terms.reward_per_label));
		let charge = with_loss / T::Balance::from(others);
		charge.min(T::StakePerLabel::get())
	}

	/// What a wrong answer on a gold item is charged (out of stake, to the
	/// treasury): the disagreement charge times the reputation's gold
	/// weight, as a gold answer counts for that many labels, so that what
	/// one wrong gold answer costs stays in proportion to what a label
	/// earns; at most `GoldSlash` (which the requester's gold bond covers
	/// for each of the item's labels).
	pub fn gold_charge(terms: &TermsOf<T>) -> T::Balance {
		Self::disagreement_charge(terms)
			.saturating_mul(T::Balance::from(T::Reputation::gold_weight()))
			.min(T::GoldSlash::get())
	}

	/// The fallback for a dispute no expert decided in time: the label its
	/// posterior strictly favours, if at least two annotators gave it (one,
	/// on a task that asks for one label), with its posterior probability.
	pub(crate) fn fallback_label(task: TaskId, state: &ItemState<T>, terms: &TermsOf<T>) -> Option<(Label, Perbill)> {
		Self::posterior_of(task, state, terms)
			.winner()
			.filter(|(label, _)| Self::enough_support(state, terms, *label))
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
		match Self::fallback_label(task, &state, terms) {
			Some((label, confidence)) =>
				Self::settle(task, item, state, terms, label, Decision::Fallback, confidence, None, settlement),
			None => {
				if !state.commits.is_empty() {
					settlement.labels_refunded.saturating_accrue(u32::from(terms.max_redundancy));
				}
				// An unresolved item's label means nothing: 0.
				Self::settle(task, item, state, terms, 0, Decision::Unresolved, Perbill::zero(), None, settlement)
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
		confidence: Perbill,
		overturned: Option<&Overturn<T>>,
	) -> DispatchResult {
		let mut settlement = Settlement::default();
		Self::settle(task, item, state, terms, label, decided_by, confidence, overturned, &mut settlement);
		settlement.apply(task, terms)
	}
}
