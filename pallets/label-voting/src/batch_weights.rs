//! The weights of the reveals and of the batch calls, put together from
//! measured parts.
//!
//! A reveal that completes its item tallies it, and a tally costs more with
//! the item's labels and the task's classes: `reveal` measures it on the most
//! classes a task's models count, `reveal_two_classes` on the fewest, and a
//! task between is charged on the straight line between them.
//! `reveal_batch`'s benchmark measures reveals that do not tally and
//! `reveal_batch_tallying` reveals that do; a batch is charged each reveal by
//! what it did. The other batch benchmarks measure their items at redundancy 1
//! (and, for `finalize_items`, with one annotator). What larger items cost on
//! top is the single-item benchmark's growth with redundancy, and what each
//! further annotator costs is the `settle_payouts` benchmark's growth per
//! annotator: all measured, so a batch is charged for what it holds. A call
//! declares the weight of its items at `MaxRedundancy`, the most classes and
//! all annotators different, and refunds down to what it found. An expert
//! timeout costs an item what the agenda's entry benchmark (which times an
//! appeal out) measures over a plain settlement.

use frame_support::{traits::Get, weights::Weight};

use crate::{Config, Pallet, WeightInfo};

/// What one reveal did, which its weight follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RevealWork {
	/// Stored the label: the item of `redundancy` waits for more reveals.
	Stored { redundancy: u32 },
	/// Completed the item of `redundancy` on a task of `classes` and tallied it.
	Tallied { redundancy: u32, classes: u16 },
}

impl<T: Config> Pallet<T> {
	/// What one commit on an item of `redundancy` costs over one at redundancy 1.
	pub(crate) fn commit_extra(redundancy: u32) -> Weight {
		T::WeightInfo::commit(redundancy).saturating_sub(T::WeightInfo::commit(1))
	}

	/// A reveal made alone, in `reveal` or `commit_and_reveal`.
	pub fn reveal_alone(work: RevealWork) -> Weight {
		match work {
			RevealWork::Stored { redundancy } => T::WeightInfo::reveal_untallied(redundancy),
			RevealWork::Tallied { redundancy, classes } => Self::tally_reveal_weight(redundancy, classes),
		}
	}

	/// What a reveal costs in a batch over the batch benchmark's reveals
	/// (untallied, on items of two). A tally costs what the tallying batch
	/// benchmark's reveals (items of two, the most classes) cost over those,
	/// moved by how much a lone tally of its item's redundancy and class count
	/// costs against one of that benchmark's shape.
	pub fn reveal_in_batch(work: RevealWork) -> Weight {
		match work {
			RevealWork::Stored { redundancy } =>
				T::WeightInfo::reveal_untallied(redundancy).saturating_sub(T::WeightInfo::reveal_untallied(2)),
			RevealWork::Tallied { redundancy, classes } => {
				let slope = |batch: fn(u32) -> Weight| batch(2).saturating_sub(batch(1));
				let measured = slope(T::WeightInfo::reveal_batch_tallying).saturating_sub(slope(T::WeightInfo::reveal_batch));
				measured
					.saturating_add(Self::tally_reveal_weight(redundancy, classes))
					.saturating_sub(Self::tally_reveal_weight(2, Self::most_classes()))
			},
		}
	}

	/// The most classes a task's models count class by class.
	pub(crate) fn most_classes() -> u16 {
		u16::try_from(T::MaxModelClasses::get()).unwrap_or(u16::MAX)
	}

	/// A reveal that tallies an item of `redundancy` labels on a task of
	/// `class_count` classes. A tally scores each class under each label and
	/// decodes models of K² cells: its cost grows with K, and faster than in
	/// proportion, so between the two measured ends (two classes, and
	/// `MaxModelClasses`) the straight line lies above it. A larger task's
	/// one-accuracy models score two likelihoods a label and are charged as
	/// `MaxModelClasses` (what `reveal` measures), the most.
	pub fn tally_reveal_weight(redundancy: u32, class_count: u16) -> Weight {
		let fewest = T::WeightInfo::reveal_two_classes(redundancy);
		let most = T::WeightInfo::reveal(redundancy).max(fewest);
		let span = u64::from(T::MaxModelClasses::get().saturating_sub(2));
		let above = u64::from(class_count.saturating_sub(2));
		if span == 0 || above >= span {
			return most;
		}
		let growth = most.saturating_sub(fewest);
		let share = |part: u64| part.saturating_mul(above).div_ceil(span);
		fewest.saturating_add(Weight::from_parts(share(growth.ref_time()), share(growth.proof_size())))
	}

	/// A reveal made alone on an item of at most `redundancy`, whatever it
	/// does: a tally on the most classes, or storing the label.
	pub fn reveal_worst(redundancy: u32) -> Weight {
		let classes = Self::most_classes();
		Self::reveal_alone(RevealWork::Tallied { redundancy, classes })
			.max(Self::reveal_alone(RevealWork::Stored { redundancy }))
	}

	/// A `commit_batch` of `commits` on items of at most `redundancy`.
	pub fn commit_batch_weight(commits: u32, redundancy: u32) -> Weight {
		T::WeightInfo::commit_batch(commits)
			.saturating_add(Self::commit_extra(redundancy).saturating_mul(commits.into()))
	}

	/// A `reveal_batch` of `reveals` on items of at most `redundancy`: each
	/// as costly as a tally on the most classes or a stored label.
	pub fn reveal_batch_weight(reveals: u32, redundancy: u32) -> Weight {
		let classes = Self::most_classes();
		Self::reveal_batch_of(reveals, RevealWork::Tallied { redundancy, classes })
			.max(Self::reveal_batch_of(reveals, RevealWork::Stored { redundancy }))
	}

	/// A `reveal_batch` of `reveals` reveals that each do `work`.
	pub fn reveal_batch_of(reveals: u32, work: RevealWork) -> Weight {
		T::WeightInfo::reveal_batch(reveals).saturating_add(Self::reveal_in_batch(work).saturating_mul(reveals.into()))
	}

	/// A `finalize_items` of `items` items of at most `redundancy`, declared as
	/// if every label had a different annotator.
	pub fn finalize_items_weight(items: u32, redundancy: u32) -> Weight {
		let labels = items.saturating_mul(redundancy);
		let item_extra = Self::timeout_extra().max(T::WeightInfo::agenda_expired_claims(redundancy));
		Self::finalize_items_actual(items, labels, labels).saturating_add(item_extra.saturating_mul(items.into()))
	}

	/// What an expert timeout costs an item over a settlement (measured by
	/// the agenda's entry benchmark, which times one out).
	pub(crate) fn timeout_extra() -> Weight {
		T::WeightInfo::agenda_entry(1).saturating_sub(T::WeightInfo::finalize_item(1))
	}

	/// A `finalize_items` that moved `items` items holding `labels` labels in
	/// all, settling the labels of `annotators` different annotators.
	pub fn finalize_items_actual(items: u32, labels: u32, annotators: u32) -> Weight {
		let per_annotator = T::WeightInfo::settle_payouts(2).saturating_sub(T::WeightInfo::settle_payouts(1));
		// A further label on an item: settling it (without its annotator's
		// writes, counted per annotator) or tallying it, whichever costs more.
		let settled_label = T::WeightInfo::finalize_item(2)
			.saturating_sub(T::WeightInfo::finalize_item(1))
			.saturating_sub(per_annotator);
		let tallied_label = T::WeightInfo::reveal(2).saturating_sub(T::WeightInfo::reveal(1));
		let per_label = settled_label.max(tallied_label);
		T::WeightInfo::finalize_items(items)
			.saturating_add(per_label.saturating_mul(labels.saturating_sub(items).into()))
			.saturating_add(per_annotator.saturating_mul(annotators.saturating_sub(1).into()))
	}

	/// A `reveal_gold` on an item of `redundancy`: a first answer or a
	/// second one, whichever costs more.
	pub fn reveal_gold_weight(redundancy: u32) -> Weight {
		T::WeightInfo::reveal_gold(redundancy).max(T::WeightInfo::reveal_second_gold(redundancy))
	}
}
