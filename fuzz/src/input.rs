//! The fuzzer's input, read as a stream of choices. Each choice takes bytes
//! from the front; an input that runs out ends the run (a short input is a
//! short run, never an error), so every byte string is a valid input and a
//! mutation of one byte changes one choice.

/// The choices left in an input.
pub struct Input<'a> {
	bytes: &'a [u8],
}

impl<'a> Input<'a> {
	pub fn new(bytes: &'a [u8]) -> Self {
		Self { bytes }
	}

	/// The next byte, or `None` once the input is spent.
	pub fn byte(&mut self) -> Option<u8> {
		let (first, rest) = self.bytes.split_first()?;
		self.bytes = rest;
		Some(*first)
	}

	/// A byte, or 0 once the input is spent (the run ends at the next step).
	pub fn next(&mut self) -> u8 {
		self.byte().unwrap_or(0)
	}

	/// A number below `n` (0 when `n` is 0).
	pub fn below(&mut self, n: usize) -> usize {
		if n == 0 {
			return 0;
		}
		let wide = u16::from_le_bytes([self.next(), self.next()]);
		usize::from(wide) % n
	}

	/// True about `percent` times in a hundred.
	pub fn chance(&mut self, percent: u8) -> bool {
		u16::from(self.next()) * 100 < u16::from(percent) * 256
	}

	/// One of `items`, if any.
	pub fn pick<'b, T>(&mut self, items: &'b [T]) -> Option<&'b T> {
		if items.is_empty() {
			return None;
		}
		items.get(self.below(items.len()))
	}

	/// A number near the valid `range` most of the time, and now and then
	/// one of the edges that break rules: 0, just past the range, the type's
	/// largest value.
	pub fn number_in(&mut self, range: core::ops::RangeInclusive<u32>) -> u32 {
		let (low, high) = (*range.start(), *range.end());
		match self.next() {
			0..=229 => low.saturating_add((self.below(high.saturating_sub(low) as usize + 1)) as u32),
			230..=239 => 0,
			240..=249 => high.saturating_add(1),
			_ => u32::MAX,
		}
	}

	/// A balance of `unit`s: mostly a few, sometimes none, sometimes more than
	/// anyone has.
	pub fn amount(&mut self, unit: u128) -> u128 {
		match self.next() {
			0..=199 => unit.saturating_mul(u128::from(self.next() % 50) + 1),
			200..=219 => 0,
			220..=239 => unit.saturating_mul(u128::from(self.next())).saturating_mul(1_000),
			240..=249 => 1,
			_ => u128::MAX,
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_spent_input_reads_zeros_and_ends() {
		let mut input = Input::new(&[7]);
		assert_eq!(input.byte(), Some(7));
		assert_eq!(input.byte(), None);
		assert_eq!(input.next(), 0);
		assert_eq!(input.below(5), 0);
	}

	#[test]
	fn numbers_stay_in_range_unless_an_edge_is_chosen() {
		let mut input = Input::new(&[0, 9, 0, 230, 240, 255]);
		assert_eq!(input.number_in(3..=12), 12);
		assert_eq!(input.number_in(3..=12), 0);
		assert_eq!(input.number_in(3..=12), 13);
		assert_eq!(input.number_in(3..=12), u32::MAX);
	}
}
