//! A crowdsourcing data set in the `labels.csv` (item,worker,label) and
//! `truth.csv` (item,truth) form: items, workers and classes numbered in the
//! order they first appear, classes sorted.

use std::{
	collections::{BTreeMap, BTreeSet},
	path::Path,
};

use anyhow::{bail, Context};

/// One worker's label on one item, as numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
	pub item: u32,
	pub worker: u32,
	pub label: u16,
}

#[derive(Clone, Debug)]
pub struct Dataset {
	pub name: String,
	/// Item ids as in the files, by item number.
	pub items: Vec<String>,
	pub workers: Vec<String>,
	/// Class codes as in the files, sorted (numbers by value), by class number.
	pub classes: Vec<String>,
	/// Every label, in the order of `labels.csv`.
	pub rows: Vec<Row>,
	/// Each item's true class, if `truth.csv` gives one.
	pub truth: Vec<Option<u16>>,
	/// Labels left out because their worker had already labeled the item.
	pub repeated_labels: usize,
}

/// Names a column may go by in a header line, per field the replay needs;
/// a file whose header names none of them is read by position.
const ITEM_NAMES: [&str; 4] = ["item", "task", "question", "object"];
const WORKER_NAMES: [&str; 4] = ["worker", "annotator", "performer", "user"];
const LABEL_NAMES: [&str; 3] = ["label", "answer", "response"];
const TRUTH_NAMES: [&str; 5] = ["truth", "true_label", "gold", "label", "answer"];

/// Reads a CSV file with a header line and returns, for each data line, the
/// fields `wanted` names (one list of accepted names per field). Columns are
/// found by their header names when every wanted field has one, else taken
/// in order; other columns are ignored.
fn read_csv(path: &Path, wanted: &[&[&str]]) -> anyhow::Result<Vec<Vec<String>>> {
	let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
	let mut lines = text.lines().filter(|line| !line.trim().is_empty());
	let header = lines.next().with_context(|| format!("{} is empty", path.display()))?;
	let header: Vec<String> = header
		.split(',')
		.map(|name| name.trim().trim_start_matches('\u{feff}').trim_matches('"').to_ascii_lowercase())
		.collect();
	let named: Option<Vec<usize>> =
		wanted.iter().map(|names| header.iter().position(|column| names.contains(&column.as_str()))).collect();
	let columns = named.unwrap_or_else(|| (0..wanted.len()).collect());
	let needed = columns.iter().copied().max().unwrap_or(0) + 1;
	lines
		.enumerate()
		.map(|(number, line)| {
			let fields: Vec<&str> = line.split(',').map(|field| field.trim().trim_matches('"')).collect();
			if fields.len() < needed {
				bail!("{} line {}: expected {needed} fields, got {}", path.display(), number + 2, fields.len());
			}
			Ok(columns.iter().map(|column| fields[*column].to_string()).collect())
		})
		.collect()
}

/// Sorts class codes: numerically if they all are numbers, else as text.
fn sort_classes(classes: &mut [String]) {
	if classes.iter().all(|class| class.parse::<i64>().is_ok()) {
		classes.sort_by_key(|class| class.parse::<i64>().unwrap_or_default());
	} else {
		classes.sort();
	}
}

impl Dataset {
	/// Reads `dir/labels.csv` and `dir/truth.csv`; the data set is named after `dir`.
	pub fn read(dir: &Path) -> anyhow::Result<Self> {
		let labels = read_csv(&dir.join("labels.csv"), &[&ITEM_NAMES, &WORKER_NAMES, &LABEL_NAMES])?;
		let truth = read_csv(&dir.join("truth.csv"), &[&ITEM_NAMES, &TRUTH_NAMES])?;
		let name = dir.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();

		let mut classes: Vec<String> =
			labels.iter().map(|row| row[2].clone()).chain(truth.iter().map(|row| row[1].clone())).collect();
		sort_classes(&mut classes);
		classes.dedup();
		if classes.len() < 2 || classes.len() > usize::from(u16::MAX) {
			bail!("{name}: {} classes; a task needs 2 to 65535", classes.len());
		}
		let class_of: BTreeMap<&str, u16> =
			classes.iter().enumerate().map(|(index, class)| (class.as_str(), index as u16)).collect();

		let mut items = Vec::new();
		let mut item_of = BTreeMap::new();
		let mut workers = Vec::new();
		let mut worker_of = BTreeMap::new();
		let number = |id: &str, ids: &mut Vec<String>, of: &mut BTreeMap<String, u32>| {
			*of.entry(id.to_string()).or_insert_with(|| {
				ids.push(id.to_string());
				(ids.len() - 1) as u32
			})
		};
		let mut rows = Vec::with_capacity(labels.len());
		let mut labeled = BTreeSet::new();
		let mut repeated_labels = 0;
		for row in &labels {
			let item = number(&row[0], &mut items, &mut item_of);
			let worker = number(&row[1], &mut workers, &mut worker_of);
			// The chain takes one label per annotator and item: a worker's
			// first label on an item stands, later ones are left out.
			if !labeled.insert((item, worker)) {
				repeated_labels += 1;
				continue;
			}
			rows.push(Row { item, worker, label: class_of[row[2].as_str()] });
		}
		let mut truths = vec![None; items.len()];
		for row in &truth {
			if let Some(&item) = item_of.get(&row[0]) {
				truths[item as usize] = Some(class_of[row[1].as_str()]);
			}
		}
		Ok(Self { name, items, workers, classes, rows, truth: truths, repeated_labels })
	}

	pub fn class_count(&self) -> u16 {
		self.classes.len() as u16
	}

	/// How many labels each item has.
	pub fn labels_per_item(&self) -> Vec<u32> {
		let mut counts = vec![0u32; self.items.len()];
		for row in &self.rows {
			counts[row.item as usize] += 1;
		}
		counts
	}

	/// Each worker's share of labels that match the truth, over items with one.
	pub fn worker_accuracy(&self) -> Vec<Option<f64>> {
		let mut tally = vec![(0u32, 0u32); self.workers.len()];
		for row in &self.rows {
			if let Some(truth) = self.truth[row.item as usize] {
				let (right, all) = &mut tally[row.worker as usize];
				*all += 1;
				*right += u32::from(row.label == truth);
			}
		}
		tally.into_iter().map(|(right, all)| (all > 0).then(|| f64::from(right) / f64::from(all))).collect()
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn reads_items_workers_and_classes_in_order() {
		let dir = std::env::temp_dir().join(format!("replay-dataset-{}", std::process::id()));
		std::fs::create_dir_all(&dir).unwrap();
		std::fs::write(dir.join("labels.csv"), "item,worker,label\na,w1,10\nb,w1,2\na,w2,2\n").unwrap();
		std::fs::write(dir.join("truth.csv"), "item,truth\nb,2\na,10\nz,2\n").unwrap();
		let data = Dataset::read(&dir).unwrap();
		std::fs::remove_dir_all(&dir).unwrap();
		assert_eq!(data.items, ["a", "b"]);
		assert_eq!(data.workers, ["w1", "w2"]);
		// Numeric codes sort by value: 2 before 10.
		assert_eq!(data.classes, ["2", "10"]);
		assert_eq!(data.rows[0], Row { item: 0, worker: 0, label: 1 });
		assert_eq!(data.truth, [Some(1), Some(0)]);
		assert_eq!(data.labels_per_item(), [2, 1]);
		assert_eq!(data.worker_accuracy(), [Some(1.0), Some(0.0)]);
	}

	#[test]
	fn finds_columns_by_header_and_keeps_a_workers_first_label() {
		let dir = std::env::temp_dir().join(format!("replay-dataset-named-{}", std::process::id()));
		std::fs::create_dir_all(&dir).unwrap();
		// Columns in another order, an extra column, quotes; w1 labels `a` twice.
		std::fs::write(dir.join("labels.csv"), "worker,task,label,seconds\nw1,a,1,5\n\"w2\",\"a\",0,7\nw1,a,0,9\n").unwrap();
		std::fs::write(dir.join("truth.csv"), "task,true_label\na,1\n").unwrap();
		let data = Dataset::read(&dir).unwrap();
		std::fs::remove_dir_all(&dir).unwrap();
		assert_eq!(data.items, ["a"]);
		assert_eq!(data.workers, ["w1", "w2"]);
		assert_eq!(data.rows, [Row { item: 0, worker: 0, label: 1 }, Row { item: 0, worker: 1, label: 0 }]);
		assert_eq!(data.repeated_labels, 1);
		assert_eq!(data.truth, [Some(1)]);
	}
}
