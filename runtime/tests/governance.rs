//! Governance through the real runtime: council motions change the expert set
//! and the validator set, and enact what only Root may do; a validator's
//! keys reach Aura and GRANDPA from the second session after it is added;
//! nothing here works for someone outside the council.

mod common;

use codec::Encode;
use common::{genesis_state, labeling_steps::signed};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::GetDispatchInfo,
	traits::{fungible::Inspect, Hooks},
};
use labelchain_runtime::{
	configs::{council::CouncilMotionDuration, treasury::TreasuryAccount},
	currency::UNIT,
	genesis_config_presets::TEST_SESSION_LENGTH,
	opaque::SessionKeys,
	AccountId, Balances, Council, Grandpa, Runtime, RuntimeCall, RuntimeEvent,
	Session, System, ValidatorSet,
};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_core::{ed25519, proof_of_possession::ProofOfPossessionGenerator, sr25519, Pair};
use sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Eve, Ferdie};
use sp_runtime::{traits::Hash, DispatchError};

/// Runs `test` on the local testnet's genesis, then the validator set's
/// invariants.
fn local_network(test: impl FnOnce()) {
	genesis_state(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		test();
		ValidatorSet::do_try_state().expect("the validator set's invariants hold");
	});
}

/// Runs blocks (the session rotation and GRANDPA's scheduled changes; the
/// other pallets' hooks do not bear on validators) until `sessions` more
/// sessions have started.
fn run_sessions(sessions: u32) {
	let target = Session::current_index() + sessions;
	while Session::current_index() < target {
		let block = System::block_number() + 1;
		System::set_block_number(block);
		<Session as Hooks<u32>>::on_initialize(block);
		<Grandpa as Hooks<u32>>::on_finalize(block);
	}
}

/// A council motion carried by `ayes` (the first one proposes; proposing is
/// not voting) and closed: returns the events of the close.
fn council_decides(call: RuntimeCall, ayes: &[Sr25519Keyring]) -> Vec<RuntimeEvent> {
	let threshold = ayes.len() as u32;
	let length = call.encoded_size() as u32;
	let weight = call.get_dispatch_info().call_weight;
	let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
	assert_ok!(Council::propose(
		signed(ayes[0]),
		threshold,
		Box::new(call),
		length
	));
	let index =
		pallet_collective::ProposalCount::<Runtime, pallet_collective::Instance1>::get() - 1;
	for voter in ayes {
		assert_ok!(Council::vote(signed(*voter), hash, index, true));
	}
	System::reset_events();
	assert_ok!(Council::close(signed(ayes[0]), hash, index, weight, length));
	System::events()
		.into_iter()
		.map(|record| record.event)
		.collect()
}

/// The council executed its motion and the call succeeded.
fn executed_ok(events: &[RuntimeEvent]) -> bool {
	events.iter().any(|event| {
		matches!(
			event,
			RuntimeEvent::Council(pallet_collective::Event::Executed { result: Ok(()), .. })
		)
	})
}

/// Registers fresh keys (not in any keyring) for `who` the way an operator
/// does: `session.setKeys` with the proof that it holds them (its account
/// signed by each key).
fn set_keys(who: Sr25519Keyring, seed: &str) -> SessionKeys {
	let mut aura = sr25519::Pair::from_string(&format!("//{seed}//aura"), None).unwrap();
	let mut grandpa = ed25519::Pair::from_string(&format!("//{seed}//grandpa"), None).unwrap();
	let keys = SessionKeys {
		aura: AuraId::from(aura.public()),
		grandpa: GrandpaId::from(grandpa.public()),
	};
	let owner = who.to_account_id().encode();
	let proof = (aura.generate_proof_of_possession(&owner), grandpa.generate_proof_of_possession(&owner)).encode();
	assert_ok!(Session::set_keys(signed(who), keys.clone(), proof));
	keys
}

fn aura_authorities() -> Vec<AuraId> {
	pallet_aura::Authorities::<Runtime>::get().into_inner()
}

fn grandpa_authorities() -> Vec<GrandpaId> {
	Grandpa::grandpa_authorities()
		.into_iter()
		.map(|(id, _)| id)
		.collect()
}

fn validators() -> Vec<AccountId> {
	pallet_validator_set::Validators::<Runtime>::get().into_inner()
}

#[test]
fn a_council_motion_adds_a_validator_who_authors_from_the_second_session() {
	local_network(|| {
		assert_eq!(aura_authorities().len(), 4);
		let keys = set_keys(Eve, "eve-validator");
		let held = <Balances as frame_support::traits::fungible::InspectHold<AccountId>>::total_balance_on_hold(&Eve.to_account_id());
		assert_eq!(
			held,
			labelchain_runtime::configs::session::SessionKeyDeposit::get()
		);

		let add = RuntimeCall::ValidatorSet(pallet_validator_set::Call::add_validator {
			validator: Eve.to_account_id(),
		});
		assert!(executed_ok(&council_decides(add, &[Alice, Bob])));
		assert!(validators().contains(&Eve.to_account_id()));

		run_sessions(1);
		assert!(
			!aura_authorities().contains(&keys.aura),
			"queued, not yet active"
		);
		run_sessions(1);
		assert!(aura_authorities().contains(&keys.aura));
		assert!(grandpa_authorities().contains(&keys.grandpa));
		assert_eq!(aura_authorities().len(), 5);
		assert_eq!(System::block_number(), 2 * TEST_SESSION_LENGTH);
	});
}

#[test]
fn a_council_motion_removes_a_validator_and_the_rest_go_on() {
	local_network(|| {
		let remove = RuntimeCall::ValidatorSet(pallet_validator_set::Call::remove_validator {
			validator: Dave.to_account_id(),
		});
		assert!(executed_ok(&council_decides(remove, &[Alice, Bob])));
		run_sessions(2);
		assert_eq!(aura_authorities().len(), 3);
		assert!(!aura_authorities().contains(&AuraId::from(Dave.public())));
		assert_eq!(grandpa_authorities().len(), 3);
	});
}

#[test]
fn a_validator_rotates_its_keys_without_leaving_the_set() {
	local_network(|| {
		let old = AuraId::from(Bob.public());
		let keys = set_keys(Bob, "bob-rotated");
		run_sessions(1);
		assert!(
			aura_authorities().contains(&old),
			"the old keys sign until the rotation lands"
		);
		run_sessions(1);
		assert!(aura_authorities().contains(&keys.aura));
		assert!(!aura_authorities().contains(&old));
		assert!(grandpa_authorities().contains(&keys.grandpa));
		assert_eq!(validators().len(), 4);
	});
}

#[test]
fn one_council_member_alone_cannot_change_validators_or_enact() {
	local_network(|| {
		set_keys(Eve, "eve-validator");
		let add = RuntimeCall::ValidatorSet(pallet_validator_set::Call::add_validator {
			validator: Eve.to_account_id(),
		});
		// A motion of one out of three executes at once, with a one-member
		// origin, which is short of two thirds.
		let events = council_decides_alone(add);
		assert!(!executed_ok(&events));
		assert!(!validators().contains(&Eve.to_account_id()));

		// Outsiders cannot propose, and nobody calls the pallets directly.
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
		assert_noop!(
			Council::propose(
				signed(Ferdie),
				1,
				Box::new(remark.clone()),
				remark.encoded_size() as u32
			),
			pallet_collective::Error::<Runtime, pallet_collective::Instance1>::NotMember
		);
		assert_noop!(
			ValidatorSet::add_validator(signed(Alice), Eve.to_account_id()),
			DispatchError::BadOrigin
		);
		assert_noop!(
			labelchain_runtime::Enactment::enact(signed(Alice), Box::new(remark)),
			DispatchError::BadOrigin
		);
	});
}

/// A motion with threshold 1: the collective dispatches it at once.
fn council_decides_alone(call: RuntimeCall) -> Vec<RuntimeEvent> {
	System::reset_events();
	let length = call.encoded_size() as u32;
	assert_ok!(Council::propose(signed(Alice), 1, Box::new(call), length));
	System::events()
		.into_iter()
		.map(|record| record.event)
		.collect()
}

#[test]
fn the_council_spends_from_the_treasury_by_enactment() {
	local_network(|| {
		let treasury = TreasuryAccount::get();
		assert_ok!(Balances::transfer_keep_alive(
			signed(Ferdie),
			treasury.clone().into(),
			100 * UNIT
		));
		let before = Balances::balance(&Dave.to_account_id());
		let spend = RuntimeCall::Balances(pallet_balances::Call::force_transfer {
			source: treasury.clone().into(),
			dest: Dave.to_account_id().into(),
			value: 40 * UNIT,
		});
		let enact = RuntimeCall::Enactment(pallet_enactment::Call::enact {
			call: Box::new(spend),
		});
		let events = council_decides(enact, &[Alice, Charlie]);
		assert!(executed_ok(&events));
		assert!(events.iter().any(|event| matches!(
			event,
			RuntimeEvent::Enactment(pallet_enactment::Event::Enacted { result: Ok(()) })
		)));
		assert_eq!(Balances::balance(&Dave.to_account_id()), before + 40 * UNIT);
	});
}

#[test]
fn a_council_majority_changes_the_expert_set() {
	local_network(|| {
		let add = RuntimeCall::ExpertMembership(pallet_membership::Call::add_member {
			who: Dave.to_account_id().into(),
		});
		assert!(executed_ok(&council_decides(add, &[Bob, Charlie])));
		assert!(
			pallet_membership::Members::<Runtime, pallet_membership::Instance1>::get()
				.contains(&Dave.to_account_id())
		);
	});
}

#[test]
fn a_motion_nobody_closes_expires() {
	local_network(|| {
		let remove = RuntimeCall::ValidatorSet(pallet_validator_set::Call::remove_validator {
			validator: Dave.to_account_id(),
		});
		let length = remove.encoded_size() as u32;
		let weight = remove.get_dispatch_info().call_weight;
		let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&remove);
		assert_ok!(Council::propose(signed(Alice), 2, Box::new(remove), length));
		// Two thirds never vote aye; after the motion's time, closing it
		// counts the silent as nays and disapproves it.
		System::set_block_number(1 + CouncilMotionDuration::get());
		assert_ok!(Council::close(signed(Alice), hash, 0, weight, length));
		assert!(System::events().iter().any(|record| matches!(
			record.event,
			RuntimeEvent::Council(pallet_collective::Event::Disapproved { .. })
		)));
		assert_eq!(validators().len(), 4);
	});
}
