//! Reading one finalized block into the books' terms ([`Seen`]), with the
//! runtime's generated event types.

use anyhow::Context;
use labelchain_client::{
	node::{Config, Node},
	runtime::{
		annotator_stake::events as stake,
		balances::events as balances,
		label_voting::events as voting,
		tasks::events as tasks,
		transaction_payment::events as payment,
	},
};
use subxt::{error::DispatchError, events::Phase, OnlineClientAtBlock};

use crate::books::Seen;

/// Events that move money in ways the soak's load never causes, so the books
/// do not follow them: seeing one is reported.
const UNFOLLOWED: [(&str, &str); 5] = [
	("LabelVoting", "AppealLodged"),
	("LabelVoting", "AppealDecided"),
	("Tasks", "GoldBondForfeited"),
	("Tasks", "GoldBondsSettled"),
	("Balances", "BurnedHeld"),
];

/// What block `number` (finalized) said, in order.
pub async fn block(node: &Node, number: u64) -> anyhow::Result<Vec<Seen>> {
	let at = node.api.at_block(number).await.with_context(|| format!("opening block #{number}"))?;
	read(&at).await.with_context(|| format!("reading block #{number}"))
}

async fn read(at: &OnlineClientAtBlock<Config>) -> anyhow::Result<Vec<Seen>> {
	let extrinsics = at.extrinsics().fetch().await?;
	let mut calls = Vec::new();
	for extrinsic in extrinsics.iter() {
		let extrinsic = extrinsic?;
		calls.push(format!("{}.{}", extrinsic.pallet_name(), extrinsic.call_name()));
	}
	let mut seen = Vec::new();
	for event in at.events().fetch().await?.iter() {
		let event = event?;
		let name = (event.pallet_name(), event.event_name());
		if UNFOLLOWED.contains(&name) {
			seen.push(Seen::Unfollowed { event: format!("{}.{}", name.0, name.1) });
			continue;
		}
		if name == ("System", "ExtrinsicFailed") {
			let call = match event.phase() {
				Phase::ApplyExtrinsic(index) => calls.get(index as usize).cloned(),
				_ => None,
			}
			.unwrap_or_else(|| "an unsigned call".into());
			let error = DispatchError::decode_from(event.field_bytes(), at.metadata())
				.map(|error| error.to_string())
				.unwrap_or_else(|_| "undecodable error".into());
			seen.push(Seen::Failed { call: format!("{call}: {error}") });
			continue;
		}
		if let Some(fact) = money(&event)? {
			seen.push(fact);
		} else if let Some(fact) = labeling(&event)? {
			seen.push(fact);
		}
	}
	Ok(seen)
}

type Event<'a> = subxt::events::Event<'a, Config>;

/// Fees, transfers, payments, refunds and slashes.
fn money(event: &Event<'_>) -> anyhow::Result<Option<Seen>> {
	Ok(Some(if let Some(e) = event.decode_fields_as::<payment::TransactionFeePaid>().transpose()? {
		Seen::FeePaid { who: e.who, amount: e.actual_fee }
	} else if let Some(e) = event.decode_fields_as::<balances::Transfer>().transpose()? {
		Seen::Transfer { from: e.from, to: e.to, amount: e.amount }
	} else if let Some(e) = event.decode_fields_as::<tasks::LabelRewardPaid>().transpose()? {
		Seen::RewardPaid { task: e.task, annotator: e.annotator, amount: e.amount }
	} else if let Some(e) = event.decode_fields_as::<tasks::ProtocolFeePaid>().transpose()? {
		Seen::ProtocolFeePaid { task: e.task, amount: e.amount }
	} else if let Some(e) = event.decode_fields_as::<tasks::ExpertPaid>().transpose()? {
		Seen::ExpertPaid { task: e.task, expert: e.expert, amount: e.amount }
	} else if let Some(e) = event.decode_fields_as::<tasks::LabelBudgetRefunded>().transpose()? {
		Seen::BudgetRefunded { task: e.task, amount: e.amount }
	} else if let Some(e) = event.decode_fields_as::<tasks::TaskClosed>().transpose()? {
		Seen::TaskClosed { task: e.task, refunded: e.refunded }
	} else if let Some(e) = event.decode_fields_as::<stake::Slashed>().transpose()? {
		Seen::Slashed { who: e.who, amount: e.amount, beneficiary: e.beneficiary }
	} else {
		return Ok(None);
	}))
}

/// Tasks created, labels committed, items opened, disputed and settled.
fn labeling(event: &Event<'_>) -> anyhow::Result<Option<Seen>> {
	Ok(Some(if let Some(e) = event.decode_fields_as::<tasks::TaskCreated>().transpose()? {
		Seen::TaskCreated { task: e.task, requester: e.requester, budget: e.budget }
	} else if let Some(e) = event.decode_fields_as::<voting::LabelsCommitted>().transpose()? {
		Seen::Committed { task: e.task, annotator: e.annotator, items: e.items.0 }
	} else if let Some(e) = event.decode_fields_as::<voting::LabelCommitted>().transpose()? {
		Seen::Committed { task: e.task, annotator: e.annotator, items: vec![e.item] }
	} else if let Some(e) = event.decode_fields_as::<voting::RevealOpened>().transpose()? {
		Seen::RevealOpened { task: e.task, item: e.item }
	} else if let Some(e) = event.decode_fields_as::<voting::ItemDisputed>().transpose()? {
		Seen::Disputed { task: e.task, item: e.item }
	} else if let Some(e) = event.decode_fields_as::<voting::ItemSettled>().transpose()? {
		Seen::Settled { task: e.task, item: e.item, votes: e.votes.0 }
	} else {
		return Ok(None);
	}))
}
