//! The whole chain's labeling at a block ([`ChainActivity`]), for operators:
//! the counters the tasks and voting pallets keep, how far behind their
//! agendas are, and what this block's events say was done.

use frame_support::migrations::MultiStepMigrator;
use sp_runtime::Saturating;
use labelchain_primitives::runtime_api::{BlockActivity, ChainActivity, ItemCounts};
use pallet_label_voting::Event as VotingEvent;

use crate::{LabelVoting, MultiBlockMigrations, RuntimeEvent, System, Tasks};

/// The chain's labeling now: counters, backlogs, and this block's activity.
pub fn chain_activity() -> ChainActivity {
	let tasks = Tasks::live_task_counts();
	let phases = LabelVoting::phase_totals();
	ChainActivity {
		open_tasks: tasks.open,
		cancelled_tasks: tasks.cancelled,
		items: ItemCounts {
			untouched: 0,
			labeling: phases.labeling,
			revealing: phases.revealing,
			disputed: phases.disputed,
			accepted: phases.accepted,
			appealed: phases.appealed,
			settled: 0,
		},
		waiting_for_experts: phases.waiting_for_experts(),
		item_agenda_backlog: LabelVoting::agenda_backlog(),
		deadline_agenda_backlog: Tasks::deadline_backlog(),
		migrating: MultiBlockMigrations::ongoing(),
		block: block_activity(),
	}
}

/// What this block did, counted from its events (as many as the block
/// could hold, no more).
fn block_activity() -> BlockActivity {
	let mut activity = BlockActivity::default();
	for record in System::read_events_no_consensus() {
		let RuntimeEvent::LabelVoting(event) = record.event else { continue };
		match event {
			VotingEvent::LabelRevealed { .. } => activity.labels_revealed.saturating_inc(),
			VotingEvent::LabelsRevealed { labels, .. } =>
				activity.labels_revealed = activity.labels_revealed.saturating_add(labels.len() as u32),
			VotingEvent::ItemSettled { votes, .. } => {
				activity.items_settled.saturating_inc();
				activity.labels_settled = activity.labels_settled.saturating_add(votes.len() as u32);
			},
			_ => {},
		}
	}
	activity
}
