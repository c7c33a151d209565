//! Items and the files that hold them: a folder of items read in a fixed
//! order (one item per file, one per line of a `.jsonl` file), and a store
//! that finds any block by its CID in folders, item files and CAR archives.

use std::{
	collections::HashMap,
	path::{Path, PathBuf},
};

use anyhow::Context;
use cid::Cid;

use crate::ipfs::{car_blocks, raw_cid};

/// One item to label: its bytes and a name saying where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
	/// The file's path under the folder (`/`-separated); for a line of a JSON
	/// lines file, the path and the line number (`texts.jsonl#3`, from 1).
	pub name: String,
	pub bytes: Vec<u8>,
}

impl Item {
	pub fn cid(&self) -> Cid {
		raw_cid(&self.bytes)
	}
}

/// Every file under `dir`, sorted by path, hidden files and folders skipped.
fn files_under(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
	let mut files = Vec::new();
	let mut folders = vec![dir.to_path_buf()];
	while let Some(folder) = folders.pop() {
		for entry in std::fs::read_dir(&folder)
			.with_context(|| format!("reading the folder {}", folder.display()))?
		{
			let path = entry?.path();
			if path
				.file_name()
				.and_then(|name| name.to_str())
				.is_some_and(|name| name.starts_with('.'))
			{
				continue;
			}
			if path.is_dir() {
				folders.push(path);
			} else {
				files.push(path);
			}
		}
	}
	files.sort();
	Ok(files)
}

fn is_json_lines(path: &Path) -> bool {
	path.extension()
		.is_some_and(|extension| extension == "jsonl")
}

fn is_car(path: &Path) -> bool {
	path.extension().is_some_and(|extension| extension == "car")
}

/// The items of a `.jsonl` file: each non-empty line, without its line end.
fn json_lines(name: &str, bytes: &[u8]) -> Vec<Item> {
	bytes
		.split(|byte| *byte == b'\n')
		.enumerate()
		.map(|(index, line)| (index, line.strip_suffix(b"\r").unwrap_or(line)))
		.filter(|(_, line)| !line.iter().all(u8::is_ascii_whitespace))
		.map(|(index, line)| Item {
			name: format!("{name}#{}", index + 1),
			bytes: line.to_vec(),
		})
		.collect()
}

/// The items of a folder, in the order a task lists them: files sorted by
/// path, each a single item, except that each line of a `.jsonl` file is one.
pub fn folder_items(dir: &Path) -> anyhow::Result<Vec<Item>> {
	let mut items = Vec::new();
	for path in files_under(dir)? {
		let name = path
			.strip_prefix(dir)
			.unwrap_or(&path)
			.to_string_lossy()
			.replace('\\', "/");
		let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
		if is_json_lines(&path) {
			items.extend(json_lines(&name, &bytes));
		} else {
			items.push(Item { name, bytes });
		}
	}
	anyhow::ensure!(!items.is_empty(), "no items in {}", dir.display());
	Ok(items)
}

/// Blocks found by CID: the files of folders (and each line of their JSON
/// lines files), and every block of CAR archives, given or inside folders.
#[derive(Default)]
pub struct ContentStore {
	blocks: HashMap<Cid, Vec<u8>>,
}

impl ContentStore {
	/// A store of everything under `paths` (folders, CAR archives, files).
	pub fn open(paths: &[PathBuf]) -> anyhow::Result<Self> {
		let mut store = Self::default();
		for path in paths {
			if path.is_dir() {
				for file in files_under(path)? {
					store.add_file(&file)?;
				}
			} else {
				store.add_file(path)?;
			}
		}
		Ok(store)
	}

	fn add_file(&mut self, path: &Path) -> anyhow::Result<()> {
		let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
		if is_car(path) {
			let blocks = car_blocks(&bytes)
				.with_context(|| format!("reading the CAR archive {}", path.display()))?;
			self.blocks.extend(blocks);
			return Ok(());
		}
		if is_json_lines(path) {
			for item in json_lines("", &bytes) {
				self.blocks.insert(item.cid(), item.bytes);
			}
		}
		self.blocks.insert(raw_cid(&bytes), bytes);
		Ok(())
	}

	/// Adds a block found elsewhere (fetched from a gateway and checked).
	pub fn insert(&mut self, cid: Cid, bytes: Vec<u8>) {
		self.blocks.insert(cid, bytes);
	}

	pub fn get(&self, cid: &Cid) -> Option<&[u8]> {
		self.blocks.get(cid).map(Vec::as_slice)
	}

	pub fn len(&self) -> usize {
		self.blocks.len()
	}

	pub fn is_empty(&self) -> bool {
		self.blocks.is_empty()
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::ipfs::car_v1;

	fn scratch(name: &str) -> PathBuf {
		let dir =
			std::env::temp_dir().join(format!("labelchain-content-{name}-{}", std::process::id()));
		let _ = std::fs::remove_dir_all(&dir);
		std::fs::create_dir_all(dir.join("b")).unwrap();
		dir
	}

	#[test]
	fn folders_list_files_in_path_order_and_json_lines_line_by_line() {
		let dir = scratch("folder");
		std::fs::write(dir.join("b/2.txt"), "two").unwrap();
		std::fs::write(dir.join("a.jsonl"), "{\"t\":1}\r\n\n{\"t\":2}\n").unwrap();
		std::fs::write(dir.join(".hidden"), "no").unwrap();
		let items = folder_items(&dir).unwrap();
		let names: Vec<_> = items.iter().map(|item| item.name.as_str()).collect();
		assert_eq!(names, ["a.jsonl#1", "a.jsonl#3", "b/2.txt"]);
		assert_eq!(items[1].bytes, b"{\"t\":2}");
		std::fs::remove_dir_all(&dir).unwrap();
	}

	#[test]
	fn the_store_finds_blocks_in_files_lines_and_archives() {
		let dir = scratch("store");
		std::fs::write(dir.join("b/2.txt"), "two").unwrap();
		std::fs::write(dir.join("a.jsonl"), "one\n").unwrap();
		let archived = raw_cid(b"archived");
		std::fs::write(
			dir.join("x.car"),
			car_v1(&[archived], [(&archived, &b"archived"[..])]),
		)
		.unwrap();
		let store = ContentStore::open(std::slice::from_ref(&dir)).unwrap();
		assert_eq!(store.get(&raw_cid(b"two")), Some(&b"two"[..]));
		assert_eq!(store.get(&raw_cid(b"one")), Some(&b"one"[..]));
		assert_eq!(store.get(&archived), Some(&b"archived"[..]));
		assert_eq!(store.get(&raw_cid(b"absent")), None);
		std::fs::remove_dir_all(&dir).unwrap();
	}
}
