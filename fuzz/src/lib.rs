//! The labeling fuzzer's harness: an input (any byte string) becomes a run of
//! calls of every labeling pallet and of balances, from requesters,
//! annotators, experts and strangers, with blocks passing between them, on
//! the dev chain's genesis state in the native runtime. After every call its
//! charged weight is checked against its declared weight; after every block,
//! every labeling pallet's invariants and the total issuance. A broken rule
//! panics, which a fuzzer reports as a crash.
//!
//! The same harness runs under libFuzzer (`fuzz/libfuzzer`), as the
//! command-line tool `labelchain-fuzz` (random inputs, corpus replay, corpus
//! growth) and as the short run in `scripts/test.sh` (`tests/short_run.rs`).

pub mod actions;
pub mod checks;
pub mod input;
pub mod random;
pub mod world;

pub use checks::Outcome;

use labelchain_runtime::{currency::UNIT, Balances, RuntimeCall};
use world::World;

/// Runs `bytes` from the genesis state; what the run did.
pub fn run(bytes: &[u8]) -> Outcome {
	let mut world = World::new();
	let mut ext = world::genesis(&world);
	ext.execute_with(|| {
		let mut outcome = Outcome::default();
		setup(&world, &mut outcome);
		let issuance = Balances::total_issuance();
		let mut input = input::Input::new(bytes);
		while actions::step(&mut world, &mut input, &mut outcome, issuance) {}
		// The run ends with a block, so that its last calls are checked too.
		outcome.next_block(issuance);
		outcome
	})
}

/// Every annotator bonds stake to start with (more can come and go).
fn setup(world: &World, outcome: &mut Outcome) {
	for who in &world.annotators {
		let bond = pallet_annotator_stake::Call::bond { amount: 100 * UNIT };
		let bonded = outcome.dispatch(labelchain_runtime::RuntimeOrigin::signed(who.clone()), RuntimeCall::AnnotatorStake(bond));
		assert!(bonded, "a funded annotator bonds");
	}
}
