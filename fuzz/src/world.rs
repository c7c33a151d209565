//! Who acts and what the fuzzer remembers between calls: the accounts of each
//! role, the tasks created with their hidden gold answers, and the label and
//! salt behind each commitment (so that reveals can open them, or fail to).

use std::collections::BTreeMap;

use labelchain_runtime::{currency::UNIT, AccountId};
use sp_core::crypto::AccountId32;
use sp_genesis_builder::PresetId;
use sp_keyring::Sr25519Keyring;

/// The requesters' gold salt: one for all, as the answers are what is hidden.
pub const GOLD_SALT: [u8; 32] = [5; 32];

/// Annotators funded and bonded before the run.
pub const ANNOTATORS: u8 = 8;

/// A task the fuzzer created: its shape, and its gold answers by item.
#[derive(Clone, Debug)]
pub struct KnownTask {
	pub id: u32,
	pub requester: AccountId,
	pub items: u32,
	pub classes: u16,
	/// (item, answer), in the order of the task's gold commitments.
	pub gold: Vec<(u32, u16)>,
}

/// The accounts of each role and what the run has done so far.
pub struct World {
	/// Funded; create tasks and reveal gold.
	pub requesters: Vec<AccountId>,
	/// Funded and bonded.
	pub annotators: Vec<AccountId>,
	/// The expert set of the dev genesis.
	pub experts: Vec<AccountId>,
	/// Funded but never bonded, and one never funded.
	pub strangers: Vec<AccountId>,
	pub tasks: Vec<KnownTask>,
	/// (annotator, task, item) -> the label committed.
	pub commitments: BTreeMap<(AccountId, u32, u32), u16>,
}

impl World {
	pub fn new() -> Self {
		let key = |k: Sr25519Keyring| k.to_account_id();
		Self {
			requesters: vec![key(Sr25519Keyring::Alice), key(Sr25519Keyring::Bob)],
			annotators: (0..ANNOTATORS).map(|n| AccountId32::new([100 + n; 32])).collect(),
			experts: vec![key(Sr25519Keyring::Eve), key(Sr25519Keyring::Ferdie)],
			strangers: vec![key(Sr25519Keyring::Charlie), AccountId32::new([200; 32])],
			tasks: Vec::new(),
			commitments: BTreeMap::new(),
		}
	}

	/// Everyone, for calls anyone may try.
	pub fn everyone(&self) -> Vec<AccountId> {
		[&self.requesters, &self.annotators, &self.experts, &self.strangers].into_iter().flatten().cloned().collect()
	}

	/// The salt `who` seals its label on `item` of `task` with.
	pub fn salt(who: &AccountId, task: u32, item: u32) -> [u8; 32] {
		use codec::Encode;
		sp_io::hashing::blake2_256(&(who, task, item).encode())
	}

	pub fn task(&self, id: u32) -> Option<&KnownTask> {
		self.tasks.iter().find(|task| task.id == id)
	}
}

impl Default for World {
	fn default() -> Self {
		Self::new()
	}
}

/// The dev chain's genesis state at block 1, with the annotators funded.
pub fn genesis(world: &World) -> sp_io::TestExternalities {
	let endowed = world.annotators.iter().map(|who| (who.clone(), 1_000 * UNIT));
	let storage = labelchain_runtime::genesis_config_presets::genesis_storage(
		&PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		endowed,
	)
	.expect("the dev preset builds");
	let mut ext: sp_io::TestExternalities = storage.into();
	ext.execute_with(|| labelchain_runtime::System::set_block_number(1));
	ext
}
