//! Content identifiers and archives as IPFS has them: CIDv1 of raw bytes
//! (sha2-256), and CARv1 archives any IPFS node can import
//! (`ipfs dag import`). The chain holds the CIDs; the CAR carries the bytes.

use cid::Cid;
use multihash_codetable::{Code, MultihashDigest};

/// The multicodec of raw bytes.
pub const RAW: u64 = 0x55;

/// The CIDv1 of `bytes` as a raw block, hashed with sha2-256.
pub fn raw_cid(bytes: &[u8]) -> Cid {
	Cid::new_v1(RAW, Code::Sha2_256.digest(bytes))
}

/// Appends `value` as an unsigned LEB128 varint, CAR's length prefix.
fn push_varint(out: &mut Vec<u8>, mut value: u64) {
	loop {
		let byte = (value & 0x7f) as u8;
		value >>= 7;
		if value == 0 {
			out.push(byte);
			return;
		}
		out.push(byte | 0x80);
	}
}

/// Appends a CBOR head: major type `major` and its argument, shortest form.
fn push_cbor_head(out: &mut Vec<u8>, major: u8, value: u64) {
	let major = major << 5;
	match value {
		0..=23 => out.push(major | value as u8),
		24..=0xff => out.extend([major | 24, value as u8]),
		0x100..=0xffff => {
			out.push(major | 25);
			out.extend((value as u16).to_be_bytes());
		},
		0x1_0000..=0xffff_ffff => {
			out.push(major | 26);
			out.extend((value as u32).to_be_bytes());
		},
		_ => {
			out.push(major | 27);
			out.extend(value.to_be_bytes());
		},
	}
}

/// The CARv1 header block: DAG-CBOR `{"roots": [CID...], "version": 1}`, map
/// keys in DAG-CBOR order (shorter first), each CID as tag 42 over its bytes
/// after a zero byte.
fn car_header(roots: &[Cid]) -> Vec<u8> {
	let mut header = Vec::new();
	push_cbor_head(&mut header, 5, 2);
	push_cbor_head(&mut header, 3, 5);
	header.extend(b"roots");
	push_cbor_head(&mut header, 4, roots.len() as u64);
	for root in roots {
		let bytes = root.to_bytes();
		push_cbor_head(&mut header, 6, 42);
		push_cbor_head(&mut header, 2, bytes.len() as u64 + 1);
		header.push(0);
		header.extend(bytes);
	}
	push_cbor_head(&mut header, 3, 7);
	header.extend(b"version");
	push_cbor_head(&mut header, 0, 1);
	header
}

/// A CARv1 archive of `blocks` (each with its CID) under `roots`.
pub fn car_v1<'a>(roots: &[Cid], blocks: impl IntoIterator<Item = (&'a Cid, &'a [u8])>) -> Vec<u8> {
	let header = car_header(roots);
	let mut out = Vec::new();
	push_varint(&mut out, header.len() as u64);
	out.extend(header);
	for (cid, data) in blocks {
		let cid = cid.to_bytes();
		push_varint(&mut out, (cid.len() + data.len()) as u64);
		out.extend(cid);
		out.extend(data);
	}
	out
}

/// Reads an unsigned LEB128 varint at `*at`, moving `*at` past it.
fn read_varint(bytes: &[u8], at: &mut usize) -> anyhow::Result<u64> {
	let mut value = 0u64;
	for shift in (0..64).step_by(7) {
		let byte = *bytes.get(*at).ok_or_else(|| anyhow::anyhow!("the archive ends inside a length"))?;
		*at += 1;
		value |= u64::from(byte & 0x7f) << shift;
		if byte & 0x80 == 0 {
			return Ok(value);
		}
	}
	anyhow::bail!("a length in the archive is longer than 64 bits")
}

/// The blocks of a CARv1 archive, each with its CID, in archive order. Raw
/// sha2-256 blocks are checked against their CIDs; the header is skipped.
pub fn car_blocks(archive: &[u8]) -> anyhow::Result<Vec<(Cid, Vec<u8>)>> {
	let mut at = 0;
	let header = usize::try_from(read_varint(archive, &mut at)?)?;
	at = at
		.checked_add(header)
		.filter(|end| *end <= archive.len())
		.ok_or_else(|| anyhow::anyhow!("not a CAR archive: its header runs past its end"))?;
	let mut blocks = Vec::new();
	while at < archive.len() {
		let length = usize::try_from(read_varint(archive, &mut at)?)?;
		let section = archive
			.get(at..at.saturating_add(length))
			.filter(|section| section.len() == length)
			.ok_or_else(|| anyhow::anyhow!("the archive ends inside block {}", blocks.len()))?;
		let mut reader = section;
		let cid = Cid::read_bytes(&mut reader).map_err(|error| anyhow::anyhow!("block {}: {error}", blocks.len()))?;
		let data = reader.to_vec();
		if cid.codec() == RAW && cid.hash().code() == u64::from(Code::Sha2_256) {
			anyhow::ensure!(raw_cid(&data) == cid, "block {cid} does not hash to its CID");
		}
		blocks.push((cid, data));
		at += length;
	}
	Ok(blocks)
}

#[cfg(test)]
mod tests {
	use super::*;

	fn hex(text: &str) -> Vec<u8> {
		(0..text.len()).step_by(2).map(|at| u8::from_str_radix(&text[at..at + 2], 16).unwrap()).collect()
	}

	#[test]
	fn raw_cids_match_known_ones() {
		// sha2-256 of nothing, as IPFS names it.
		assert_eq!(raw_cid(b"").to_string(), "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku");
		assert_eq!(raw_cid(b"aaaa").to_bytes(), hex("0155122061be55a8e2f6b4e172338bddf184d6dbee29c98853e0a0485ecee7f27b9af0b4"));
	}

	#[test]
	fn varints_and_cbor_heads_take_their_shortest_form() {
		let mut out = Vec::new();
		for value in [0, 127, 128, 300] {
			push_varint(&mut out, value);
		}
		assert_eq!(out, [0x00, 0x7f, 0x80, 0x01, 0xac, 0x02]);
		let mut cbor = Vec::new();
		for value in [23, 24, 255, 256, 65_536] {
			push_cbor_head(&mut cbor, 0, value);
		}
		assert_eq!(cbor, hex("171818 18ff 190100 1a00010000".replace(' ', "").as_str()));
	}

	/// The start of the CARv1 specification's basic fixture
	/// (ipld.io/specs/transport/car/fixture/, as the JavaScript car library
	/// tests it): two DAG-CBOR roots, then the raw blocks "aaaa" and "bbbb".
	#[test]
	fn a_car_matches_the_specifications_fixture() {
		let fixture = hex(concat!(
			"63a265726f6f747382d82a58250001711220f88bc853804cf294fe417e4fa83028689fcdb1b1592c5102e1474dbc200fab8b",
			"d82a5825000171122069ea0740f9807a28f4d932c62e7c1c83be055e55072c90266ab3e79df63a365b6776657273696f6e01",
			"280155122061be55a8e2f6b4e172338bddf184d6dbee29c98853e0a0485ecee7f27b9af0b461616161",
			"280155122081cc5b17018674b401b42f35ba07bb79e211239c23bffe658da1577e3e646877626262",
			"62",
		));
		let root = |bytes: &str| Cid::try_from(hex(bytes)).unwrap();
		let roots = [
			root("01711220f88bc853804cf294fe417e4fa83028689fcdb1b1592c5102e1474dbc200fab8b"),
			root("0171122069ea0740f9807a28f4d932c62e7c1c83be055e55072c90266ab3e79df63a365b"),
		];
		let (a, b) = (raw_cid(b"aaaa"), raw_cid(b"bbbb"));
		let car = car_v1(&roots, [(&a, &b"aaaa"[..]), (&b, &b"bbbb"[..])]);
		assert_eq!(car, fixture);
		let blocks = car_blocks(&fixture).unwrap();
		assert_eq!(blocks, vec![(a, b"aaaa".to_vec()), (b, b"bbbb".to_vec())]);
	}

	#[test]
	fn damaged_archives_are_refused() {
		let cid = raw_cid(b"aaaa");
		let car = car_v1(&[cid], [(&cid, &b"aaaa"[..])]);
		assert!(car_blocks(&car[..car.len() - 1]).is_err());
		let mut tampered = car.clone();
		*tampered.last_mut().unwrap() = b'b';
		assert!(car_blocks(&tampered).unwrap_err().to_string().contains("does not hash"));
	}
}
