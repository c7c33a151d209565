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
	/// Lines of `labels.csv` with a blank label, left out.
	pub blank_labels: usize,
}

/// Names a column may go by in a header line, per field the replay needs,
/// the preferred name first. A header that names none of the fields is a
/// file read by position.
const ITEM: (&str, &[&str]) = ("item", &["item", "task", "question", "object"]);
const WORKER: (&str, &[&str]) = ("worker", &["worker", "annotator", "performer", "user"]);
const LABEL: (&str, &[&str]) = ("label", &["label", "answer", "response"]);
const TRUTH: (&str, &[&str]) = ("truth", &["truth", "true_label", "label", "answer"]);

/// The column of `header` that goes by the first of `names` it has; an error
/// if that name heads two columns.
fn column_named(path: &Path, header: &[String], names: &[&str]) -> anyhow::Result<Option<usize>> {
	for name in names {
		let mut columns = header.iter().enumerate().filter(|(_, column)| column == name).map(|(index, _)| index);
		if let Some(column) = columns.next() {
			if columns.next().is_some() {
				bail!("{}: two columns are named {name}", path.display());
			}
			return Ok(Some(column));
		}
	}
	Ok(None)
}

/// Reads a CSV file with a header line and returns, for each data line, the
/// `wanted` fields (each a field's name and the names its column may have).
/// Columns are found by their header names, or, when the header names none
/// of the wanted fields, taken in order; other columns are ignored. Fields
/// are split at every comma: quoted commas are not supported.
fn read_csv(path: &Path, wanted: &[(&str, &[&str])]) -> anyhow::Result<Vec<Vec<String>>> {
	let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
	let mut lines = text.lines().filter(|line| !line.trim().is_empty());
	let header = lines.next().with_context(|| format!("{} is empty", path.display()))?;
	let header: Vec<String> = header
		.split(',')
		.map(|name| name.trim().trim_start_matches('\u{feff}').trim_matches('"').to_ascii_lowercase())
		.collect();
	let found = wanted
		.iter()
		.map(|(_, names)| column_named(path, &header, names))
		.collect::<anyhow::Result<Vec<Option<usize>>>>()?;
	let columns: Vec<usize> = if found.iter().all(Option::is_none) {
		if header.len() < wanted.len() {
			bail!("{}: {} columns, expected at least {}", path.display(), header.len(), wanted.len());
		}
		(0..wanted.len()).collect()
	} else {
		found
			.iter()
			.zip(wanted)
			.map(|(column, (field, names))| {
				column.with_context(|| {
					format!("{}: no {field} column (named one of {})", path.display(), names.join(", "))
				})
			})
			.collect::<anyhow::Result<_>>()?
	};
	lines
		.enumerate()
		.map(|(number, line)| {
			let fields: Vec<&str> = line.split(',').map(|field| field.trim().trim_matches('"')).collect();
			if fields.len() != header.len() {
				bail!(
					"{} line {}: {} fields where the header has {} (quoted commas are not supported)",
					path.display(),
					number + 2,
					fields.len(),
					header.len()
				);
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
		let labels = read_csv(&dir.join("labels.csv"), &[ITEM, WORKER, LABEL])?;
		let truth = read_csv(&dir.join("truth.csv"), &[ITEM, TRUTH])?;
		let name = dir.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
		// A blank label is a worker who gave none; a blank truth, an item
		// without a true answer. Neither is a class.
		let read_rows = labels.len();
		let labels: Vec<Vec<String>> = labels.into_iter().filter(|row| !row[2].is_empty()).collect();
		let blank_labels = read_rows - labels.len();
		let truth: Vec<Vec<String>> = truth.into_iter().filter(|row| !row[1].is_empty()).collect();

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
		Ok(Self { name, items, workers, classes, rows, truth: truths, repeated_labels, blank_labels })
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
		// A blank label and a blank truth are no class.
		std::fs::write(dir.join("labels.csv"), "worker,task,label,seconds\nw1,a,1,5\n\"w2\",\"a\",0,7\nw1,a,0,9\nw3,a,,2\n").unwrap();
		std::fs::write(dir.join("truth.csv"), "task,true_label\na,1\nb,\n").unwrap();
		let data = Dataset::read(&dir).unwrap();
		std::fs::remove_dir_all(&dir).unwrap();
		assert_eq!(data.items, ["a"]);
		assert_eq!(data.workers, ["w1", "w2"]);
		assert_eq!(data.rows, [Row { item: 0, worker: 0, label: 1 }, Row { item: 0, worker: 1, label: 0 }]);
		assert_eq!(data.repeated_labels, 1);
		assert_eq!(data.blank_labels, 1);
		assert_eq!(data.classes, ["0", "1"]);
		assert_eq!(data.truth, [Some(1)]);
	}

	#[test]
	fn a_header_naming_only_some_columns_is_refused() {
		let dir = std::env::temp_dir().join(format!("replay-dataset-partial-{}", std::process::id()));
		std::fs::create_dir_all(&dir).unwrap();
		std::fs::write(dir.join("labels.csv"), "worker_id,task,label\nw1,a,1\n").unwrap();
		std::fs::write(dir.join("truth.csv"), "task,true_label\na,1\n").unwrap();
		let error = Dataset::read(&dir).unwrap_err().to_string();
		std::fs::write(dir.join("labels.csv"), "item,worker,label\na,w1,1,extra\n").unwrap();
		let uneven_line = Dataset::read(&dir).unwrap_err().to_string();
		std::fs::remove_dir_all(&dir).unwrap();
		assert!(error.contains("no worker column"), "{error}");
		assert!(uneven_line.contains("4 fields where the header has 3"), "{uneven_line}");
	}
}
