//! A task's manifest: the JSON file whose CID the chain holds. It lists the
//! items' CIDs in task order (item `i` on chain is `items[i]`), the label
//! classes by name (label `l` on chain is `classes[l]`) and the instructions.

use anyhow::Context;
use cid::Cid;
use serde::{Deserialize, Serialize};

use crate::{content::ContentStore, ipfs::raw_cid};

/// What this version of the client writes and reads.
pub const FORMAT: &str = "labelchain-manifest/1";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestItem {
	/// The item's CIDv1 (raw, sha2-256) as a string.
	pub cid: String,
	/// Where the requester's folder had it; informative only.
	pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
	pub format: String,
	pub classes: Vec<String>,
	pub instructions: String,
	pub items: Vec<ManifestItem>,
}

impl Manifest {
	/// The manifest's bytes as stored: pretty JSON ending in a line break.
	pub fn to_bytes(&self) -> Vec<u8> {
		let mut bytes = serde_json::to_vec_pretty(self).expect("a manifest is plain JSON");
		bytes.push(b'\n');
		bytes
	}

	pub fn cid(&self) -> Cid {
		raw_cid(&self.to_bytes())
	}

	pub fn from_bytes(bytes: &[u8]) -> anyhow::Result<Self> {
		let manifest: Self =
			serde_json::from_slice(bytes).context("the manifest is not a LabelChain manifest")?;
		anyhow::ensure!(
			manifest.format == FORMAT,
			"manifest format {} is not {FORMAT}",
			manifest.format
		);
		Ok(manifest)
	}

	/// The manifest a task names on chain, found in `store` by its CID.
	pub fn find(store: &ContentStore, manifest_cid: &[u8]) -> anyhow::Result<Self> {
		let cid = Cid::try_from(manifest_cid).context("the task's manifest CID is not a CID")?;
		let bytes = store.get(&cid).with_context(|| {
			format!("the task's manifest {cid} is not in the given folders or archives (publish wrote it as manifest.json and into items.car)")
		})?;
		Self::from_bytes(bytes)
	}

	/// Item `index`'s CID.
	pub fn item_cid(&self, index: u32) -> anyhow::Result<Cid> {
		let item = self
			.items
			.get(index as usize)
			.with_context(|| format!("the manifest has no item {index}"))?;
		Cid::try_from(item.cid.as_str())
			.with_context(|| format!("item {index}'s CID {} is not a CID", item.cid))
	}

	/// The label a class name or number names: a class's name, or its index.
	pub fn parse_label(&self, text: &str) -> anyhow::Result<u16> {
		let text = text.trim();
		if let Some(index) = self.classes.iter().position(|class| class == text) {
			return Ok(index as u16);
		}
		match text.parse::<u16>() {
			Ok(label) if usize::from(label) < self.classes.len() => Ok(label),
			_ => anyhow::bail!("{text:?} is not a class: {}", self.class_list()),
		}
	}

	/// The classes as `0=cat, 1=dog`.
	pub fn class_list(&self) -> String {
		self.classes
			.iter()
			.enumerate()
			.map(|(index, name)| format!("{index}={name}"))
			.collect::<Vec<_>>()
			.join(", ")
	}

	pub fn class_name(&self, label: u16) -> Option<&str> {
		self.classes.get(usize::from(label)).map(String::as_str)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn manifest() -> Manifest {
		Manifest {
			format: FORMAT.into(),
			classes: vec!["cat".into(), "dog".into()],
			instructions: "Which animal?".into(),
			items: vec![ManifestItem {
				cid: raw_cid(b"meow").to_string(),
				name: "1.txt".into(),
			}],
		}
	}

	#[test]
	fn a_manifest_reads_back_as_written_and_names_its_items() {
		let manifest = manifest();
		assert_eq!(
			Manifest::from_bytes(&manifest.to_bytes()).unwrap(),
			manifest
		);
		assert_eq!(manifest.item_cid(0).unwrap(), raw_cid(b"meow"));
		assert!(manifest.item_cid(1).is_err());
		assert_eq!(manifest.cid(), raw_cid(&manifest.to_bytes()));
	}

	#[test]
	fn labels_are_class_names_or_numbers() {
		let manifest = manifest();
		assert_eq!(manifest.parse_label("dog\n").unwrap(), 1);
		assert_eq!(manifest.parse_label("0").unwrap(), 0);
		assert!(manifest.parse_label("2").is_err());
		assert!(manifest
			.parse_label("cow")
			.unwrap_err()
			.to_string()
			.contains("0=cat, 1=dog"));
	}
}
