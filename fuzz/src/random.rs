//! Seeded random inputs, for runs without a coverage-guided fuzzer: the short
//! run in CI and long runs by hand. A seed names an input, so a failure
//! replays from its seed alone.

/// xorshift64*: a small deterministic generator.
pub struct Rng(u64);

impl Rng {
	pub fn new(seed: u64) -> Self {
		// Spread nearby seeds apart; xorshift needs a non-zero state.
		Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
	}

	pub fn next(&mut self) -> u64 {
		self.0 ^= self.0 >> 12;
		self.0 ^= self.0 << 25;
		self.0 ^= self.0 >> 27;
		self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
	}
}

/// The input of `seed`: `len` random bytes.
pub fn input(seed: u64, len: usize) -> Vec<u8> {
	let mut rng = Rng::new(seed);
	(0..len).map(|_| (rng.next() >> 56) as u8).collect()
}
