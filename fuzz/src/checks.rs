//! What must hold whatever the calls: each call charges at most the weight it
//! declared; each block's hooks stay within a block; after every block every
//! labeling pallet's invariants (`do_try_state`) hold and no token was created
//! or destroyed. A broken rule panics with what broke it: to the fuzzer, a
//! crash.

use std::collections::BTreeSet;

use frame_support::{
	dispatch::{GetDispatchInfo, PostDispatchInfo},
	traits::{GetCallMetadata, Hooks},
};
use labelchain_runtime::{Balances, LabelVoting, Runtime, RuntimeCall, RuntimeOrigin, System, Tasks};
use sp_runtime::{traits::Dispatchable, DispatchError, DispatchErrorWithPostInfo};

/// What a run did and which outcomes it reached: each call's pallet, name and
/// result (`Ok`, or its error's name), the fuzzer's measure of how much of
/// the protocol an input explores.
#[derive(Default, Debug, Clone)]
pub struct Outcome {
	pub calls: u64,
	pub succeeded: u64,
	pub blocks: u32,
	pub reached: BTreeSet<String>,
}

impl Outcome {
	/// Dispatches `call` from `origin` (no transaction fee, as in a block the
	/// fees are the transaction's, not the call's) and checks its weight.
	pub fn dispatch(&mut self, origin: RuntimeOrigin, call: RuntimeCall) -> bool {
		let declared = call.get_dispatch_info().call_weight;
		let name = call.get_call_metadata();
		let result = call.clone().dispatch(origin);
		let (post, outcome) = match &result {
			Ok(post) => (*post, "Ok".to_string()),
			Err(DispatchErrorWithPostInfo { post_info, error }) => (*post_info, error_name(error)),
		};
		check_weight(&call, declared, post);
		self.calls += 1;
		self.succeeded += u64::from(result.is_ok());
		self.reached.insert(format!("{}.{}: {outcome}", name.pallet_name, name.function_name));
		result.is_ok()
	}

	/// Runs the next block's hooks as the chain would (the deadline agenda,
	/// then the items' agenda and claim draws) and checks the invariants.
	pub fn next_block(&mut self, issuance: u128) {
		let block = System::block_number() + 1;
		System::reset_events();
		System::set_block_number(block);
		let hooks = <Tasks as Hooks<u32>>::on_initialize(block)
			.saturating_add(<LabelVoting as Hooks<u32>>::on_initialize(block));
		let limit = <Runtime as frame_system::Config>::BlockWeights::get().max_block;
		assert!(hooks.all_lte(limit), "block {block}: the hooks took {hooks:?}, over the block's {limit:?}");
		self.blocks += 1;
		check_invariants(issuance, block);
	}
}

fn check_weight(call: &RuntimeCall, declared: frame_support::weights::Weight, post: PostDispatchInfo) {
	if let Some(actual) = post.actual_weight {
		assert!(actual.all_lte(declared), "{call:?} charged {actual:?}, over the {declared:?} it declared");
	}
}

/// A dispatch error's name: the pallet's error variant, or the kind.
fn error_name(error: &DispatchError) -> String {
	match error {
		DispatchError::Module(module) => module.message.map(str::to_string).unwrap_or_else(|| format!("{module:?}")),
		other => format!("{other:?}"),
	}
}

/// Every labeling pallet's invariants hold after `block`, and the total
/// issuance is what it was.
pub fn check_invariants(issuance: u128, block: u32) {
	let fail = |pallet: &str, error: sp_runtime::TryRuntimeError| panic!("block {block}: {pallet} invariant broken: {error:?}");
	pallet_label_voting::Pallet::<Runtime>::do_try_state().unwrap_or_else(|e| fail("voting", e));
	pallet_tasks::Pallet::<Runtime>::do_try_state().unwrap_or_else(|e| fail("tasks", e));
	pallet_annotator_stake::Pallet::<Runtime>::do_try_state().unwrap_or_else(|e| fail("stake", e));
	pallet_reputation::Pallet::<Runtime>::do_try_state().unwrap_or_else(|e| fail("reputation", e));
	assert_eq!(Balances::total_issuance(), issuance, "block {block}: the total issuance changed");
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::world::{genesis, World};
	use frame_support::{dispatch::Pays, weights::Weight};

	#[test]
	#[should_panic(expected = "the total issuance changed")]
	fn a_token_created_or_destroyed_is_caught() {
		genesis(&World::new()).execute_with(|| check_invariants(Balances::total_issuance() + 1, 1));
	}

	#[test]
	#[should_panic(expected = "over the")]
	fn a_call_charging_more_than_it_declared_is_caught() {
		let call = RuntimeCall::AnnotatorStake(pallet_annotator_stake::Call::withdraw {});
		let post = PostDispatchInfo { actual_weight: Some(Weight::from_parts(2, 0)), pays_fee: Pays::Yes };
		check_weight(&call, Weight::from_parts(1, 0), post);
	}

	#[test]
	fn a_call_is_recorded_with_its_outcome() {
		let world = World::new();
		genesis(&world).execute_with(|| {
			let mut outcome = Outcome::default();
			let stranger = world.strangers[1].clone();
			let call = RuntimeCall::AnnotatorStake(pallet_annotator_stake::Call::withdraw {});
			assert!(!outcome.dispatch(RuntimeOrigin::signed(stranger), call));
			assert_eq!(outcome.calls, 1);
			assert!(outcome.reached.contains("AnnotatorStake.withdraw: NotBonded"), "{:?}", outcome.reached);
		});
	}
}
