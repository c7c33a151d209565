//! What the random-walk tests share: a seeded generator, so a seed replays
//! a run, the check every block ends with, and how an actor sends a call
//! and salts its labels.

use codec::Encode;
use labelchain_runtime::{AccountId, Balances, Runtime, RuntimeCall, RuntimeOrigin};
use sp_runtime::traits::Dispatchable;

/// Dispatches `call` from `who` (no transaction fee); whether it succeeded.
pub fn dispatch(who: &AccountId, call: RuntimeCall) -> bool {
	call.dispatch(RuntimeOrigin::signed(who.clone())).is_ok()
}

/// `who`'s salt for its label on `item` of `task`: recomputed to reveal.
pub fn salt_of(who: &AccountId, task: u32, item: u32) -> [u8; 32] {
	sp_io::hashing::blake2_256(&(who, task, item).encode())
}

/// xorshift64*: a small deterministic generator.
pub struct Rng(pub u64);

impl Rng {
	pub fn next(&mut self) -> u64 {
		self.0 ^= self.0 >> 12;
		self.0 ^= self.0 << 25;
		self.0 ^= self.0 >> 27;
		self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
	}

	pub fn below(&mut self, n: u64) -> u64 {
		self.next() % n.max(1)
	}

	pub fn chance(&mut self, percent: u64) -> bool {
		self.below(100) < percent
	}
}

/// Every labeling pallet's invariants hold after `block`, and no token was
/// created or destroyed (the walks dispatch without transaction fees).
pub fn check_invariants(issuance: u128, block: u32) {
	let fail = |pallet: &str, error: sp_runtime::TryRuntimeError| {
		panic!("block {block}: {pallet} invariant broken: {error:?}")
	};
	pallet_label_voting::Pallet::<Runtime>::do_try_state().unwrap_or_else(|e| fail("voting", e));
	pallet_tasks::Pallet::<Runtime>::do_try_state().unwrap_or_else(|e| fail("tasks", e));
	pallet_annotator_stake::Pallet::<Runtime>::do_try_state().unwrap_or_else(|e| fail("stake", e));
	pallet_reputation::Pallet::<Runtime>::do_try_state().unwrap_or_else(|e| fail("reputation", e));
	assert_eq!(Balances::total_issuance(), issuance, "block {block}: total issuance changed");
}
