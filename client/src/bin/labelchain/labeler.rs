//! Where `work` gets a label: from a person at the terminal, or from a
//! command given the item's file.

use std::{
	io::{BufRead, Write},
	path::PathBuf,
	process::Command,
};

use anyhow::Context;
use labelchain_client::{content::ContentStore, gateway::Gateways, manifest::Manifest, secrets::write_atomically};

pub struct Labeler<'a> {
	manifest: &'a Manifest,
	content: ContentStore,
	/// Where items missing from `content` are fetched (and checked) from.
	gateways: Option<Gateways>,
	command: Option<String>,
}

/// Text worth showing at the terminal: UTF-8 without control characters
/// other than line breaks and tabs, cut at 2,000 characters.
fn printable(bytes: &[u8]) -> Option<String> {
	let text = std::str::from_utf8(bytes).ok()?;
	if text
		.chars()
		.any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
	{
		return None;
	}
	Some(text.chars().take(2_000).collect())
}

impl<'a> Labeler<'a> {
	pub fn new(manifest: &'a Manifest, content: ContentStore, gateways: Option<Gateways>, command: Option<String>) -> Self {
		Self {
			manifest,
			content,
			gateways,
			command,
		}
	}

	/// The item's bytes (fetched from the gateways if no local file holds
	/// them) written to a file named by its CID (with the original file's
	/// extension), for a command or a viewer to open.
	async fn item_file(&mut self, item: u32) -> anyhow::Result<(PathBuf, Vec<u8>)> {
		let cid = self.manifest.item_cid(item)?;
		if let Some(gateways) = &self.gateways {
			gateways.fill(&mut self.content, &cid).await.with_context(|| format!("item {item}"))?;
		}
		let bytes = self
			.content
			.get(&cid)
			.with_context(|| {
				format!("item {item} ({cid}) is in none of the given folders or archives (--gateway fetches from IPFS)")
			})?
			.to_vec();
		let name = &self.manifest.items[item as usize].name;
		let extension = std::path::Path::new(name.split('#').next().unwrap_or(name))
			.extension()
			.map(|extension| format!(".{}", extension.to_string_lossy()))
			.unwrap_or_default();
		let user = std::env::var("USER").unwrap_or_default();
		let folder = std::env::temp_dir().join(format!("labelchain-items-{user}"));
		let path = folder.join(format!("{cid}{extension}"));
		// A file left by an earlier run is used only if it holds these bytes.
		if std::fs::read(&path).ok().as_deref() != Some(bytes.as_slice()) {
			write_atomically(&path, &bytes)?;
		}
		Ok((path, bytes))
	}

	/// Item `item`'s label, or `None` when the person ends their input.
	pub async fn label(&mut self, item: u32) -> anyhow::Result<Option<u16>> {
		let (path, bytes) = self.item_file(item).await?;
		match &self.command {
			Some(command) => self.ask_command(command, item, &path).map(Some),
			None => self.ask_person(item, &path, &bytes),
		}
	}

	fn ask_command(&self, command: &str, item: u32, path: &std::path::Path) -> anyhow::Result<u16> {
		let output = Command::new("sh")
			.arg("-c")
			.arg(format!("{command} \"$1\""))
			.arg("labelchain")
			.arg(path)
			.env("LABELCHAIN_ITEM", item.to_string())
			.env("LABELCHAIN_CLASSES", self.manifest.classes.join(","))
			.output()
			.with_context(|| format!("running {command}"))?;
		anyhow::ensure!(
			output.status.success(),
			"`{command}` failed on item {item} ({}): {}",
			output.status,
			String::from_utf8_lossy(&output.stderr).trim()
		);
		let answer = String::from_utf8_lossy(&output.stdout);
		self.manifest
			.parse_label(&answer)
			.with_context(|| format!("`{command}` on item {item}"))
	}

	fn ask_person(
		&self,
		item: u32,
		path: &std::path::Path,
		bytes: &[u8],
	) -> anyhow::Result<Option<u16>> {
		println!(
			"\nitem {item}: {} ({})",
			self.manifest.items[item as usize].name,
			path.display()
		);
		if let Some(text) = printable(bytes) {
			println!("{text}");
		}
		let stdin = std::io::stdin();
		loop {
			print!("label [{}]: ", self.manifest.class_list());
			std::io::stdout().flush()?;
			let mut line = String::new();
			if stdin.lock().read_line(&mut line)? == 0 {
				return Ok(None);
			}
			match self.manifest.parse_label(&line) {
				Ok(label) => return Ok(Some(label)),
				Err(error) => println!("{error}"),
			}
		}
	}
}
