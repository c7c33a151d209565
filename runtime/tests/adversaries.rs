//! Attacks on the labeling protocol through the real runtime, each named for
//! what it tries, asserting who ends with what money: false gold, conflicted
//! experts, losing appeals, replayed commits, farmed reputation, stake that
//! could not cover a slash, and a lapsed claim shortening an item.

mod common;

use common::labeling_steps::*;

use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::Inspect, Get},
	BoundedVec,
};
use labelchain_primitives::{
	commitment::{gold_commitment, label_commitment},
	reputation::{LabelOutcome, Tier},
	traits::{ReputationInspect, ReputationRecorder},
};
use codec::Encode;
use labelchain_runtime::{
	configs::treasury::TreasuryAccount, currency::UNIT, AccountId, Balances, LabelVoting, Reputation,
	Runtime, RuntimeCall, RuntimeOrigin,
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

/// How a requester treats the gold of a 100-item task whose items 0..10
/// are gold and labeled 1 (the truth) by Bob and Charlie, 0 by Dave.
#[derive(Clone, Copy, PartialEq)]
enum GoldPlay {
	/// Commits the true answers and reveals them.
	Honest,
	/// Commits both answers for each gold item and reveals the minority's
	/// (0), hoping to slash the majority and pay one reward instead of two.
	BothAnswersRevealingTheMinority,
}

/// What each party gained (negative: spent) when the task closed.
struct Outcome {
	alice: i128,
	bob: i128,
	charlie: i128,
	dave: i128,
	treasury: i128,
}

const GOLD_ITEMS: u32 = 10;

fn gold_market(play: GoldPlay, majority_appeals: bool) -> Outcome {
	let mut outcome = None;
	common::genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		bond_all(&[Bob, Charlie, Dave]);
		let salt = [3u8; 32];
		let gold: Vec<_> = (0..GOLD_ITEMS)
			.flat_map(|item| match play {
				GoldPlay::Honest => vec![gold_commitment(item, 1, &salt)],
				GoldPlay::BothAnswersRevealingTheMinority =>
					vec![gold_commitment(item, 1, &salt), gold_commitment(item, 0, &salt)],
			})
			.collect();
		let mut spec = task_spec(3, 100);
		spec.dispute_budget = 20 * UNIT;
		spec.gold_commitments = BoundedVec::truncate_from(gold);
		let before = [worth(Alice), worth(Bob), worth(Charlie), worth(Dave), treasury()];
		let task = create_task_from(spec);
		for item in 0..100 {
			for (key, answer) in [(Bob, 1), (Charlie, 1), (Dave, if item < GOLD_ITEMS { 0 } else { 1 })] {
				label(task, item, key, answer);
			}
			for (key, answer) in [(Bob, 1), (Charlie, 1), (Dave, if item < GOLD_ITEMS { 0 } else { 1 })] {
				reveal(task, item, key, answer);
			}
		}
		for item in 0..GOLD_ITEMS {
			let (gold_index, answer) = match play {
				GoldPlay::Honest => (item, 1),
				GoldPlay::BothAnswersRevealingTheMinority => (2 * item + 1, 0),
			};
			assert_ok!(LabelVoting::reveal_gold(signed(Alice), task, item, gold_index, answer, salt));
			if majority_appeals {
				assert_ok!(LabelVoting::appeal(signed(Bob), task, item));
				assert_ok!(LabelVoting::decide_appeal(signed(Ferdie), task, item, 1));
			}
		}
		labelchain_runtime::System::set_block_number(labelchain_runtime::System::block_number() + 101);
		for item in 0..100 {
			if pallet_label_voting::Items::<Runtime>::contains_key(task, item) {
				assert_ok!(LabelVoting::finalize_item(signed(Alice), task, item));
			}
		}
		let closed = pallet_tasks::Tasks::<Runtime>::get(task).map(|record| record.terms.status);
		assert_eq!(closed, Some(labelchain_primitives::task::TaskStatus::Closed));
		let after = [worth(Alice), worth(Bob), worth(Charlie), worth(Dave), treasury()];
		let gained = |n: usize| after[n] as i128 - before[n] as i128;
		outcome = Some(Outcome { alice: gained(0), bob: gained(1), charlie: gained(2), dave: gained(3), treasury: gained(4) });
		check_invariants();
	});
	outcome.expect("ran")
}

#[test]
fn a_requester_committing_both_gold_answers_and_revealing_the_minority_ends_behind() {
	let honest = gold_market(GoldPlay::Honest, false);
	let unchallenged = gold_market(GoldPlay::BothAnswersRevealingTheMinority, false);
	let appealed = gold_market(GoldPlay::BothAnswersRevealingTheMinority, true);
	let bond = 3 * <Runtime as pallet_label_voting::Config>::GoldSlash::get() as i128;
	let expert_fee = <Runtime as pallet_label_voting::Config>::ExpertFee::get() as i128;
	let reward = (UNIT + UNIT / 20) as i128;
	for (name, run) in [("honest", &honest), ("unchallenged", &unchallenged), ("appealed", &appealed)] {
		println!(
			"{name:>12}: Alice {:+.2}, Bob {:+.2}, Charlie {:+.2}, Dave {:+.2}, treasury {:+.2} LBL",
			run.alice as f64 / UNIT as f64,
			run.bob as f64 / UNIT as f64,
			run.charlie as f64 / UNIT as f64,
			run.dave as f64 / UNIT as f64,
			run.treasury as f64 / UNIT as f64,
		);
	}
	// Unchallenged, the false answers pay Dave instead of Bob and Charlie:
	// a reward saved on each gold item, and the bond of its true answer,
	// never revealed, lost to the treasury. The slashes of Bob and Charlie
	// went to the treasury, not to Alice.
	assert_eq!(unchallenged.alice - honest.alice, GOLD_ITEMS as i128 * (reward - bond));
	assert!(unchallenged.alice < honest.alice);
	// Appealed, each false answer is overturned: its bond goes to Bob and
	// Charlie, the unrevealed true answer's to the treasury, and Alice pays
	// the expert too.
	assert_eq!(appealed.alice - honest.alice, -(GOLD_ITEMS as i128) * (2 * bond + expert_fee));
	assert!(appealed.bob > honest.bob && appealed.charlie > honest.charlie, "the wronged are compensated");
	assert!(appealed.dave < unchallenged.dave, "the false answer's side loses its stake when appealed");
	assert!(appealed.treasury >= 0 && unchallenged.treasury >= 0);
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
		// Eve's label lost: she pays its charge and earns nothing as expert.
		let charge = LabelVoting::disagreement_charge(&pallet_tasks::Tasks::<Runtime>::get(task).expect("the task").terms);
		assert_eq!(worth(Eve), eve_before - charge, "Eve is neither paid as expert nor for her label");
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
		// Dave's label lost: its charge.
		let charge = LabelVoting::disagreement_charge(&pallet_tasks::Tasks::<Runtime>::get(task).expect("the task").terms);
		assert_eq!(worth(Dave), before[3] - charge);
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

/// A fresh account funded by Alice with 1,000 LBL and bonded 100.
fn funded_annotator(seed: u8) -> AccountId {
	let who = AccountId::new([seed; 32]);
	assert_ok!(Balances::transfer_keep_alive(signed(Alice), who.clone().into(), 1_000 * UNIT));
	assert_ok!(labelchain_runtime::AnnotatorStake::bond(RuntimeOrigin::signed(who.clone()), 100 * UNIT));
	who
}

fn label_as(task: u32, item: u32, who: &AccountId, answer: u16) {
	let origin = || RuntimeOrigin::signed(who.clone());
	let salt = [item as u8; 32];
	assert_ok!(LabelVoting::claim_item(origin(), task, item));
	assert_ok!(LabelVoting::commit(origin(), task, item, label_commitment(task, item, answer, &salt, who)));
}

fn reveal_as(task: u32, item: u32, who: &AccountId, answer: u16) {
	assert_ok!(LabelVoting::reveal(RuntimeOrigin::signed(who.clone()), task, item, answer, [item as u8; 32]));
}

/// What `call` costs its signer in transaction fees (a 100-byte signed
/// extrinsic around it).
fn tx_fee(call: RuntimeCall) -> u128 {
	use frame_support::dispatch::GetDispatchInfo;
	let len = call.encode().len() as u32 + 100;
	pallet_transaction_payment::Pallet::<Runtime>::compute_fee(len, &call.get_dispatch_info(), 0)
}

const FARM_DOMAIN: u32 = 9;

#[test]
fn farming_reputation_to_flip_a_victims_item_costs_the_farmers_more_than_it_pays() {
	common::genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		use labelchain_runtime::System;
		let owner = funded_annotator(200);
		let farmers = [funded_annotator(201), funded_annotator(202)];
		let newcomers: Vec<AccountId> = (0..7).map(|n| funded_annotator(210 + n)).collect();
		let total = |accounts: &[&AccountId]| accounts.iter().map(|who| Balances::total_balance(who)).sum::<u128>();
		let farm_side: Vec<&AccountId> = core::iter::once(&owner).chain(farmers.iter()).collect();
		let farm_start = total(&farm_side);

		// The farm: the owner's own task in the victim's domain, paying the
		// least reward there is, where the two farmers always agree, until
		// each weighs the cap.
		let cap = Reputation::vote_weight(&farmers[0], FARM_DOMAIN, 2);
		let cap_weight = pallet_reputation::ReputationParameters::<Runtime>::get().max_weight;
		assert!(cap < cap_weight);
		let mut spec = task_spec(2, 64);
		spec.reward_per_label = 1;
		spec.domain = FARM_DOMAIN;
		spec.deadline = 100_000;
		let farm = pallet_tasks::NextTaskId::<Runtime>::get();
		assert_ok!(labelchain_runtime::Tasks::create_task(RuntimeOrigin::signed(owner.clone()), spec));
		let mut farmed = 0u32;
		while Reputation::vote_weight(&farmers[0], FARM_DOMAIN, 2) < cap_weight {
			assert!(farmed < 64, "the farm ran out of items");
			for farmer in &farmers {
				label_as(farm, farmed, farmer, 0);
			}
			for farmer in &farmers {
				reveal_as(farm, farmed, farmer, 0);
			}
			System::set_block_number(System::block_number() + 101);
			assert_ok!(LabelVoting::finalize_item(RuntimeOrigin::signed(owner.clone()), farm, farmed));
			farmed += 1;
		}
		assert_ok!(labelchain_runtime::Tasks::cancel_task(RuntimeOrigin::signed(owner.clone()), farm));
		// What the farm cost: the protocol fees (and the farmers' own
		// rewards, which came back to the owner's side) and, for the same
		// labels sent in batches, the transactions.
		let farm_fees = farm_start - total(&farm_side);
		let batch: BoundedVec<_, _> = BoundedVec::truncate_from((0..farmed).map(|item| (item, sp_core::H256::zero())).collect());
		let reveals: BoundedVec<_, _> = BoundedVec::truncate_from((0..farmed).map(|item| (item, 0u16, [0u8; 32])).collect());
		let transactions = 2 * tx_fee(RuntimeCall::LabelVoting(pallet_label_voting::Call::commit_batch { task: farm, commits: batch }))
			+ 2 * tx_fee(RuntimeCall::LabelVoting(pallet_label_voting::Call::reveal_batch { task: farm, reveals }));
		let farming_cost = farm_fees + transactions;

		// The victim: Alice's task in that domain, 9 labels an item at 1 LBL.
		let victim_task = |appeal: bool| -> (i128, i128) {
			let mut spec = task_spec(9, 1);
			spec.domain = FARM_DOMAIN;
			spec.deadline = 100_000;
			let task = create_task_from(spec);
			let all: Vec<&AccountId> = farmers.iter().chain(newcomers.iter()).collect();
			let (farmers_before, newcomers_before) =
				(total(&farmers.iter().collect::<Vec<_>>()), total(&newcomers.iter().collect::<Vec<_>>()));
			for (n, who) in all.iter().enumerate() {
				label_as(task, 0, who, if n < 2 { 1 } else { 0 });
			}
			for (n, who) in all.iter().enumerate() {
				reveal_as(task, 0, who, if n < 2 { 1 } else { 0 });
			}
			let pallet_label_voting::ItemPhase::Accepted { label, .. } =
				pallet_label_voting::Items::<Runtime>::get(task, 0).expect("tallied").phase
			else {
				panic!("the farmed weight did not carry the item");
			};
			assert_eq!(label, 1, "two farmed accounts outvote seven newcomers");
			if appeal {
				assert_ok!(LabelVoting::appeal(RuntimeOrigin::signed(newcomers[0].clone()), task, 0));
				assert_ok!(LabelVoting::decide_appeal(signed(Ferdie), task, 0, 0));
			} else {
				settle_after_appeal_window(task, 0);
			}
			let farmers_now = total(&farmers.iter().collect::<Vec<_>>());
			let newcomers_now = total(&newcomers.iter().collect::<Vec<_>>());
			(farmers_now as i128 - farmers_before as i128, newcomers_now as i128 - newcomers_before as i128)
		};
		let (farmers_unchallenged, _) = victim_task(false);
		let (farmers_appealed, newcomers_appealed) = victim_task(true);
		let lbl = |amount: i128| amount as f64 / UNIT as f64;
		println!(
			"farming {farmed} agreed labels each to the weight cap cost {:.4} LBL ({} planck of protocol fees, {:.4} LBL \
			 of batched transactions); the victim item pays 9 LBL; flipped and unchallenged the farmers gain {:.2} LBL, \
			 appealed they lose {:.2} LBL and the seven newcomers gain {:.2} LBL",
			lbl(farming_cost as i128),
			farm_fees,
			lbl(transactions as i128),
			lbl(farmers_unchallenged),
			lbl(-farmers_appealed),
			lbl(newcomers_appealed),
		);
		assert!(farmed >= 50, "the prior and the cap make a farm take {farmed} labels");
		assert!(farmers_appealed < 0, "an appealed flip costs the farmers their stake");
		assert!(newcomers_appealed > 7 * UNIT as i128, "the newcomers are paid and take the farmers' stake");
		check_invariants();
	});
}

#[test]
fn a_sybil_cannot_aim_an_assigned_claim_at_an_item_by_a_dry_run() {
	common::genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		use frame_support::traits::Hooks;
		use labelchain_runtime::System;
		bond_all(&[Bob]);
		let mut spec = task_spec(1, 64);
		spec.assignment = labelchain_primitives::task::AssignmentMode::Assigned;
		let task = create_task_from(spec);
		let bob = Bob.to_account_id();
		// What a dry run of the claim shows Bob before he signs it.
		let nonce = pallet_label_voting::AssignmentNonce::<Runtime>::get() + 1;
		let aimed_at = LabelVoting::assignment_start(&bob, nonce, 64);
		assert_ok!(LabelVoting::claim(signed(Bob), task));
		assert_eq!(pallet_label_voting::Items::<Runtime>::iter_prefix(task).count(), 0, "nothing chosen yet");
		// The block that took the claim has a hash of its own; the next
		// block draws from it.
		let next = System::block_number() + 1;
		System::set_block_number(next);
		System::set_parent_hash(sp_core::H256::repeat_byte(9));
		LabelVoting::on_initialize(next);
		let drawn: Vec<u32> = pallet_label_voting::Items::<Runtime>::iter_prefix(task).map(|(item, _)| item).collect();
		assert_eq!(drawn, vec![LabelVoting::assignment_start(&bob, nonce, 64)]);
		assert_ne!(drawn[0], aimed_at, "the dry run's item is not the one drawn");
		check_invariants();
	});
}

#[test]
fn a_reward_too_small_to_open_an_account_still_settles_its_item() {
	common::genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		// An annotator who sent away every free token they could: their
		// bonded stake keeps the account alive, so a reward of one planck (a
		// thousandth of the existential deposit) still reaches them and the
		// settlement cannot be blocked by it.
		let who = AccountId::new([230; 32]);
		assert_ok!(Balances::transfer_keep_alive(signed(Alice), who.clone().into(), 101 * UNIT));
		assert_ok!(labelchain_runtime::AnnotatorStake::bond(RuntimeOrigin::signed(who.clone()), 100 * UNIT));
		assert_ok!(Balances::transfer_all(RuntimeOrigin::signed(who.clone()), Alice.to_account_id().into(), false));
		let free_before = Balances::balance(&who);
		let mut spec = task_spec(1, 1);
		spec.reward_per_label = 1;
		let task = create_task_from(spec);
		label_as(task, 0, &who, 1);
		reveal_as(task, 0, &who, 1);
		settle_after_appeal_window(task, 0);
		assert!(pallet_label_voting::SettledItems::<Runtime>::contains_key(task, 0));
		assert_eq!(Balances::balance(&who), free_before + 1);
		check_invariants();
	});
}

#[test]
fn a_megabyte_of_gold_commitments_costs_what_a_real_chain_charges() {
	common::genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		// The most gold a task may hide, each commitment 32 bytes of call
		// (and of permanent storage until the working storage is pruned).
		let most: u32 = <Runtime as pallet_tasks::Config>::MaxGoldItems::get();
		let mut spec = task_spec(3, most);
		spec.gold_commitments =
			BoundedVec::truncate_from((0..most).map(|n| sp_core::H256::from_low_u64_be(u64::from(n))).collect());
		let call = RuntimeCall::Tasks(pallet_tasks::Call::create_task { spec });
		let bytes = call.encode().len() as u128;
		let fee = tx_fee(call);
		let per_megabyte = fee * 1_000_000 / bytes;
		println!("create_task with {most} gold commitments: {bytes} bytes, fee {} LBL, {} LBL a megabyte", fee / UNIT, per_megabyte / UNIT);
		assert!(per_megabyte >= 100 * UNIT, "a megabyte of call data costs {per_megabyte}");
	});
}
