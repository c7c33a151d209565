//! Token amounts as people write them: LBL with up to 12 decimals.

use anyhow::{bail, Context};

/// Decimals of LBL: 1 LBL is 10^12 of the chain's smallest unit.
pub const DECIMALS: u32 = 12;
pub const UNIT: u128 = 10u128.pow(DECIMALS);

/// Parses `"20"`, `"0.5"` or `"1.000000000001"` LBL into the smallest unit.
pub fn parse_lbl(text: &str) -> anyhow::Result<u128> {
	let (whole, fraction) = text.trim().split_once('.').unwrap_or((text.trim(), ""));
	if whole.is_empty() && fraction.is_empty() {
		bail!("no amount given");
	}
	if fraction.len() > DECIMALS as usize {
		bail!("{text}: LBL has {DECIMALS} decimals");
	}
	let digits = |part: &str| part.chars().all(|c| c.is_ascii_digit());
	if !digits(whole) || !digits(fraction) {
		bail!("{text} is not an amount of LBL");
	}
	let whole: u128 = if whole.is_empty() { 0 } else { whole.parse().context("the whole LBL")? };
	let padded = format!("{fraction:0<width$}", width = DECIMALS as usize);
	let fraction: u128 = padded.parse().context("the fraction")?;
	whole.checked_mul(UNIT).and_then(|units| units.checked_add(fraction)).context("the amount is too large")
}

/// Formats an amount in the smallest unit as LBL, without trailing zeros.
pub fn format_lbl(amount: u128) -> String {
	let (whole, fraction) = (amount / UNIT, amount % UNIT);
	if fraction == 0 {
		return format!("{whole} LBL");
	}
	let fraction = format!("{fraction:0width$}", width = DECIMALS as usize);
	format!("{whole}.{} LBL", fraction.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn amounts_round_trip() {
		assert_eq!(parse_lbl("20").unwrap(), 20 * UNIT);
		assert_eq!(parse_lbl("0.5").unwrap(), UNIT / 2);
		assert_eq!(parse_lbl(".25").unwrap(), UNIT / 4);
		assert_eq!(parse_lbl("1.000000000001").unwrap(), UNIT + 1);
		assert_eq!(format_lbl(20 * UNIT), "20 LBL");
		assert_eq!(format_lbl(UNIT + UNIT / 2), "1.5 LBL");
		assert_eq!(format_lbl(1), "0.000000000001 LBL");
		for bad in ["", "1.0000000000001", "-1", "1e3", "1.2.3", "abc"] {
			assert!(parse_lbl(bad).is_err(), "{bad} parsed");
		}
	}
}
