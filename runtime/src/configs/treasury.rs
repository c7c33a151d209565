//! The treasury: the account slashes go to. Slashes are never paid to the
//! task's requester (who would then gain from revealing false gold) or to the
//! expert who judged; they are the chain's, for governance to spend.
//!
//! A plain account for now, derived from the `py/trsry` pallet id, which is
//! the account `pallet-treasury` keeps: adding that pallet with the council
//! (the real-network work) makes these funds spendable by proposal without
//! moving them. Until then only Root can move them (sudo's `force_transfer`).

use frame_support::{parameter_types, PalletId};
use sp_runtime::traits::AccountIdConversion;

use crate::AccountId;

parameter_types! {
	pub const TreasuryPalletId: PalletId = PalletId(*b"py/trsry");
	/// Receives slashes; endowed with the existential deposit at genesis so
	/// that a slash below it is received too.
	pub TreasuryAccount: AccountId = TreasuryPalletId::get().into_account_truncating();
}
