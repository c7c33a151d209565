//! The soak's books: what the finalized blocks said happened, kept from the
//! events alone, and the checks made of them at the end: every committed
//! label settled or refunded, every task's escrow spent on what its events
//! say, and every tracked account's balance moved by exactly what its events
//! say.

use std::collections::{BTreeMap, BTreeSet};

use subxt::utils::AccountId32;

/// One fact a finalized block reported, in the books' terms.
#[derive(Clone, Debug, PartialEq)]
pub enum Seen {
	TaskCreated { task: u32, requester: AccountId32, budget: u128 },
	Committed { task: u32, annotator: AccountId32, items: Vec<u32> },
	RevealOpened { task: u32, item: u32 },
	Settled { task: u32, item: u32, votes: Vec<(AccountId32, Option<u16>)> },
	/// The crowd could not settle the item; it waits for an expert.
	Disputed { task: u32, item: u32 },
	/// Label rewards nobody will earn, released to the requester before close.
	BudgetRefunded { task: u32, amount: u128 },
	TaskClosed { task: u32, refunded: u128 },
	RewardPaid { task: u32, annotator: AccountId32, amount: u128 },
	ProtocolFeePaid { task: u32, amount: u128 },
	ExpertPaid { task: u32, expert: AccountId32, amount: u128 },
	Slashed { who: AccountId32, amount: u128, beneficiary: AccountId32 },
	Transfer { from: AccountId32, to: AccountId32, amount: u128 },
	FeePaid { who: AccountId32, amount: u128 },
	/// A signed call the runtime refused, as `Pallet.call: Error`.
	Failed { call: String },
	/// An event that moves money in a way these books do not follow (an
	/// appeal's bond, a gold bond): the soak's load never causes one, so
	/// seeing it is a finding.
	Unfollowed { event: String },
}

/// What a task's events said about its escrow.
#[derive(Clone, Debug, Default)]
pub struct TaskBook {
	pub requester: Option<AccountId32>,
	pub budget: u128,
	pub rewards: u128,
	pub protocol_fees: u128,
	pub expert_fees: u128,
	pub budget_refunded: u128,
	/// What went back at close, once closed.
	pub closed: Option<u128>,
	pub reveals_opened: BTreeSet<u32>,
}

impl TaskBook {
	/// What left the escrow: paid out, or given back.
	fn accounted(&self) -> Option<u128> {
		[self.rewards, self.protocol_fees, self.expert_fees, self.budget_refunded, self.closed?]
			.into_iter()
			.try_fold(0u128, u128::checked_add)
	}
}

/// Everything the finalized blocks said, from the block after the start.
#[derive(Debug)]
pub struct Books {
	/// Where protocol fees go (the runtime's `Tasks::Treasury`).
	pub treasury: AccountId32,
	pub tasks: BTreeMap<u32, TaskBook>,
	/// Each committed label: (task, item, annotator).
	pub committed: BTreeSet<(u32, u32, AccountId32)>,
	pub disputed: u64,
	/// Each settled item's votes.
	pub settled: BTreeMap<(u32, u32), Vec<(AccountId32, Option<u16>)>>,
	/// The change the events explain, per account (fees, transfers, rewards,
	/// slashes, a requester's payments).
	pub explained: BTreeMap<AccountId32, i128>,
	pub failures: BTreeMap<String, u64>,
	pub unfollowed: Vec<String>,
	/// Slashes, by who was slashed.
	pub slashed: BTreeMap<AccountId32, u128>,
}

impl Books {
	pub fn new(treasury: AccountId32) -> Self {
		Self {
			treasury,
			tasks: BTreeMap::new(),
			committed: BTreeSet::new(),
			disputed: 0,
			settled: BTreeMap::new(),
			explained: BTreeMap::new(),
			failures: BTreeMap::new(),
			unfollowed: Vec::new(),
			slashed: BTreeMap::new(),
		}
	}

	pub fn record(&mut self, seen: Seen) {
		match seen {
			Seen::TaskCreated { task, requester, budget } => {
				let book = self.tasks.entry(task).or_default();
				book.requester = Some(requester);
				book.budget = budget;
			},
			Seen::Committed { task, annotator, items } =>
				for item in items {
					self.committed.insert((task, item, annotator));
				},
			Seen::RevealOpened { task, item } => {
				self.tasks.entry(task).or_default().reveals_opened.insert(item);
			},
			Seen::Disputed { .. } => self.disputed += 1,
			Seen::Settled { task, item, votes } => {
				self.settled.insert((task, item), votes);
			},
			Seen::BudgetRefunded { task, amount } => self.tasks.entry(task).or_default().budget_refunded += amount,
			Seen::TaskClosed { task, refunded } => self.tasks.entry(task).or_default().closed = Some(refunded),
			Seen::RewardPaid { task, annotator, amount } => {
				let book = self.tasks.entry(task).or_default();
				book.rewards += amount;
				let requester = book.requester;
				self.move_money(requester, Some(annotator), amount);
			},
			Seen::ProtocolFeePaid { task, amount } => {
				let book = self.tasks.entry(task).or_default();
				book.protocol_fees += amount;
				let requester = book.requester;
				self.move_money(requester, Some(self.treasury), amount);
			},
			Seen::ExpertPaid { task, expert, amount } => {
				let book = self.tasks.entry(task).or_default();
				book.expert_fees += amount;
				let requester = book.requester;
				self.move_money(requester, Some(expert), amount);
			},
			Seen::Slashed { who, amount, beneficiary } => {
				*self.slashed.entry(who).or_default() += amount;
				self.move_money(Some(who), Some(beneficiary), amount);
			},
			Seen::Transfer { from, to, amount } => self.move_money(Some(from), Some(to), amount),
			Seen::FeePaid { who, amount } => self.move_money(Some(who), None, amount),
			Seen::Failed { call } => *self.failures.entry(call).or_default() += 1,
			Seen::Unfollowed { event } => self.unfollowed.push(event),
		}
	}

	fn move_money(&mut self, from: Option<AccountId32>, to: Option<AccountId32>, amount: u128) {
		let amount = i128::try_from(amount).unwrap_or(i128::MAX);
		if let Some(from) = from {
			*self.explained.entry(from).or_default() -= amount;
		}
		if let Some(to) = to {
			*self.explained.entry(to).or_default() += amount;
		}
	}

	/// Where one committed label ended.
	fn label_end(&self, task: u32, item: u32, annotator: &AccountId32) -> LabelEnd {
		match self.settled.get(&(task, item)) {
			Some(votes) => match votes.iter().find(|(who, _)| who == annotator) {
				Some((_, Some(_))) => LabelEnd::SettledRevealed,
				Some((_, None)) => LabelEnd::SettledUnrevealed,
				// The item settled without this commit among its votes: a
				// label the chain lost.
				None => LabelEnd::Lost,
			},
			// A closed task refunds whatever was not earned.
			None if self.tasks.get(&task).is_some_and(|book| book.closed.is_some()) => LabelEnd::Refunded,
			None => LabelEnd::Outstanding,
		}
	}

	/// Committed labels whose item neither settled nor had its task closed.
	pub fn outstanding_labels(&self) -> Vec<(u32, u32, AccountId32)> {
		self.committed
			.iter()
			.filter(|(task, item, annotator)| self.label_end(*task, *item, annotator) == LabelEnd::Outstanding)
			.cloned()
			.collect()
	}

	/// Committed labels counted once each by where they ended.
	pub fn label_outcomes(&self) -> LabelOutcomes {
		let mut outcomes = LabelOutcomes::default();
		for (task, item, annotator) in &self.committed {
			let count = match self.label_end(*task, *item, annotator) {
				LabelEnd::SettledRevealed => &mut outcomes.settled_revealed,
				LabelEnd::SettledUnrevealed => &mut outcomes.settled_unrevealed,
				LabelEnd::Refunded => &mut outcomes.refunded,
				LabelEnd::Lost => &mut outcomes.lost,
				LabelEnd::Outstanding => &mut outcomes.outstanding,
			};
			*count += 1;
		}
		outcomes
	}

	/// Tasks whose escrow does not add up: budget against rewards, protocol
	/// fees, expert fees and refunds. Open tasks are left out.
	pub fn unbalanced_tasks(&self) -> Vec<(u32, u128, u128)> {
		self.tasks
			.iter()
			.filter_map(|(task, book)| {
				let accounted = book.accounted()?;
				(accounted != book.budget).then_some((*task, book.budget, accounted))
			})
			.collect()
	}

	/// Accounts whose balance change (`actual`, by account) differs from what
	/// the events explain.
	pub fn unreconciled(&self, actual: &BTreeMap<AccountId32, i128>) -> Vec<(AccountId32, i128, i128)> {
		actual
			.iter()
			.filter_map(|(who, change)| {
				let explained = self.explained.get(who).copied().unwrap_or(0);
				(explained != *change).then_some((*who, *change, explained))
			})
			.collect()
	}
}

/// Where a committed label ended: settled with its label revealed, settled
/// unrevealed (slashed), refunded with its closed task, missing from its
/// settled item's votes, or none of these yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LabelEnd {
	SettledRevealed,
	SettledUnrevealed,
	Refunded,
	Lost,
	Outstanding,
}

/// How many committed labels ended each way.
#[derive(Debug, Default, PartialEq)]
pub struct LabelOutcomes {
	pub settled_revealed: u64,
	pub settled_unrevealed: u64,
	pub refunded: u64,
	pub lost: u64,
	pub outstanding: u64,
}

#[cfg(test)]
mod tests {
	use super::*;

	fn account(byte: u8) -> AccountId32 {
		AccountId32([byte; 32])
	}

	fn requester() -> AccountId32 {
		account(1)
	}

	fn treasury() -> AccountId32 {
		account(9)
	}

	fn created(books: &mut Books, task: u32, budget: u128) {
		books.record(Seen::TaskCreated { task, requester: requester(), budget });
	}

	#[test]
	fn a_task_balances_when_its_budget_is_paid_out_or_refunded() {
		let mut books = Books::new(treasury());
		created(&mut books, 0, 100);
		books.record(Seen::RewardPaid { task: 0, annotator: account(2), amount: 30 });
		books.record(Seen::ProtocolFeePaid { task: 0, amount: 3 });
		assert!(books.unbalanced_tasks().is_empty(), "an open task is not judged");
		books.record(Seen::BudgetRefunded { task: 0, amount: 7 });
		books.record(Seen::TaskClosed { task: 0, refunded: 60 });
		assert!(books.unbalanced_tasks().is_empty());

		created(&mut books, 1, 100);
		books.record(Seen::TaskClosed { task: 1, refunded: 99 });
		assert_eq!(books.unbalanced_tasks(), vec![(1, 100, 99)], "a unit of escrow vanished");
	}

	#[test]
	fn balances_reconcile_only_with_every_event_counted() {
		let mut books = Books::new(treasury());
		created(&mut books, 0, 100);
		books.record(Seen::Transfer { from: account(5), to: account(2), amount: 1_000 });
		books.record(Seen::FeePaid { who: account(2), amount: 4 });
		books.record(Seen::FeePaid { who: requester(), amount: 6 });
		books.record(Seen::RewardPaid { task: 0, annotator: account(2), amount: 30 });
		books.record(Seen::ProtocolFeePaid { task: 0, amount: 3 });
		books.record(Seen::Slashed { who: account(2), amount: 1, beneficiary: treasury() });

		let actual: BTreeMap<AccountId32, i128> =
			[(requester(), -39), (account(2), 1_025), (account(5), -1_000), (treasury(), 4)].into();
		assert!(books.unreconciled(&actual).is_empty());

		// A balance that moved by one more than its events say is caught.
		let mut off = actual.clone();
		off.insert(account(2), 1_026);
		assert_eq!(books.unreconciled(&off), vec![(account(2), 1_026, 1_025)]);
		// So is a treasury that did not get its protocol fee.
		off = actual;
		off.insert(treasury(), 1);
		assert_eq!(books.unreconciled(&off), vec![(treasury(), 1, 4)]);
	}

	#[test]
	fn every_committed_label_ends_settled_refunded_or_is_reported() {
		let mut books = Books::new(treasury());
		created(&mut books, 0, 100);
		created(&mut books, 1, 100);
		for annotator in [account(2), account(3)] {
			books.record(Seen::Committed { task: 0, annotator, items: vec![0, 1] });
			books.record(Seen::Committed { task: 1, annotator, items: vec![0] });
		}
		books.record(Seen::Settled { task: 0, item: 0, votes: vec![(account(2), Some(1)), (account(3), None)] });
		// Item 1 of task 0 settled without account 3's commit: lost.
		books.record(Seen::Settled { task: 0, item: 1, votes: vec![(account(2), Some(0))] });
		assert_eq!(books.outstanding_labels(), vec![(1, 0, account(2)), (1, 0, account(3))]);
		books.record(Seen::TaskClosed { task: 1, refunded: 100 });
		assert!(books.outstanding_labels().is_empty());
		assert_eq!(
			books.label_outcomes(),
			LabelOutcomes { settled_revealed: 2, settled_unrevealed: 1, refunded: 2, lost: 1, outstanding: 0 }
		);
	}
}
