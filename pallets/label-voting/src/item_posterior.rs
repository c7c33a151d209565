//! The posterior of an item in storage, and what the task learns when an
//! item's label is decided: its annotators' models and its class prior.

use alloc::vec::Vec;
use frame_support::pallet_prelude::Get;
use labelchain_primitives::{
	task::{ItemIndex, TaskId},
	traits::{ReputationInspect, TaskWorkingStorage},
};
use sp_runtime::Perbill;

use crate::{
	models::AnnotatorModel, posterior::Posterior, AnnotatorModels, Config, GoldScores, ItemState, Label,
	Pallet, TaskEvidences, TermsOf,
};

impl<T: Config> Pallet<T> {
	/// `who`'s model on `task`: the stored one, or a new one from their
	/// domain reputation now.
	pub(crate) fn model_of(task: TaskId, who: &T::AccountId, terms: &TermsOf<T>) -> AnnotatorModel<T> {
		AnnotatorModels::<T>::get(task, who).unwrap_or_else(|| {
			let log_odds = T::Reputation::vote_weight(who, terms.domain, terms.class_count);
			AnnotatorModel::new(AnnotatorModel::<T>::prior_from_log_odds(log_odds, terms.class_count), terms.class_count)
		})
	}

	/// The posterior of `state`'s revealed labels under the task's models now.
	pub(crate) fn posterior_of(task: TaskId, state: &ItemState<T>, terms: &TermsOf<T>) -> Posterior {
		let labels: Vec<(AnnotatorModel<T>, Label)> = state
			.commits
			.iter()
			.filter_map(|commit| Some((Self::model_of(task, &commit.annotator, terms), commit.revealed?)))
			.collect();
		Posterior::of::<T>(&labels, &TaskEvidences::<T>::get(task), terms.class_count, T::ModelPriorStrength::get())
	}

	/// Scores the task's calibration with a gold answer as it is revealed:
	/// the log loss, under each candidate temperature, of `posterior`, the
	/// one the item has before the task's models learn the answer. Scored at
	/// once, the temperature follows how sure the posteriors are when items
	/// are tallied, early in a task too. The losses are kept (`GoldScores`)
	/// so that the item's settlement can replace them and an overturn take
	/// them back. An item nobody revealed a label on says nothing about the
	/// annotators' models and is not scored.
	pub(crate) fn score_calibration(
		task: TaskId,
		item: ItemIndex,
		state: &ItemState<T>,
		posterior: &Posterior,
		terms: &TermsOf<T>,
		answer: Label,
	) {
		if !state.has_reveals() {
			return;
		}
		let mut evidence = TaskEvidences::<T>::get(task);
		let losses = posterior.log_losses(answer, &evidence, terms.class_count);
		evidence.rescore(None, Some(&losses));
		TaskEvidences::<T>::insert(task, evidence);
		GoldScores::<T>::insert(task, item, losses);
	}

	/// Re-scores a gold answer that stood as its item settles: its reveal's
	/// losses give way to those of the posterior the task's models give the
	/// item now, leaving out what they learned from this answer (as if it
	/// were still hidden). Models learn through a task, and how sure their
	/// posteriors are drifts with them (they grow surer as they learn from
	/// settled items); the latest measure of each answer is the one kept.
	/// An answer revealed before the chain scored at the reveal (spec 123)
	/// has no reveal's losses and is scored here for the first time.
	pub(crate) fn rescore_calibration(task: TaskId, item: ItemIndex, state: &ItemState<T>, terms: &TermsOf<T>, answer: Label) {
		let scored = GoldScores::<T>::take(task, item);
		if !state.has_reveals() {
			return;
		}
		let weight = T::Reputation::gold_weight();
		let labels: Vec<(AnnotatorModel<T>, Label)> = state
			.commits
			.iter()
			.filter_map(|commit| {
				let given = commit.revealed?;
				let mut model = Self::model_of(task, &commit.annotator, terms);
				model.observe(answer, given, terms.class_count, weight, false);
				Some((model, given))
			})
			.collect();
		let mut evidence = TaskEvidences::<T>::get(task);
		let mut hidden = evidence.clone();
		hidden.observe(answer, terms.class_count, false);
		let posterior = Posterior::of::<T>(&labels, &hidden, terms.class_count, T::ModelPriorStrength::get());
		let losses = posterior.log_losses(answer, &hidden, terms.class_count);
		evidence.rescore(scored.as_ref(), Some(&losses));
		TaskEvidences::<T>::insert(task, evidence);
	}

	/// Takes back the calibration score of a gold answer an expert
	/// overturned: exactly what its reveal added.
	pub(crate) fn unscore_calibration(task: TaskId, item: ItemIndex) {
		let Some(scored) = GoldScores::<T>::take(task, item) else { return };
		TaskEvidences::<T>::mutate(task, |evidence| evidence.rescore(Some(&scored), None));
	}

	/// `label`'s posterior probability on `state` now.
	pub(crate) fn posterior_probability(task: TaskId, state: &ItemState<T>, terms: &TermsOf<T>, label: Label) -> Perbill {
		Self::posterior_of(task, state, terms).probability(label)
	}

	/// The task learns from a gold answer revealed (`add`) or overturned on
	/// appeal (not `add`): each revealed label is counted in its
	/// annotator's model against `answer` with the gold weight, and `answer`
	/// in the class prior.
	pub(crate) fn learn_from_gold(task: TaskId, state: &ItemState<T>, terms: &TermsOf<T>, answer: Label, add: bool) {
		let mut evidence = TaskEvidences::<T>::get(task);
		let weight = T::Reputation::gold_weight();
		for commit in state.commits.iter() {
			let Some(given) = commit.revealed else { continue };
			let mut model = Self::model_of(task, &commit.annotator, terms);
			model.observe(answer, given, terms.class_count, weight, add);
			AnnotatorModels::<T>::insert(task, &commit.annotator, model);
		}
		evidence.observe(answer, terms.class_count, add);
		TaskEvidences::<T>::insert(task, evidence);
	}
}

/// A closed task's models and class prior go with its other working storage.
impl<T: Config> TaskWorkingStorage for Pallet<T> {
	fn prune(task: TaskId, limit: u32) -> bool {
		// Key by key, as the tasks pallet drains gold commitments, so that
		// exactly `limit` go whether in the database or the overlay.
		AnnotatorModels::<T>::drain_prefix(task).take(limit as usize).for_each(drop);
		let done = AnnotatorModels::<T>::iter_key_prefix(task).next().is_none();
		if done {
			TaskEvidences::<T>::remove(task);
		}
		done
	}

	fn is_pruned(task: TaskId) -> bool {
		AnnotatorModels::<T>::iter_key_prefix(task).next().is_none() && !TaskEvidences::<T>::contains_key(task)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn fill_for_benchmark(task: TaskId, entries: u32) {
		let classes = u16::try_from(T::MaxModelClasses::get()).unwrap_or(u16::MAX);
		let mut evidence = crate::models::TaskEvidence::default();
		for class in 0..classes {
			evidence.observe(class, classes, true);
		}
		TaskEvidences::<T>::insert(task, evidence);
		for index in 0..entries {
			let who: T::AccountId = frame_benchmarking::account("model", index, 0);
			let mut model = AnnotatorModel::<T>::new(Perbill::from_percent(70), classes);
			for true_class in 0..classes {
				model.observe(true_class, 0, classes, 1, true);
			}
			AnnotatorModels::<T>::insert(task, who, model);
		}
	}
}
