//! The runtime's reputation parameters and the traits the voting pallet uses,
//! through the real runtime.

mod common;

use labelchain_primitives::{
	reputation::{LabelOutcome, Tier},
	traits::{ReputationInspect, ReputationRecorder},
};
use labelchain_runtime::{Reputation, Runtime};
use sp_arithmetic::FixedU128;
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring;

#[test]
fn a_careful_annotator_gains_weight_and_tiers_a_guesser_loses_its_say() {
	common::genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		let careful = Sr25519Keyring::Bob.to_account_id();
		let guesser = Sr25519Keyring::Charlie.to_account_id();
		let newcomer_weight = Reputation::vote_weight(&careful, 1, 2);
		// A newcomer's say on a binary task under the Beta(2, 1) prior: ln 2.
		assert!(newcomer_weight.into_inner().abs_diff(693_147_180_559_945_309) <= 100);

		for index in 0..120u32 {
			Reputation::record(&careful, 1, if index % 10 == 0 { LabelOutcome::Disagreed } else { LabelOutcome::Agreed });
			Reputation::record(&guesser, 1, if index % 2 == 0 { LabelOutcome::Disagreed } else { LabelOutcome::Agreed });
		}
		assert!(Reputation::vote_weight(&careful, 1, 2) > FixedU128::from_u32(2));
		assert_eq!(Reputation::tier(&careful, 1), Tier::Trusted);
		// Earned in domain 1, it counts in domain 1 only.
		assert_eq!(Reputation::tier(&careful, 0), Tier::Newcomer);
		// Half right on a binary task (plus the prior's slight optimism): next to no say.
		assert!(Reputation::vote_weight(&guesser, 1, 2) < FixedU128::from_rational(1, 50));
		assert_eq!(Reputation::tier(&guesser, 1), Tier::Newcomer);
		// A domain the guesser never worked in still has the newcomer prior.
		assert_eq!(Reputation::vote_weight(&guesser, 9, 2), newcomer_weight);
		pallet_reputation::Pallet::<Runtime>::do_try_state().expect("reputation invariants hold");
	});
}
