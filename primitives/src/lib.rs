//! Types and constants that the LabelChain runtime, its pallets, the node and the
//! client all agree on.
//!
//! Keeping them here, and not in the runtime, lets the node and the client name
//! an account or an amount without compiling the whole runtime into their types.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod cid;
pub mod commitment;
pub mod currency;
pub mod fixed_math;
pub mod item_lifecycle;
pub mod reputation;
pub mod runtime_api;
pub mod shares;
#[cfg(feature = "serde")]
mod serde_amount;
pub mod task;
pub mod totals;
pub mod traits;

use sp_runtime::{
	traits::{IdentifyAccount, Verify},
	MultiSignature,
};

/// Block number: `u32` lasts 800 years at 6-second blocks.
pub type BlockNumber = u32;

/// A transaction signature: sr25519, ed25519 or ECDSA, so any wallet key works.
pub type Signature = MultiSignature;

/// An account is identified by the public key that signs for it.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// Token amounts in the smallest unit (see [`currency::DECIMALS`]).
pub type Balance = u128;

/// Transaction counter of an account.
pub type Nonce = u32;

/// Block and state hashes.
pub type Hash = sp_core::H256;

/// Slot and block timing shared by the runtime (Aura, timestamp) and the node
/// (manual sealing, which must advance slots the way Aura would).
pub mod time {
	use super::BlockNumber;

	/// Target block time. Aura's slot is this long; GRANDPA finalizes behind it.
	pub const MILLI_SECS_PER_BLOCK: u64 = 6_000;
	/// The slot duration is the block time: one author per slot.
	pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

	pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
	pub const HOURS: BlockNumber = MINUTES * 60;
	pub const DAYS: BlockNumber = HOURS * 24;
}

/// What wallets need to show the chain's token and addresses; written into the
/// chain spec properties by the node.
pub mod chain_properties {
	/// Address format: 42 is the generic Substrate prefix that Polkadot.js and the
	/// dev keys (`//Alice`, ...) use by default.
	pub const SS58_PREFIX: u16 = 42;
	/// Ticker shown by wallets.
	pub const TOKEN_SYMBOL: &str = "LBL";
	/// Decimal places of one token.
	pub const TOKEN_DECIMALS: u8 = super::currency::DECIMALS;
}
