//! The small statistics the report needs: a seeded random source, plain
//! majority vote with fractional credit on ties, and Spearman's rank
//! correlation.

/// A seeded pseudo-random source (SplitMix64): the same seed replays the
/// same shuffle and spammers.
pub struct Random(u64);

impl Random {
	pub fn new(seed: u64) -> Self {
		Self(seed)
	}

	pub fn next_u64(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
		z ^ (z >> 31)
	}

	/// A number in `0..bound` (`bound` > 0).
	pub fn below(&mut self, bound: u64) -> u64 {
		self.next_u64() % bound.max(1)
	}

	pub fn shuffle<T>(&mut self, items: &mut [T]) {
		for index in (1..items.len()).rev() {
			items.swap(index, self.below(index as u64 + 1) as usize);
		}
	}
}

/// Plain majority vote's credit on one item: 1 if the truth has the most
/// votes alone, 1/k if it ties with k − 1 others, 0 otherwise.
pub fn majority_credit(votes: &[u16], truth: u16) -> f64 {
	let mut counts = std::collections::BTreeMap::<u16, u32>::new();
	for vote in votes {
		*counts.entry(*vote).or_default() += 1;
	}
	let Some(best) = counts.values().max().copied() else { return 0.0 };
	let leaders = counts.values().filter(|count| **count == best).count();
	if counts.get(&truth) == Some(&best) {
		1.0 / leaders as f64
	} else {
		0.0
	}
}

/// Ranks from 1, ties sharing their average rank.
fn ranks(values: &[f64]) -> Vec<f64> {
	let mut order: Vec<usize> = (0..values.len()).collect();
	order.sort_by(|a, b| values[*a].total_cmp(&values[*b]));
	let mut ranks = vec![0.0; values.len()];
	let mut start = 0;
	while start < order.len() {
		let mut end = start;
		while end + 1 < order.len() && values[order[end + 1]] == values[order[start]] {
			end += 1;
		}
		let average = (start + end) as f64 / 2.0 + 1.0;
		for position in start..=end {
			ranks[order[position]] = average;
		}
		start = end + 1;
	}
	ranks
}

/// Spearman's rank correlation (Pearson's on ranks, ties averaged); `None`
/// if either side has no spread.
pub fn spearman(xs: &[f64], ys: &[f64]) -> Option<f64> {
	if xs.len() != ys.len() || xs.len() < 2 {
		return None;
	}
	let (rx, ry) = (ranks(xs), ranks(ys));
	let n = rx.len() as f64;
	let (mx, my) = (rx.iter().sum::<f64>() / n, ry.iter().sum::<f64>() / n);
	let cov: f64 = rx.iter().zip(&ry).map(|(x, y)| (x - mx) * (y - my)).sum();
	let vx: f64 = rx.iter().map(|x| (x - mx).powi(2)).sum();
	let vy: f64 = ry.iter().map(|y| (y - my).powi(2)).sum();
	(vx > 0.0 && vy > 0.0).then(|| cov / (vx * vy).sqrt())
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn majority_gives_fractional_credit_on_ties() {
		assert_eq!(majority_credit(&[1, 1, 0], 1), 1.0);
		assert_eq!(majority_credit(&[1, 1, 0], 0), 0.0);
		assert_eq!(majority_credit(&[1, 0, 2, 2, 1], 1), 0.5);
		assert_eq!(majority_credit(&[], 0), 0.0);
	}

	#[test]
	fn spearman_matches_known_values() {
		// Same order: 1; reversed: -1; a textbook example with a tie.
		assert_eq!(spearman(&[1.0, 2.0, 3.0], &[10.0, 20.0, 30.0]), Some(1.0));
		assert_eq!(spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]), Some(-1.0));
		let rho = spearman(&[1.0, 2.0, 2.0, 4.0], &[1.0, 3.0, 2.0, 4.0]).unwrap();
		assert!((rho - 0.9486833).abs() < 1e-6, "{rho}");
		assert_eq!(spearman(&[1.0, 1.0], &[1.0, 2.0]), None);
	}

	#[test]
	fn the_same_seed_shuffles_the_same_way() {
		let (mut a, mut b) = ((0..20).collect::<Vec<_>>(), (0..20).collect::<Vec<_>>());
		Random::new(7).shuffle(&mut a);
		Random::new(7).shuffle(&mut b);
		assert_eq!(a, b);
		assert_ne!(a, (0..20).collect::<Vec<_>>());
	}
}
