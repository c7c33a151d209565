//! Genesis presets: the starting state of the development chain and of the
//! four-validator local testnet, and of a new network (`genesis`, which
//! `labelchain-node new-network` fills from its command line). The node
//! builds its chain specs from these, and `scripts/generate-chain-specs.sh`
//! writes `chain-specs/` from them.

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use crate::{
	configs::treasury::TreasuryAccount,
	currency::{EXISTENTIAL_DEPOSIT, UNIT},
	opaque::SessionKeys,
	AccountId, Balance, BalancesConfig, BlockNumber, CouncilConfig, ExpertMembershipConfig,
	RuntimeGenesisConfig, SessionConfig, SudoConfig, ValidatorSetConfig,
};

/// What each well-known dev account starts with: enough to fund many test
/// tasks and stakes.
pub const DEV_ENDOWMENT: Balance = 1_000_000 * UNIT;

/// Sessions on the local test network last ten blocks (a minute), so that a
/// validator the council adds authors within two minutes. The block that
/// starts a session takes no transactions (`pallet-session` charges the
/// rotation a full block), so the one-validator dev chain, where validators
/// never change, keeps the default hour.
pub const TEST_SESSION_LENGTH: BlockNumber = 10;

/// A validator: its account and its session keys (Aura for authoring,
/// GRANDPA for finality votes).
pub struct Validator {
	pub account: AccountId,
	pub aura: AuraId,
	pub grandpa: GrandpaId,
}

impl Validator {
	/// The well-known dev keys of one keyring name (`//Alice`, ...).
	fn dev(name: Sr25519Keyring) -> Self {
		Self { account: name.to_account_id(), aura: name.public().into(), grandpa: ed25519_of(name).into() }
	}
}

/// Who a network starts with: its validators, its council, its experts, who
/// holds what, and a sudo key (dev and local networks only).
pub struct NetworkGenesis {
	pub validators: Vec<Validator>,
	pub session_length: BlockNumber,
	pub council: Vec<AccountId>,
	pub experts: Vec<AccountId>,
	pub endowed: Vec<(AccountId, Balance)>,
	pub sudo: Option<AccountId>,
}

/// The dev council: Alice, Bob and Charlie (two of them make two thirds).
fn dev_council() -> Vec<AccountId> {
	[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie]
		.into_iter()
		.map(|name| name.to_account_id())
		.collect()
}

/// The ed25519 key of the same dev name as an sr25519 keyring entry (GRANDPA
/// votes with ed25519).
fn ed25519_of(name: Sr25519Keyring) -> sp_core::ed25519::Public {
	match name {
		Sr25519Keyring::Alice => Ed25519Keyring::Alice,
		Sr25519Keyring::Bob => Ed25519Keyring::Bob,
		Sr25519Keyring::Charlie => Ed25519Keyring::Charlie,
		Sr25519Keyring::Dave => Ed25519Keyring::Dave,
		Sr25519Keyring::Eve => Ed25519Keyring::Eve,
		Sr25519Keyring::Ferdie => Ed25519Keyring::Ferdie,
		_ => Ed25519Keyring::One,
	}
	.public()
}

/// The dev expert set: Eve and Ferdie settle disputed items.
fn dev_experts() -> Vec<AccountId> {
	vec![Sr25519Keyring::Eve.to_account_id(), Sr25519Keyring::Ferdie.to_account_id()]
}

/// The genesis state of a network: the treasury account exists from the
/// start (it receives fees and slashes); everything else is `network`'s.
pub fn genesis(network: NetworkGenesis) -> Value {
	let NetworkGenesis { validators, session_length, council, mut experts, endowed, sudo } = network;
	experts.sort();
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed
				.into_iter()
				.chain([(TreasuryAccount::get(), EXISTENTIAL_DEPOSIT)])
				.collect::<Vec<_>>(),
		},
		// Aura's and GRANDPA's authorities come from the session pallet.
		validator_set: ValidatorSetConfig {
			validators: validators.iter().map(|v| v.account.clone()).collect::<Vec<_>>(),
			session_length,
		},
		session: SessionConfig {
			keys: validators
				.iter()
				.map(|v| {
					let keys = SessionKeys { aura: v.aura.clone(), grandpa: v.grandpa.clone() };
					(v.account.clone(), v.account.clone(), keys)
				})
				.collect::<Vec<_>>(),
		},
		council: CouncilConfig { members: council },
		sudo: SudoConfig { key: sudo },
		expert_membership: ExpertMembershipConfig {
			members: frame_support::BoundedVec::truncate_from(experts),
		},
	})
}

/// A test network of the dev keys: every dev account funded, the dev
/// council and experts, Alice sudo.
fn dev_network(validators: Vec<Validator>, session_length: BlockNumber) -> Value {
	genesis(NetworkGenesis {
		validators,
		session_length,
		council: dev_council(),
		experts: dev_experts(),
		endowed: dev_accounts().into_iter().map(|account| (account, DEV_ENDOWMENT)).collect(),
		sudo: Some(Sr25519Keyring::Alice.to_account_id()),
	})
}

/// Every well-known dev account, funded.
fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::iter().map(|key| key.to_account_id()).collect()
}

/// One validator (Alice), who is also sudo.
pub fn development_config_genesis() -> Value {
	dev_network(vec![Validator::dev(Sr25519Keyring::Alice)], crate::configs::session::DEFAULT_SESSION_LENGTH)
}

/// Four validators (Alice, Bob, Charlie, Dave); Alice is sudo.
pub fn local_testnet_genesis() -> Value {
	dev_network(
		[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie, Sr25519Keyring::Dave]
			.into_iter()
			.map(Validator::dev)
			.collect(),
		TEST_SESSION_LENGTH,
	)
}

/// The JSON patch of a named preset.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV_RUNTIME_PRESET => development_config_genesis(),
		LOCAL_TESTNET_RUNTIME_PRESET => local_testnet_genesis(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("a serde_json::Value always serializes; qed")
			.into_bytes(),
	)
}

/// The presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEV_RUNTIME_PRESET), PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET)]
}

/// The storage a chain spec built from `preset` starts with, with `endowed`
/// accounts funded on top of the preset's: for tests and tools that run the
/// runtime natively (the replay of real crowd data, the runtime's tests).
#[cfg(feature = "std")]
pub fn genesis_storage(
	preset: &PresetId,
	endowed: impl IntoIterator<Item = (AccountId, Balance)>,
) -> Result<sp_runtime::Storage, alloc::string::String> {
	use sp_runtime::BuildStorage;
	let patch = get_preset(preset).ok_or("no such preset")?;
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).map_err(|e| e.to_string())?;
	merge_patch(&mut config, serde_json::from_slice(&patch).map_err(|e| e.to_string())?);
	let mut config: RuntimeGenesisConfig = serde_json::from_value(config).map_err(|e| e.to_string())?;
	config.balances.balances.extend(endowed);
	config.build_storage()
}

/// Applies a genesis patch the way a chain spec does: objects merge key by key,
/// anything else is replaced.
#[cfg(feature = "std")]
fn merge_patch(base: &mut Value, patch: Value) {
	match (base, patch) {
		(Value::Object(base), Value::Object(patch)) =>
			for (key, value) in patch {
				merge_patch(base.entry(key).or_insert(Value::Null), value);
			},
		(base, patch) => *base = patch,
	}
}
