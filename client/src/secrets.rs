//! What must stay on this machine until it is revealed: the requester's gold
//! answers with their salts, and an annotator's committed labels with theirs.
//! Both are written to disk (atomically, synced) before the commitment that
//! needs them is sent; `publish` never writes over a gold file, and one
//! `work` at a time holds a labels file.

use std::{
	collections::BTreeMap,
	io::Write,
	path::{Path, PathBuf},
};

use anyhow::Context;
use labelchain_primitives::commitment;
use serde::{Deserialize, Serialize};
use subxt::utils::AccountId32;

/// 32 fresh random bytes from the operating system.
pub fn random_salt() -> anyhow::Result<[u8; 32]> {
	let mut salt = [0u8; 32];
	getrandom::getrandom(&mut salt)
		.map_err(|error| anyhow::anyhow!("no randomness from the system: {error}"))?;
	Ok(salt)
}

/// Writes `bytes` to `path` so that a reader sees the old file or the new
/// one, never half of it: a synced temporary file renamed over `path`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
	let folder = path
		.parent()
		.filter(|parent| !parent.as_os_str().is_empty())
		.unwrap_or(Path::new("."));
	std::fs::create_dir_all(folder).with_context(|| format!("creating {}", folder.display()))?;
	let temporary = path.with_extension("partial");
	let mut file = std::fs::File::create(&temporary)
		.with_context(|| format!("writing {}", temporary.display()))?;
	file.write_all(bytes)?;
	file.sync_all()?;
	std::fs::rename(&temporary, path).with_context(|| format!("replacing {}", path.display()))?;
	if let Ok(folder) = std::fs::File::open(folder) {
		let _ = folder.sync_all();
	}
	Ok(())
}

fn salt_from_hex(text: &str) -> anyhow::Result<[u8; 32]> {
	let bytes = hex::decode(text.trim_start_matches("0x")).context("a salt is not hex")?;
	bytes
		.try_into()
		.map_err(|_| anyhow::anyhow!("a salt is not 32 bytes"))
}

/// One hidden gold answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldSecret {
	/// Its place in the task's list of gold commitments.
	pub gold_index: u32,
	pub item: u32,
	pub answer: u16,
	/// 32 bytes, hex.
	pub salt: String,
}

impl GoldSecret {
	pub fn new(gold_index: u32, item: u32, answer: u16) -> anyhow::Result<Self> {
		Ok(Self {
			gold_index,
			item,
			answer,
			salt: hex::encode(random_salt()?),
		})
	}

	pub fn salt(&self) -> anyhow::Result<[u8; 32]> {
		salt_from_hex(&self.salt)
	}

	pub fn commitment(&self) -> anyhow::Result<[u8; 32]> {
		Ok(commitment::gold_commitment(self.item, self.answer, &self.salt()?).0)
	}
}

/// A requester's gold file: written by `publish` before the task is created,
/// with the task's id added once it is; read by `reveal-gold`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldFile {
	/// The task these answers belong to, once created.
	pub task: Option<u32>,
	/// The task's manifest CID, to tell files of different tasks apart.
	pub manifest: String,
	pub answers: Vec<GoldSecret>,
}

impl GoldFile {
	pub fn read(path: &Path) -> anyhow::Result<Self> {
		let bytes = std::fs::read(path)
			.with_context(|| format!("reading the gold file {}", path.display()))?;
		serde_json::from_slice(&bytes)
			.with_context(|| format!("{} is not a gold file", path.display()))
	}

	pub fn write(&self, path: &Path) -> anyhow::Result<()> {
		write_atomically(path, &serde_json::to_vec_pretty(self)?)
	}
}

/// A label committed (or about to be) and the salt that opens it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealedLabel {
	pub label: u16,
	/// 32 bytes, hex.
	pub salt: String,
}

impl SealedLabel {
	pub fn new(label: u16) -> anyhow::Result<Self> {
		Ok(Self {
			label,
			salt: hex::encode(random_salt()?),
		})
	}

	pub fn salt(&self) -> anyhow::Result<[u8; 32]> {
		salt_from_hex(&self.salt)
	}

	/// The commitment of this label on `item` of `task` by `annotator`.
	pub fn commitment(&self, task: u32, item: u32, annotator: &AccountId32) -> anyhow::Result<[u8; 32]> {
		Ok(commitment::label_commitment(task, item, self.label, &self.salt()?, annotator).0)
	}
}

/// An annotator's sealed labels on one task, by item, kept in a file until
/// each is revealed or no longer needed. One process at a time holds a store:
/// a lock file beside it (`<file>.lock`, holding the process id) keeps a
/// second `work` from writing over the first one's salts.
pub struct LabelStore {
	path: PathBuf,
	lock: PathBuf,
	pub labels: BTreeMap<u32, SealedLabel>,
}

impl Drop for LabelStore {
	fn drop(&mut self) {
		let _ = std::fs::remove_file(&self.lock);
	}
}

/// Takes `lock` for this process, or says which live process holds it. A
/// lock whose process is gone (a crash) is taken over.
fn take_lock(lock: &Path, store: &Path) -> anyhow::Result<()> {
	if let Some(folder) = lock.parent().filter(|parent| !parent.as_os_str().is_empty()) {
		std::fs::create_dir_all(folder).with_context(|| format!("creating {}", folder.display()))?;
	}
	for _ in 0..2 {
		match std::fs::OpenOptions::new().write(true).create_new(true).open(lock) {
			Ok(mut file) => {
				write!(file, "{}", std::process::id())?;
				return Ok(());
			},
			Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
				let holder = std::fs::read_to_string(lock).unwrap_or_default();
				let alive = holder.trim().parse::<u32>().is_ok_and(|pid| Path::new(&format!("/proc/{pid}")).exists());
				anyhow::ensure!(
					!alive,
					"another `work` (process {}) is using {}; wait for it, or remove {} if it is gone",
					holder.trim(),
					store.display(),
					lock.display()
				);
				std::fs::remove_file(lock)?;
			},
			Err(error) => return Err(error).with_context(|| format!("creating {}", lock.display())),
		}
	}
	anyhow::bail!("could not take {}", lock.display())
}

impl LabelStore {
	/// The default place: `$XDG_DATA_HOME/labelchain` (or
	/// `~/.local/share/labelchain`), one file per task and annotator.
	pub fn default_path(task: u32, annotator: &AccountId32) -> anyhow::Result<PathBuf> {
		let data = match std::env::var_os("XDG_DATA_HOME") {
			Some(data) => PathBuf::from(data),
			None => PathBuf::from(
				std::env::var_os("HOME")
					.context("no HOME to keep labels under: give --labels-file")?,
			)
			.join(".local/share"),
		};
		Ok(data
			.join("labelchain/labels")
			.join(format!("task-{task}-{annotator}.json")))
	}

	/// The store at `path`, empty if the file does not exist yet, locked for
	/// this process until dropped.
	pub fn open(path: PathBuf) -> anyhow::Result<Self> {
		let lock = PathBuf::from(format!("{}.lock", path.display()));
		take_lock(&lock, &path)?;
		let labels = match std::fs::read(&path) {
			Ok(bytes) => serde_json::from_slice(&bytes)
				.with_context(|| format!("{} is not a label file", path.display()))?,
			Err(error) if error.kind() == std::io::ErrorKind::NotFound => BTreeMap::new(),
			Err(error) => return Err(error).with_context(|| format!("reading {}", path.display())),
		};
		Ok(Self { path, lock, labels })
	}

	pub fn path(&self) -> &Path {
		&self.path
	}

	/// Writes the store to its file; call before sending what it must open.
	pub fn save(&self) -> anyhow::Result<()> {
		write_atomically(&self.path, &serde_json::to_vec_pretty(&self.labels)?)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn sealed_labels_survive_a_restart() {
		let path = std::env::temp_dir().join(format!(
			"labelchain-labels-{}/task.json",
			std::process::id()
		));
		let mut store = LabelStore::open(path.clone()).unwrap();
		assert!(store.labels.is_empty());
		let sealed = SealedLabel::new(1).unwrap();
		store.labels.insert(4, sealed.clone());
		store.save().unwrap();
		assert!(LabelStore::open(path.clone()).is_err(), "one process holds a store at a time");
		drop(store);
		let reopened = LabelStore::open(path.clone()).unwrap();
		assert_eq!(reopened.labels.get(&4), Some(&sealed));
		assert_ne!(
			SealedLabel::new(1).unwrap().salt,
			sealed.salt,
			"each label has its own salt"
		);
		drop(reopened);
		std::fs::remove_dir_all(path.parent().unwrap()).unwrap();
	}
}
