//! Dawid-Skene over a replay's labels, computed by Toloka's crowd-kit
//! through `replay/analysis/dawid_skene.py` (the maintained implementation,
//! pinned in `replay/analysis/requirements.txt`, installed by
//! `scripts/setup.sh`): what the report sets beside the chain's figures.

use std::{
	io::Write,
	path::PathBuf,
	process::{Command, Stdio},
};

use anyhow::{bail, Context};

use crate::dataset::Row;

/// One item's Dawid-Skene label and that label's posterior probability.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DsItem {
	pub label: u16,
	pub confidence: f64,
}

/// The interpreter of the venv `scripts/setup.sh` makes: `LABELCHAIN_PYTHON`
/// if set, else the default venv's.
fn python() -> PathBuf {
	if let Some(path) = std::env::var_os("LABELCHAIN_PYTHON") {
		return path.into();
	}
	let home = std::env::var_os("HOME").unwrap_or_default();
	PathBuf::from(home).join(".cache/labelchain/python/bin/python")
}

/// Each of `item_count` items' Dawid-Skene result over `rows` (`None` for
/// an item nobody labeled). Fails if the venv or crowd-kit is missing (run
/// `scripts/setup.sh`).
pub fn dawid_skene(item_count: usize, rows: &[Row]) -> anyhow::Result<Vec<Option<DsItem>>> {
	let script = concat!(env!("CARGO_MANIFEST_DIR"), "/analysis/dawid_skene.py");
	let python = python();
	let mut child = Command::new(&python)
		.arg(script)
		.stdin(Stdio::piped())
		.stdout(Stdio::piped())
		.stderr(Stdio::piped())
		.spawn()
		.with_context(|| format!("starting {} (scripts/setup.sh makes it)", python.display()))?;
	let mut input = String::from("item,worker,label\n");
	for row in rows {
		input.push_str(&format!("{},{},{}\n", row.item, row.worker, row.label));
	}
	child.stdin.take().context("the script's stdin")?.write_all(input.as_bytes())?;
	let output = child.wait_with_output()?;
	if !output.status.success() {
		bail!("{script} failed: {}", String::from_utf8_lossy(&output.stderr).trim());
	}
	let mut items = vec![None; item_count];
	for line in String::from_utf8(output.stdout)?.lines() {
		let value: serde_json::Value = serde_json::from_str(line).with_context(|| format!("{script} said {line}"))?;
		let field = |name: &str| value[name].as_f64().with_context(|| format!("{script}: no {name} in {line}"));
		let item = field("item")? as usize;
		let slot = items.get_mut(item).with_context(|| format!("{script}: item {item} out of range"))?;
		*slot = Some(DsItem { label: field("label")? as u16, confidence: field("confidence")? });
	}
	Ok(items)
}
