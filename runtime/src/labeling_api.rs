//! The answers of the labeling runtime API ([`labelchain_primitives::runtime_api`]),
//! put together from the four labeling pallets' storage.

use alloc::vec::Vec;
use labelchain_primitives::{
	task::{DomainId, GoldCommitment, ItemIndex, TaskId, TaskStatus},
	traits::TaskInspect,
	runtime_api::{
		AnnotatorSummary, BudgetSummary, ClaimSummary, CommitSummary, EarningsSummary, EscrowSummary, GoldRevealState, ItemPage,
		ItemSummary, ItemSummaryPage, LabelTally, LabelingApiError, QualitySummary, ReputationSummary, StakeSummary,
		TaskPage, TaskSummary, UnbondingSummary, WorkItem, WorkPage, MAX_ITEMS_SCANNED, MAX_PAGE,
	},
};
use pallet_label_voting::views::ItemView;

use crate::{AccountId, Balance, LabelVoting, Runtime, System};

/// A task with its money and item counts; its next step among the first
/// `MAX_ITEMS_SCANNED` items in progress.
pub fn task(id: TaskId) -> Option<TaskSummary> {
	pallet_tasks::Tasks::<Runtime>::get(id).map(|info| task_summary(id, info, MAX_ITEMS_SCANNED))
}

/// A task's summary, its next step looked for among the first `scan` items
/// in progress: the counts come from counters, so the work is bounded.
fn task_summary(id: TaskId, info: pallet_tasks::TaskInfo<Runtime>, scan: u32) -> TaskSummary {
	let escrow = EscrowSummary {
		budget: info.escrow.budget(),
		paid_to_annotators: info.escrow.paid_to_annotators,
		labels_paid: info.escrow.labels_paid,
		paid_to_experts: info.escrow.paid_to_experts,
		fee_per_label: info.escrow.fee_per_label,
		fees_paid: info.escrow.fees_paid,
		refunded: info.escrow.refunded,
		held: info.escrow.held(),
		dispute_budget_left: info.escrow.dispute_budget_left(),
		gold_bond: info.gold_bonds.per_commitment,
		gold_bonds_held: info.gold_bonds.held(info.gold_count),
		storage_deposit_held: info.storage_deposit,
	};
	let (progress, next_item_step) = LabelVoting::task_progress(id, info.terms.item_count, scan);
	let next_step_at = match info.terms.status {
		TaskStatus::Closed => None,
		_ => next_item_step.or(Some(info.terms.deadline.saturating_add(1))),
	};
	TaskSummary {
		id,
		progress,
		next_step_at,
		accepts_work: info.terms.accepts_work(LabelVoting::next_block()),
		terms: info.terms,
		manifest: info.manifest.into_inner(),
		gold_count: info.gold_count,
		created_at: info.created_at,
		escrow,
	}
}

/// Up to `max` tasks taking work from id `start` on; with `annotator`, only
/// those the annotator may claim in. Looks at no more than `MAX_PAGE` × 10
/// task ids, so a page may come back short with a `next` to go on from.
pub fn open_tasks(start: TaskId, max: u32, annotator: Option<AccountId>) -> TaskPage {
	let wanted = max.min(MAX_PAGE) as usize;
	let end = pallet_tasks::NextTaskId::<Runtime>::get().min(start.saturating_add(MAX_PAGE * 10));
	let mut tasks = Vec::new();
	let mut next = start;
	while next < end && tasks.len() < wanted {
		let id = next;
		next = next.saturating_add(1);
		let Some(info) = pallet_tasks::Tasks::<Runtime>::get(id) else { continue };
		let takes_work = info.terms.accepts_work(System::block_number());
		let admitted = annotator
			.as_ref()
			.is_none_or(|who| LabelVoting::claim_eligibility(who, id).is_ok());
		if !(takes_work && admitted) {
			continue;
		}
		// A page of summaries looks a page of items deep for each next step.
		tasks.push(task_summary(id, info, MAX_PAGE));
	}
	let more = next < pallet_tasks::NextTaskId::<Runtime>::get();
	TaskPage { tasks, next: more.then_some(next) }
}

/// An item's state, or its final record once settled.
pub fn item(task: TaskId, item: ItemIndex) -> Result<ItemSummary, LabelingApiError> {
	Ok(summary_of(LabelVoting::item_view(task, item)?))
}

/// Consecutive items of a task, a page at a time.
pub fn items(task: TaskId, start: ItemIndex, max: u32) -> Result<ItemSummaryPage, LabelingApiError> {
	let (views, next) = LabelVoting::item_views(task, start, max)?;
	Ok(ItemSummaryPage { items: views.into_iter().map(summary_of).collect(), next })
}

/// Items whose time has come: what `finalize_items` would move on next block.
pub fn finalizable_items(task: TaskId, start: ItemIndex, max: u32) -> Result<ItemPage, LabelingApiError> {
	LabelVoting::finalizable_items(task, start, max)
}

fn summary_of(view: ItemView<Runtime>) -> ItemSummary {
	match view {
		ItemView::Untouched => ItemSummary::Untouched,
		ItemView::Settled(record) => ItemSummary::Settled { record },
		ItemView::InProgress(state) => ItemSummary::InProgress {
			next_step_at: state.agenda_at.unwrap_or_default(),
			claims: state
				.claims
				.iter()
				.map(|claim| ClaimSummary {
					annotator: claim.annotator.clone(),
					expires_at: claim.expires_at,
				})
				.collect(),
			commits: state
				.commits
				.iter()
				.map(|commit| CommitSummary {
					annotator: commit.annotator.clone(),
					revealed: commit.revealed,
				})
				.collect(),
			phase: state.phase,
		},
	}
}

/// The labels revealed so far on an item not yet settled, with their shares
/// of the revealed vote weight.
pub fn item_tally(task: TaskId, item: ItemIndex) -> Result<Vec<LabelTally>, LabelingApiError> {
	LabelVoting::item_tally(task, item)
}

/// An annotator's stake, reputation in `domain`, earnings and open claims.
pub fn annotator(who: AccountId, domain: DomainId) -> AnnotatorSummary {
	let now = System::block_number();
	let stake = pallet_annotator_stake::Ledgers::<Runtime>::get(&who)
		.map(|ledger| StakeSummary {
			bonded: ledger.bonded,
			locked: ledger.locked,
			withdrawable: ledger
				.unbonding
				.iter()
				.filter(|chunk| chunk.unlocks_at <= now)
				.fold(0, |sum, chunk| sum.saturating_add(chunk.amount)),
			unbonding: ledger
				.unbonding
				.iter()
				.map(|chunk| UnbondingSummary { amount: chunk.amount, unlocks_at: chunk.unlocks_at })
				.collect(),
			minimum: 0,
		})
		.unwrap_or_default();
	let stake =
		StakeSummary { minimum: pallet_annotator_stake::MinimumStake::<Runtime>::get(), ..stake };

	let params = pallet_reputation::ReputationParameters::<Runtime>::get();
	let record = pallet_reputation::Reputations::<Runtime>::get(&who, domain);
	let reputation = ReputationSummary {
		domain,
		agreed: record.agreed,
		disagreed: record.disagreed,
		gold_correct: record.gold_correct,
		gold_wrong: record.gold_wrong,
		unrevealed: record.unrevealed,
		expired_claims: record.expired_claims,
		score: record.score(&params),
		tier: record.tier(&params),
	};

	let earned = pallet_label_voting::Earnings::<Runtime>::get(&who);
	let earnings = EarningsSummary {
		label_rewards: earned.label_rewards,
		labels_paid: earned.labels_paid,
		expert_fees: earned.expert_fees,
		slashed: earned.slashed,
	};
	AnnotatorSummary { stake, reputation, earnings, open_claims: LabelVoting::open_claims(&who) }
}

/// The items of `task` on which `who` holds a claim or an unsettled commit.
pub fn annotator_work(
	who: AccountId,
	task: TaskId,
	start: ItemIndex,
	max: u32,
) -> Result<WorkPage, LabelingApiError> {
	let (work, next) = LabelVoting::work_of(&who, task, start, max)?;
	Ok(WorkPage {
		items: work.into_iter().map(|(item, place, phase)| WorkItem { item, place, phase }).collect(),
		next,
	})
}

/// The task's gold commitment at `index`, and the item it was revealed for.
pub fn gold_commitment(task: TaskId, index: u32) -> Option<GoldCommitment> {
	<pallet_tasks::Pallet<Runtime> as TaskInspect<_, _, _>>::gold_commitment(task, index)
}

/// Whether the requester may reveal `item`'s gold answer now, later or no
/// more: the voting pallet's rule.
pub fn gold_reveal_state(task: TaskId, item: ItemIndex) -> Result<GoldRevealState, LabelingApiError> {
	LabelVoting::gold_reveal_state(task, item)
}

/// Items of `task` that `who` may claim now.
pub fn claimable_items(
	who: AccountId,
	task: TaskId,
	start: ItemIndex,
	max: u32,
) -> Result<ItemPage, LabelingApiError> {
	LabelVoting::claimable_items(&who, task, start, max)
}

/// A task's label quality.
pub fn task_quality(task: TaskId) -> Option<QualitySummary> {
	pallet_tasks::Tasks::<Runtime>::contains_key(task)
		.then(|| pallet_label_voting::TaskQualities::<Runtime>::get(task).into())
}

/// What a task with these terms would hold: the tasks pallet's rule.
pub fn task_budget(
	item_count: u32,
	max_redundancy: u8,
	reward_per_label: Balance,
	dispute_budget: Balance,
	gold_count: u32,
) -> Result<BudgetSummary, LabelingApiError> {
	let quote = pallet_tasks::Pallet::<Runtime>::budget_of(
		item_count,
		max_redundancy,
		reward_per_label,
		dispute_budget,
		gold_count,
	)
	.map_err(|_| LabelingApiError::BudgetOverflow)?;
	Ok(BudgetSummary {
		fee_per_label: quote.fee_per_label,
		labels: quote.labels,
		gold_bond: quote.gold_bond,
		gold_bonds: quote.gold_bonds,
		storage_deposit: quote.storage_deposit,
		total: quote.total,
	})
}
