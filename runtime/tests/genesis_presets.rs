//! The genesis presets build a working state: the right validators, a sudo key,
//! funded accounts, and balances that add up to the total issuance.

mod common;

use common::genesis_state;
use frame_support::traits::fungible::Inspect;
use labelchain_runtime::{
	genesis_config_presets::{get_preset, preset_names, DEV_ENDOWMENT},
	Aura, Balances, Grandpa, Runtime, System,
};
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

#[test]
fn the_runtime_offers_the_dev_and_local_presets() {
	let names = preset_names();
	assert!(names.contains(&PresetId::from(DEV_RUNTIME_PRESET)));
	assert!(names.contains(&PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)));
	assert!(get_preset(&PresetId::from("no-such-preset")).is_none());
}

#[test]
fn dev_preset_has_alice_as_validator_and_sudo() {
	genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		let aura: Vec<_> = pallet_aura::Authorities::<Runtime>::get().into_inner();
		assert_eq!(aura, vec![Sr25519Keyring::Alice.public().into()]);
		assert_eq!(Grandpa::grandpa_authorities(), vec![(Ed25519Keyring::Alice.public().into(), 1)]);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(Sr25519Keyring::Alice.to_account_id()));
	});
}

#[test]
fn local_preset_has_four_validators_in_the_session_and_a_council() {
	let mut names = [
		(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
		(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
		(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
	];
	// Aura and GRANDPA list the validators in the session's order: by account.
	names.sort_by_key(|(sr, _)| sr.to_account_id());
	let accounts: Vec<_> = names.iter().map(|(sr, _)| sr.to_account_id()).collect();
	genesis_state(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let aura: Vec<_> = pallet_aura::Authorities::<Runtime>::get().into_inner();
		assert_eq!(aura, names.iter().map(|(sr, _)| sr.public().into()).collect::<Vec<_>>());
		assert_eq!(
			Grandpa::grandpa_authorities(),
			names.iter().map(|(_, ed)| (ed.public().into(), 1)).collect::<Vec<_>>()
		);
		assert_eq!(Aura::authorities_len(), 4);
		assert_eq!(pallet_session::Validators::<Runtime>::get(), accounts);
		assert_eq!(pallet_validator_set::Validators::<Runtime>::get().into_inner(), accounts);
		let mut council: Vec<_> = [Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie]
			.iter()
			.map(|key| key.to_account_id())
			.collect();
		council.sort();
		assert_eq!(pallet_collective::Members::<Runtime, pallet_collective::Instance1>::get(), council);
	});
}

#[test]
fn dev_accounts_and_the_treasury_are_funded_and_issuance_adds_up() {
	for preset in [DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET] {
		genesis_state(preset).execute_with(|| {
			let accounts: Vec<_> = Sr25519Keyring::iter().map(|key| key.to_account_id()).collect();
			for account in &accounts {
				assert_eq!(Balances::balance(account), DEV_ENDOWMENT, "{preset}");
				assert!(System::account_exists(account));
			}
			// The treasury exists from genesis, so any slash can reach it.
			let treasury = labelchain_runtime::configs::treasury::TreasuryAccount::get();
			assert_eq!(Balances::balance(&treasury), labelchain_runtime::currency::EXISTENTIAL_DEPOSIT);
			assert_eq!(
				Balances::total_issuance(),
				DEV_ENDOWMENT * accounts.len() as u128 + labelchain_runtime::currency::EXISTENTIAL_DEPOSIT
			);
		});
	}
}

#[test]
fn every_labeling_pallet_starts_at_its_declared_storage_version() {
	use frame_support::traits::GetStorageVersion;
	use labelchain_runtime::{AnnotatorStake, LabelVoting, Reputation, Tasks};
	for preset in [DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET] {
		genesis_state(preset).execute_with(|| {
			// (on chain, in code, the layout this runtime declares: 1 is the
			// first; the tasks pallet's 2 is adaptive redundancy's terms, the voting
			// pallet's 2 the labels a settled item used; both pallets' 3 their
			// chain-wide counters).
			let versions = [
				(Tasks::on_chain_storage_version(), Tasks::in_code_storage_version(), 3),
				(AnnotatorStake::on_chain_storage_version(), AnnotatorStake::in_code_storage_version(), 1),
				(Reputation::on_chain_storage_version(), Reputation::in_code_storage_version(), 1),
				(LabelVoting::on_chain_storage_version(), LabelVoting::in_code_storage_version(), 3),
			];
			for (on_chain, in_code, declared) in versions {
				assert_eq!(on_chain, in_code, "{preset}");
				assert_eq!(in_code, declared, "the declared layout");
			}
		});
	}
}
