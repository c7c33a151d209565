//! What time alone does to an item: the rule `finalize_item` and the
//! runtime API's `finalizable_items` share.

use frame_support::BoundedVec;

use super::*;
use crate::{Claim, Commit, DueStep, ItemState};

const NOW: u64 = 10;

/// An item taking labels: `claims` expiring at the given blocks and
/// `commits` commits.
fn labeling(claims: &[u64], commits: u64) -> ItemState<Test> {
	let claims = claims
		.iter()
		.enumerate()
		.map(|(n, expires_at)| Claim { annotator: annotator(n as u64), expires_at: *expires_at })
		.collect::<Vec<_>>();
	let commits = (0..commits)
		.map(|n| Commit { annotator: annotator(4 + n), hash: H256::zero(), revealed: None })
		.collect::<Vec<_>>();
	ItemState {
		phase: ItemPhase::Labeling,
		claims: BoundedVec::truncate_from(claims),
		commits: BoundedVec::truncate_from(commits),
		agenda_at: None,
		gold: None,
		counted_as: None,
	}
}

/// `due_step`, with its error as the dispatch error `finalize_item` returns.
fn due(state: &ItemState<Test>, now: u64, task_accepts_work: bool) -> Result<DueStep, DispatchError> {
	state.due_step(now, task_accepts_work).map_err(DispatchError::from)
}

fn not_due(error: Error<Test>) -> Result<DueStep, DispatchError> {
	Err(error.into())
}

#[test]
fn an_item_taking_labels_moves_on_when_it_can_get_no_more() {
	let takes_work = true;
	assert_eq!(
		due(&labeling(&[NOW - 1], 0), NOW, takes_work),
		Ok(DueStep::Forget),
		"an expiring claim is dropped, and with it the last trace of the item"
	);
	assert_eq!(
		due(&labeling(&[NOW - 1, NOW + 5], 1), NOW, takes_work),
		Ok(DueStep::DropExpiredClaims),
		"an expiring claim is dropped while a live one may still commit"
	);
	assert_eq!(
		due(&labeling(&[NOW], 1), NOW, takes_work),
		not_due(Error::NothingToFinalize),
		"a claim live through this block may still commit"
	);
	assert_eq!(
		due(&labeling(&[], 1), NOW, takes_work),
		not_due(Error::NothingToFinalize),
		"others may still claim"
	);
	assert_eq!(
		due(&labeling(&[NOW - 1], 1), NOW, takes_work),
		Ok(DueStep::DropExpiredClaims),
		"an expired claim frees its place; the short item waits for others"
	);
	assert_eq!(
		due(&labeling(&[], 1), NOW, false),
		Ok(DueStep::OpenReveal),
		"the task takes no more work"
	);
	assert_eq!(
		due(&labeling(&[NOW + 5], 1), NOW, false),
		Ok(DueStep::OpenReveal),
		"no claim can become a commit once the task takes no more work"
	);
	assert_eq!(due(&labeling(&[], 0), NOW, false), Ok(DueStep::Forget), "nothing to reveal");
}

#[test]
fn windows_end_after_their_last_block() {
	let mut state = labeling(&[], 2);
	state.phase = ItemPhase::Revealing { ends_at: NOW };
	assert_eq!(due(&state, NOW, true), not_due(Error::RevealWindowOpen));
	assert_eq!(due(&state, NOW + 1, true), Ok(DueStep::Tally));
	let confidence = Perbill::from_percent(70);
	state.phase = ItemPhase::Accepted { label: 1, confidence, appeal_ends_at: NOW };
	assert_eq!(due(&state, NOW, true), not_due(Error::AppealWindowOpen));
	assert_eq!(due(&state, NOW + 1, true), Ok(DueStep::Settle { label: 1, confidence, decided_by: Decision::Crowd }));
}

#[test]
fn items_waiting_for_an_expert_fall_due_when_the_expert_timeout_runs_out() {
	let mut state = labeling(&[], 2);
	state.phase = ItemPhase::Disputed { times_out_at: NOW };
	assert_eq!(due(&state, NOW, false), not_due(Error::AwaitingExpert));
	assert_eq!(due(&state, NOW + 1, false), Ok(DueStep::DisputeTimedOut));
	let confidence = Perbill::from_percent(70);
	state.phase = ItemPhase::Appealed { label: 0, confidence, appellant: REQUESTER, times_out_at: NOW };
	assert_eq!(due(&state, NOW, true), not_due(Error::AwaitingExpert));
	assert_eq!(due(&state, NOW + 1, true), Ok(DueStep::AppealTimedOut { label: 0, confidence, decided_by: Decision::Crowd }));
}
