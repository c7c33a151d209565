//! The natural logarithm of a ratio of integers, in fixed point, for vote
//! weights. No floats: every step is integer arithmetic with a fixed number of
//! iterations, so every node computes the same weight.

use sp_arithmetic::FixedU128;

/// Fixed-point scale: 18 decimal places, as `FixedU128`.
const SCALE: u128 = 1_000_000_000_000_000_000;
/// ln 2 × 10^18, rounded down.
const LN_2: u128 = 693_147_180_559_945_309;
/// Terms of the atanh series; with |z| < 1/3 the 24th term is below 10^-23.
const SERIES_TERMS: u32 = 24;

/// `ln(numerator / denominator)` for a ratio of at least 1, as a `FixedU128`;
/// `None` for a ratio below 1 (negative logarithm), a zero denominator, or
/// numbers too large to handle (above 2^64).
pub fn ln_ratio(numerator: u128, denominator: u128) -> Option<FixedU128> {
	if denominator == 0 || numerator < denominator || numerator > u64::MAX as u128 {
		return None;
	}
	// numerator / denominator = 2^exponent × mantissa, with mantissa in [1, 2).
	let mut exponent = log2_floor(numerator).checked_sub(log2_floor(denominator))?;
	let mut shifted_denominator = denominator.checked_shl(exponent)?;
	if shifted_denominator > numerator {
		exponent = exponent.checked_sub(1)?;
		shifted_denominator = denominator.checked_shl(exponent)?;
	}
	let mantissa = numerator.checked_mul(SCALE)?.checked_div(shifted_denominator)?;

	let ln_mantissa = ln_of_mantissa(mantissa)?;
	let ln = LN_2.checked_mul(exponent as u128)?.checked_add(ln_mantissa)?;
	Some(FixedU128::from_inner(ln))
}

/// The position of the highest set bit: floor(log2(value)) for value > 0.
fn log2_floor(value: u128) -> u32 {
	127u32.saturating_sub(value.leading_zeros())
}

/// ln(m) for m = `mantissa` / 10^18 in [1, 2), by ln(m) = 2·atanh(z) with
/// z = (m − 1)/(m + 1) = 2·(z + z³/3 + z⁵/5 + …).
fn ln_of_mantissa(mantissa: u128) -> Option<u128> {
	let z = mantissa.checked_sub(SCALE)?.checked_mul(SCALE)?.checked_div(mantissa.checked_add(SCALE)?)?;
	let z_squared = z.checked_mul(z)? / SCALE;
	let mut power = z;
	let mut sum = 0u128;
	for term in 0..SERIES_TERMS {
		sum = sum.checked_add(power / u128::from(2 * term + 1))?;
		power = power.checked_mul(z_squared)? / SCALE;
		if power == 0 {
			break;
		}
	}
	sum.checked_mul(2)
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_runtime::traits::Zero;

	/// |ln(numerator / denominator) − expected| in units of 10^-18.
	fn error(numerator: u128, denominator: u128, expected: u128) -> u128 {
		ln_ratio(numerator, denominator).expect("a ratio of at least 1").into_inner().abs_diff(expected)
	}

	#[test]
	fn known_logarithms() {
		// Reference values to 18 decimals.
		assert_eq!(ln_ratio(1, 1), Some(FixedU128::zero()));
		assert!(error(2, 1, LN_2) <= 1);
		assert!(error(3, 1, 1_098_612_288_668_109_691) <= 100);
		assert!(error(10, 1, 2_302_585_092_994_045_684) <= 100);
		assert!(error(3, 2, 405_465_108_108_164_381) <= 100);
		assert!(error(1_000_000, 7, 11_869_600_408_908_960_799) <= 100);
		// e^1 ≈ 2.718281828459045235: ln of a close ratio is close to 1.
		assert!(error(2_718_281_828_459_045_235, 1_000_000_000_000_000_000, SCALE) <= 100);
	}

	#[test]
	fn out_of_domain_inputs_are_refused() {
		assert_eq!(ln_ratio(1, 2), None);
		assert_eq!(ln_ratio(1, 0), None);
		assert_eq!(ln_ratio(u128::MAX, 1), None);
	}

	#[test]
	fn the_logarithm_is_monotone() {
		let mut previous = FixedU128::zero();
		for numerator in 101..5_000u128 {
			let ln = ln_ratio(numerator, 100).expect("a ratio above 1");
			assert!(ln > previous, "ln({numerator}/100) is not above ln({}/100)", numerator - 1);
			previous = ln;
		}
	}
}
