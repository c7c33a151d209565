//! Running totals the voting pallet keeps so that clients can read a task's
//! label quality and an annotator's earnings without replaying history.

use codec::{Decode, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_runtime::{traits::Saturating, Perbill};

/// Counts about one task's labels and items, updated as items are tallied,
/// appealed and settled.
#[derive(Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct TaskQuality {
	/// Items whose revealed labels were counted (accepted or disputed).
	pub items_tallied: u32,
	/// Tallies that ended disputed.
	pub disputes: u32,
	/// Appeals lodged, and how many an expert upheld.
	pub appeals: u32,
	pub appeals_upheld: u32,
	/// Settled items by how their label was decided.
	pub settled_by_crowd: u32,
	pub settled_by_expert: u32,
	pub settled_by_gold: u32,
	/// Disputes no expert decided in time: settled by the fallback rule, or
	/// left unresolved (nobody paid, the item's label budget refunded).
	pub settled_by_fallback: u32,
	pub unresolved: u32,
	/// Revealed labels of settled items, and how many matched the final label.
	pub labels_revealed: u32,
	pub labels_agreeing: u32,
	/// Commits of settled items that were never revealed.
	pub labels_unrevealed: u32,
	/// Revealed labels on items settled by gold, and how many were right.
	pub gold_labels: u32,
	pub gold_labels_correct: u32,
}

impl TaskQuality {
	/// Adds every count of `more` to this one: how calls that tally or settle
	/// several items write a task's counts once.
	pub fn absorb(&mut self, more: &TaskQuality) {
		for (count, extra) in [
			(&mut self.items_tallied, more.items_tallied),
			(&mut self.disputes, more.disputes),
			(&mut self.appeals, more.appeals),
			(&mut self.appeals_upheld, more.appeals_upheld),
			(&mut self.settled_by_crowd, more.settled_by_crowd),
			(&mut self.settled_by_expert, more.settled_by_expert),
			(&mut self.settled_by_gold, more.settled_by_gold),
			(&mut self.settled_by_fallback, more.settled_by_fallback),
			(&mut self.unresolved, more.unresolved),
			(&mut self.labels_revealed, more.labels_revealed),
			(&mut self.labels_agreeing, more.labels_agreeing),
			(&mut self.labels_unrevealed, more.labels_unrevealed),
			(&mut self.gold_labels, more.gold_labels),
			(&mut self.gold_labels_correct, more.gold_labels_correct),
		] {
			count.saturating_accrue(extra);
		}
	}

	/// Items settled, however decided (unresolved ones included).
	pub fn items_settled(&self) -> u32 {
		self.settled_by_crowd
			.saturating_add(self.settled_by_expert)
			.saturating_add(self.settled_by_gold)
			.saturating_add(self.settled_by_fallback)
			.saturating_add(self.unresolved)
	}

	/// The share of revealed labels that matched their item's final label.
	pub fn agreement_rate(&self) -> Option<Perbill> {
		share(self.labels_agreeing, self.labels_revealed)
	}

	/// The share of labels on gold items that were right.
	pub fn gold_accuracy(&self) -> Option<Perbill> {
		share(self.gold_labels_correct, self.gold_labels)
	}

	/// The share of tallied items the crowd could not settle.
	pub fn dispute_rate(&self) -> Option<Perbill> {
		share(self.disputes, self.items_tallied)
	}
}

fn share(part: u32, whole: u32) -> Option<Perbill> {
	(whole > 0).then(|| Perbill::from_rational(part.min(whole), whole))
}

/// What an annotator (or expert) has been paid and has lost, over all tasks.
#[derive(Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen, Default)]
pub struct Earnings<Balance> {
	/// Rewards for accepted labels, and how many.
	pub label_rewards: Balance,
	pub labels_paid: u32,
	/// Fees for settling disputes and appeals as an expert.
	pub expert_fees: Balance,
	/// Stake slashed (unrevealed commits, wrong gold answers, charges on
	/// labels decided against, overturned labels) and appeal bonds lost.
	pub slashed: Balance,
	/// Appeal bonds lost by appellants who challenged this account's label
	/// and were wrong: its share of them.
	pub awarded: Balance,
}

impl<Balance: Saturating + Copy> Earnings<Balance> {
	/// Everything paid in.
	pub fn gross(&self) -> Balance {
		self.label_rewards.saturating_add(self.expert_fees).saturating_add(self.awarded)
	}
}
