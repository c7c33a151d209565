//! Units of the LBL token.

use crate::Balance;

/// Decimal places: one LBL is 10^12 of the smallest unit, as on Polkadot's
/// relay-chain test networks.
pub const DECIMALS: u8 = 12;

/// One LBL.
pub const UNIT: Balance = 1_000_000_000_000;
/// One thousandth of an LBL.
pub const MILLI_UNIT: Balance = UNIT / 1_000;
/// One millionth of an LBL.
pub const MICRO_UNIT: Balance = UNIT / 1_000_000;

/// The smallest balance an account may hold; below it the account is reaped.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;
