//! Content identifiers: the chain stores CIDs of off-chain data, never the
//! data, and checks only that they are well-formed binary CIDv1s.

/// Whether `bytes` is a binary CIDv1: version 1, a content codec, and a
/// multihash whose digest length matches what follows. The chain stores content
/// identifiers only, so this is all it can check about off-chain data.
pub fn is_binary_cid_v1(bytes: &[u8]) -> bool {
	let mut rest = bytes;
	let mut next = || read_varint(&mut rest);
	let (Some(version), Some(_codec), Some(_hash), Some(digest_len)) = (next(), next(), next(), next())
	else {
		return false;
	};
	version == 1 && digest_len > 0 && rest.len() as u64 == digest_len
}

/// Reads an unsigned LEB128 varint of at most 9 bytes, as multiformats use.
fn read_varint(bytes: &mut &[u8]) -> Option<u64> {
	let mut value: u64 = 0;
	for (index, byte) in bytes.iter().enumerate().take(9) {
		value |= u64::from(byte & 0x7f) << (7 * index);
		if byte & 0x80 == 0 {
			*bytes = &bytes[index + 1..];
			return Some(value);
		}
	}
	None
}

/// A real binary CIDv1, for tests, benchmarks and examples: the bytes
/// "hello world" as a raw block (codec 0x55) with a sha2-256 multihash.
pub const EXAMPLE_CID: [u8; 36] = [
	0x01, 0x55, 0x12, 0x20, 0xb9, 0x4d, 0x27, 0xb9, 0x93, 0x4d, 0x3e, 0x08, 0xa5, 0x2e, 0x52, 0xd7,
	0xda, 0x7d, 0xab, 0xfa, 0xc4, 0x84, 0xef, 0xe3, 0x7a, 0x53, 0x80, 0xee, 0x90, 0x88, 0xf7, 0xac,
	0xe2, 0xef, 0xcd, 0xe9,
];

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn accepts_a_real_cid_v1() {
		assert!(is_binary_cid_v1(&EXAMPLE_CID));
	}

	#[test]
	fn rejects_malformed_cids() {
		assert!(!is_binary_cid_v1(&[]));
		// CIDv0 (a bare sha2-256 multihash) is not CIDv1.
		assert!(!is_binary_cid_v1(&EXAMPLE_CID[2..]));
		// Truncated digest, and a byte too many.
		assert!(!is_binary_cid_v1(&EXAMPLE_CID[..35]));
		let mut long = EXAMPLE_CID.to_vec();
		long.push(0);
		assert!(!is_binary_cid_v1(&long));
		// An unterminated varint.
		assert!(!is_binary_cid_v1(&[0x81, 0x80, 0x80]));
	}
}
