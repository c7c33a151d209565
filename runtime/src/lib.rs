//! The LabelChain runtime.
//!
//! Consensus (Aura authoring, GRANDPA finality) with validators in sessions
//! (`pallet-session`, `pallet-validator-set`), governance by a council
//! (`pallet-collective`, `pallet-enactment`; sudo only on dev and test
//! networks), balances and fees, `utility` for batching, and the labeling
//! pallets: task escrow (`pallet-tasks`), annotator stake
//! (`pallet-annotator-stake`), reputation (`pallet-reputation`), the expert set
//! (`pallet-membership`) and label voting (`pallet-label-voting`).

#![cfg_attr(not(feature = "std"), no_std)]
// `#[frame_support::runtime]` expands into deeply nested types.
#![recursion_limit = "256"]

// The wasm blob built by `build.rs`, for the node to put into chain specs.
#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;
pub mod apis;
pub mod chain_activity;
pub mod configs;
pub mod genesis_config_presets;
pub mod labeling_api;
pub mod weights;

pub use apis::RuntimeApi;

use alloc::{borrow::Cow, vec::Vec};
use sp_runtime::{generic, impl_opaque_keys, traits::BlakeTwo256};
use sp_version::RuntimeVersion;

pub use labelchain_primitives::{
	currency, time, AccountId, Balance, BlockNumber, Hash, Nonce, Signature,
};

/// Types the node needs without knowing the runtime's extrinsic format.
pub mod opaque {
	use super::*;
	use sp_runtime::OpaqueExtrinsic;

	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	pub type Block = generic::Block<Header, OpaqueExtrinsic>;
	pub type BlockId = generic::BlockId<Block>;

	impl_opaque_keys! {
		/// The keys a validator registers: Aura signs blocks, GRANDPA votes on finality.
		pub struct SessionKeys {
			pub aura: Aura,
			pub grandpa: Grandpa,
		}
	}
}

/// Wallets and the node compare this to decide whether their cached metadata and
/// transaction format still hold. Bump `spec_version` on every runtime change and
/// `transaction_version` when a call's index or arguments change.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: Cow::Borrowed("labelchain"),
	impl_name: Cow::Borrowed("labelchain"),
	authoring_version: 1,
	spec_version: 128,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 2,
	system_version: 1,
};

/// How a transaction names its target account: an id, an index or raw bytes.
pub type Address = sp_runtime::MultiAddress<AccountId, ()>;

pub type Header = generic::Header<BlockNumber, BlakeTwo256>;

pub type Block = generic::Block<Header, UncheckedExtrinsic>;

pub type SignedBlock = generic::SignedBlock<Block>;

pub type BlockId = generic::BlockId<Block>;

/// Checks every signed transaction goes through, in order. Wallets build the
/// matching implicit data from the metadata, so the order is part of the
/// transaction format.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload a sender signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations run in the upgrade's block, each guarded by its
/// pallet's storage version so that it runs once. Those too big for one
/// block are `pallet-migrations`' (see `configs/migrations.rs`).
pub type Migrations = (pallet_tasks::migrations::v2::MigrateV1ToV2<Runtime>,);

pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;

	#[runtime::pallet_index(6)]
	pub type Sudo = pallet_sudo;

	#[runtime::pallet_index(7)]
	pub type Utility = pallet_utility;

	#[runtime::pallet_index(8)]
	pub type MultiBlockMigrations = pallet_migrations;

	// Validators and governance. The validator set comes before the session
	// pallet: the session pallet's genesis asks it for the first validators.
	#[runtime::pallet_index(9)]
	pub type ValidatorSet = pallet_validator_set;

	#[runtime::pallet_index(10)]
	pub type Session = pallet_session;

	#[runtime::pallet_index(11)]
	pub type Council = pallet_collective<Instance1>;

	#[runtime::pallet_index(12)]
	pub type Enactment = pallet_enactment;

	// The labeling pallets.
	#[runtime::pallet_index(20)]
	pub type Tasks = pallet_tasks;

	#[runtime::pallet_index(21)]
	pub type AnnotatorStake = pallet_annotator_stake;

	#[runtime::pallet_index(22)]
	pub type Reputation = pallet_reputation;

	#[runtime::pallet_index(23)]
	pub type ExpertMembership = pallet_membership<Instance1>;

	#[runtime::pallet_index(24)]
	pub type LabelVoting = pallet_label_voting;
}
