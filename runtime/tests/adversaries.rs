//! Attacks on the labeling protocol through the real runtime, each named for
//! what it tries, asserting who ends with what money: false gold, conflicted
//! experts, losing appeals, replayed commits, farmed reputation, stake that
//! could not cover a slash, and a lapsed claim shortening an item.

mod common;

use common::labeling_steps::*;

use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::Inspect,
	BoundedVec,
};
use labelchain_primitives::{
	commitment::{gold_commitment, label_commitment},
	reputation::{LabelOutcome, Tier},
	traits::{ReputationInspect, ReputationRecorder},
};
use labelchain_runtime::{
	configs::treasury::TreasuryAccount, currency::UNIT, AccountId, Balances, LabelVoting, Reputation,
	Runtime,
};
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Eve, Ferdie};

/// Everything `key` owns, free and held.
fn worth(key: Sr25519Keyring) -> u128 {
	Balances::total_balance(&key.to_account_id())
}

fn treasury() -> u128 {
	Balances::total_balance(&TreasuryAccount::get())
}

/// Alice's task of `task_spec` with the gold commitments given.
fn task_with_gold(redundancy: u8, items: u32, gold: Vec<sp_core::H256>) -> u32 {
	let mut spec = task_spec(redundancy, items);
	spec.gold_commitments = BoundedVec::truncate_from(gold);
	create_task_from(spec)
}

#[test]
fn a_requester_revealing_false_gold_gains_nothing_from_the_slashes() {
	common::genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		bond_all(&[Bob, Charlie, Dave]);
		// Alice commits a false gold answer (0) for an item whose true label
		// the annotators give (1).
		let salt = [3u8; 32];
		let task = task_with_gold(3, 1, vec![gold_commitment(0, 0, &salt)]);
		let (alice_before, treasury_before) = (worth(Alice), treasury());
		for key in [Bob, Charlie, Dave] {
			label(task, 0, key, 1);
		}
		for key in [Bob, Charlie, Dave] {
			reveal(task, 0, key, 1);
		}
		assert_ok!(LabelVoting::reveal_gold(signed(Alice), task, 0, 0, 0, salt));
		let slash: u128 = <Runtime as pallet_label_voting::Config>::GoldSlash::get();
		// The three "wrong" answers are slashed, to the treasury: Alice owns
		// what she owned (her unspent budget came back), not a token more.
		assert_eq!(treasury(), treasury_before + 3 * slash);
		assert_eq!(worth(Alice), alice_before);
		check_invariants();
	});
}

#[test]
fn an_expert_cannot_settle_a_dispute_on_an_item_they_labeled() {
	common::genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		// Eve is in the dev expert set and labels; Ferdie is an expert too.
		bond_all(&[Bob, Eve]);
		let task = create_task(2, 1);
		label(task, 0, Bob, 0);
		label(task, 0, Eve, 1);
		reveal(task, 0, Bob, 0);
		reveal(task, 0, Eve, 1);
		let eve_before = worth(Eve);
		assert_noop!(
			LabelVoting::resolve_dispute(signed(Eve), task, 0, 1),
			pallet_label_voting::Error::<Runtime>::ExpertInvolved
		);
		assert_ok!(LabelVoting::resolve_dispute(signed(Ferdie), task, 0, 0));
		assert_eq!(worth(Eve), eve_before, "Eve is neither paid as expert nor for her label");
		check_invariants();
	});
}

#[test]
fn a_requester_who_appeals_and_loses_pays_the_annotators_it_challenged() {
	common::genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		bond_all(&[Bob, Charlie, Dave]);
		let task = create_task(3, 1);
		for (key, answer) in [(Bob, 1), (Charlie, 1), (Dave, 0)] {
			label(task, 0, key, answer);
		}
		for (key, answer) in [(Bob, 1), (Charlie, 1), (Dave, 0)] {
			reveal(task, 0, key, answer);
		}
		let before = [worth(Alice), worth(Bob), worth(Charlie), worth(Dave)];
		// Alice appeals hoping to keep the rewards; Ferdie keeps the label.
		assert_ok!(LabelVoting::appeal(signed(Alice), task, 0));
		assert_ok!(LabelVoting::decide_appeal(signed(Ferdie), task, 0, 1));
		let bond: u128 = <Runtime as pallet_label_voting::Config>::AppealBond::get();
		let expert_fee: u128 = <Runtime as pallet_label_voting::Config>::ExpertFee::get();
		let protocol_fee = UNIT / 20;
		// Alice paid the two rewards with their protocol fees, the expert and
		// her bond; the bond went to Bob and Charlie, whose label stood, on
		// top of their rewards.
		assert_eq!(worth(Alice), before[0] - 2 * (UNIT + protocol_fee) - expert_fee - bond);
		assert_eq!(worth(Bob), before[1] + UNIT + bond / 2);
		assert_eq!(worth(Charlie), before[2] + UNIT + bond / 2);
		assert_eq!(worth(Dave), before[3]);
		check_invariants();
	});
}

#[test]
fn a_commit_seen_on_one_item_cannot_be_replayed_on_another() {
	common::genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		bond_all(&[Bob]);
		let task = create_task(1, 2);
		let who: AccountId = Bob.to_account_id();
		let salt = [Bob as u8; 32];
		let hash = label_commitment(task, 0, 1, &salt, &who);
		assert_ok!(LabelVoting::commit(signed(Bob), task, 0, hash));
		assert_ok!(LabelVoting::commit(signed(Bob), task, 1, hash));
		assert_ok!(LabelVoting::reveal(signed(Bob), task, 0, 1, salt));
		assert_noop!(
			LabelVoting::reveal(signed(Bob), task, 1, 1, salt),
			pallet_label_voting::Error::<Runtime>::CommitMismatch
		);
	});
}

#[test]
fn reputation_farmed_in_one_domain_buys_no_weight_in_another() {
	common::genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		let farmer: AccountId = Bob.to_account_id();
		// Many agreed labels on the farmer's own tasks in domain 7.
		for _ in 0..200 {
			Reputation::record(&farmer, 7, LabelOutcome::Agreed);
		}
		assert!(Reputation::vote_weight(&farmer, 7, 2) > Reputation::vote_weight(&farmer, 8, 2));
		assert_eq!(Reputation::vote_weight(&farmer, 8, 2), Reputation::vote_weight(&farmer, 0, 2));
		assert_eq!(Reputation::tier(&farmer, 0), Tier::Newcomer);
		assert_eq!(
			Reputation::vote_weight(&farmer, 0, 2),
			Reputation::vote_weight(&Charlie.to_account_id(), 0, 2),
			"in another domain the farmer weighs what a newcomer weighs"
		);
	});
}

#[test]
fn every_slash_a_label_can_incur_is_backed_by_its_locked_stake() {
	let stake: u128 = <Runtime as pallet_label_voting::Config>::StakePerLabel::get();
	let gold: u128 = <Runtime as pallet_label_voting::Config>::GoldSlash::get();
	let unrevealed: u128 = <Runtime as pallet_label_voting::Config>::UnrevealedSlash::get();
	assert!(stake >= gold.max(unrevealed), "{stake} behind a label, {gold} at risk");
}

#[test]
fn two_sybils_cannot_settle_an_item_by_letting_a_third_claim_lapse() {
	common::genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		use pallet_label_voting::ItemPhase;
		bond_all(&[Bob, Charlie, Dave]);
		let task = create_task(5, 1);
		label(task, 0, Bob, 1);
		label(task, 0, Charlie, 1);
		assert_ok!(LabelVoting::claim_item(signed(Dave), task, 0));
		let ttl: u32 = <<Runtime as pallet_label_voting::Config>::ClaimTtl as frame_support::traits::Get<u32>>::get();
		labelchain_runtime::System::set_block_number(labelchain_runtime::System::block_number() + ttl + 1);
		let (dave_before, treasury_before) = (worth(Dave), treasury());
		assert_ok!(LabelVoting::finalize_item(signed(Alice), task, 0));
		let phase = pallet_label_voting::Items::<Runtime>::get(task, 0).map(|state| state.phase);
		assert_eq!(phase, Some(ItemPhase::Labeling), "two labels of five do not open the reveal");
		let slash: u128 = <Runtime as pallet_label_voting::Config>::ExpiredClaimSlash::get();
		assert_eq!(worth(Dave), dave_before - slash, "the lapse cost Dave");
		assert_eq!(treasury(), treasury_before + slash);
		check_invariants();
	});
}
