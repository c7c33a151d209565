//! Natural logarithms and exponentials in fixed point (18 decimal places), for
//! vote weights and the posterior. No floats: every step is integer arithmetic with a fixed
//! number of iterations, so every node computes the same bits.

/// One, in this module's fixed point.
pub const SCALE: u128 = 1_000_000_000_000_000_000;
/// ln 2 × 10^18, rounded down.
const LN_2: u128 = 693_147_180_559_945_309;
/// Terms of the atanh series; with |z| < 1/3 the 24th term is below 10^-23.
const LN_SERIES_TERMS: u32 = 24;
/// Terms of the exponential series on [0, ln 2): the 24th is below 10^-27.
const EXP_SERIES_TERMS: u128 = 24;

/// `ln(numerator / denominator)` × 10^18 for any positive ratio (negative
/// below 1); `None` for a zero, or a ratio beyond 2^±64. Numbers above 2^64
/// are shifted down together first (a relative error below 2^-63).
pub fn ln(numerator: u128, denominator: u128) -> Option<i128> {
	let excess = log2_floor(numerator.max(denominator)).saturating_sub(63);
	let (numerator, denominator) = (numerator >> excess, denominator >> excess);
	if numerator >= denominator {
		ln_at_least_one(numerator, denominator).and_then(|ln| i128::try_from(ln).ok())
	} else {
		ln_at_least_one(denominator, numerator).and_then(|ln| i128::try_from(ln).ok()).map(|ln| -ln)
	}
}

/// `e^(−x / 10^18)` × 10^18 for x ≥ 0, rounded down; 0 once below 10^-18.
pub fn exp_neg(x: u128) -> u128 {
	// e^−x = 2^−halvings × e^−rest, with rest in [0, ln 2).
	let halvings = x / LN_2;
	if halvings >= 64 {
		return 0;
	}
	let rest = x.saturating_sub(halvings.saturating_mul(LN_2));
	// e^rest in [1, 2) by its series; each term is below 2 × 10^18 and rest
	// below 7 × 10^17, so no product passes 2^128.
	let mut term = SCALE;
	let mut e_rest = SCALE;
	for n in 1..=EXP_SERIES_TERMS {
		term = term.saturating_mul(rest) / SCALE / n;
		if term == 0 {
			break;
		}
		e_rest = e_rest.saturating_add(term);
	}
	// SCALE² is 10^36, below 2^128.
	SCALE.saturating_mul(SCALE).checked_div(e_rest).unwrap_or(0) >> halvings
}

/// ln(numerator / denominator) × 10^18 for a ratio of at least 1.
fn ln_at_least_one(numerator: u128, denominator: u128) -> Option<u128> {
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
	LN_2.checked_mul(u128::from(exponent))?.checked_add(ln_of_mantissa(mantissa)?)
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
	for term in 0..LN_SERIES_TERMS {
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

	fn close(actual: i128, expected: i128, tolerance: i128) -> bool {
		(actual - expected).abs() <= tolerance
	}

	#[test]
	fn known_logarithms_either_side_of_one() {
		assert_eq!(ln(1, 1), Some(0));
		assert!(close(ln(2, 1).unwrap(), LN_2 as i128, 1));
		assert!(close(ln(1, 2).unwrap(), -(LN_2 as i128), 1));
		assert!(close(ln(10, 1).unwrap(), 2_302_585_092_994_045_684, 100));
		assert!(close(ln(3, 2).unwrap(), 405_465_108_108_164_381, 100));
		assert!(close(ln(7, 1_000_000).unwrap(), -11_869_600_408_908_960_799, 100));
		// e ≈ 2.718281828459045235: ln e = 1.
		assert!(close(ln(2_718_281_828_459_045_235, SCALE).unwrap(), SCALE as i128, 100));
	}

	#[test]
	fn zero_and_oversized_inputs_are_refused() {
		assert_eq!(ln(0, 1), None);
		assert_eq!(ln(1, 0), None);
		assert_eq!(ln(u128::MAX, 1), None);
		assert_eq!(ln(1, u128::MAX), None);
	}

	#[test]
	fn large_numbers_are_scaled_down_together() {
		let big = 1u128 << 100;
		assert!(close(ln(3 * big, big).unwrap(), ln(3, 1).unwrap(), 1_000));
		assert!(close(ln(big, 7 * big).unwrap(), ln(1, 7).unwrap(), 1_000));
	}

	#[test]
	fn the_logarithm_is_monotone() {
		let mut previous = i128::MIN;
		for numerator in 1..5_000u128 {
			let ln = ln(numerator, 100).expect("a positive ratio");
			assert!(ln > previous, "ln({numerator}/100) is not above ln({}/100)", numerator - 1);
			previous = ln;
		}
	}

	#[test]
	fn known_exponentials() {
		assert_eq!(exp_neg(0), SCALE);
		// e^-1 = 0.367879441171442321…
		assert!(exp_neg(SCALE).abs_diff(367_879_441_171_442_321) <= 10);
		// e^-ln 2 = 1/2, e^-10 = 0.0000453999297624848…
		assert!(exp_neg(LN_2).abs_diff(SCALE / 2) <= 10);
		assert!(exp_neg(10 * SCALE).abs_diff(45_399_929_762_484) <= 10);
		// Far below 10^-18: 0, never a panic.
		assert_eq!(exp_neg(50 * SCALE), 0);
		assert_eq!(exp_neg(u128::MAX), 0);
	}

	#[test]
	fn the_exponential_undoes_the_logarithm() {
		for (numerator, denominator) in [(1u128, 3u128), (2, 7), (1, 1_000), (999, 1_000), (5, 5)] {
			let ln = ln(numerator, denominator).unwrap();
			let back = exp_neg((-ln) as u128);
			let expected = SCALE * numerator / denominator;
			assert!(back.abs_diff(expected) <= 1_000, "{numerator}/{denominator}: {back} against {expected}");
		}
	}

	#[test]
	fn the_exponential_is_monotone() {
		let mut previous = u128::MAX;
		for step in 0..3_000u128 {
			let value = exp_neg(step * SCALE / 100);
			assert!(value <= previous);
			previous = value;
		}
	}
}
