//! `labelchain export`: a task's labeled data set as JSON lines (or CSV), one
//! record per item in task order, and a summary of its quality. A settled item's
//! record (final label, decision, confidence, block) is in storage; who
//! labeled it and how is in the `ItemSettled` event of that block, so export
//! reads those blocks' events (a node that prunes old state cannot serve
//! them: export from an archive node, `--state-pruning archive`).

use std::{
	collections::{BTreeMap, BTreeSet},
	io::Write,
	path::PathBuf,
};

use anyhow::Context;
use clap::{Args, ValueEnum};
use labelchain_client::{
	content::ContentStore,
	manifest::Manifest,
	node::Node,
	runtime::{
		self,
		label_voting::events::{AppealDecided, ItemSettled},
		runtime_types::labelchain_primitives::{
			item_lifecycle::{Decision, ItemPhase, SettledItem},
			runtime_api::ItemSummary,
		},
	},
};
use serde::Serialize;
use subxt::utils::AccountId32;

use crate::chain::{item_summaries, task_summary};

#[derive(Args, Debug)]
pub struct ExportArgs {
	task: u32,
	/// Folders, CAR archives or files holding the task's manifest.
	#[arg(long = "items", required = true)]
	items: Vec<PathBuf>,
	/// Write the records here instead of to standard output.
	#[arg(long)]
	out: Option<PathBuf>,
	/// JSON lines (every field), or CSV (a header, then a row per item; the
	/// annotators as `account=label` pairs joined by `;`).
	#[arg(long, value_enum, default_value = "jsonl")]
	format: ExportFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
	Jsonl,
	Csv,
}

/// The CSV's columns; the web app writes the same (web/src/requester/export.ts).
const CSV_COLUMNS: &str = "item,cid,name,status,label,class,decided_by,confidence,labels_used,block,annotators";

/// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
fn csv_field(value: &str) -> String {
	if value.contains([',', '"', '\r', '\n']) {
		format!("\"{}\"", value.replace('"', "\"\""))
	} else {
		value.to_string()
	}
}

fn csv_row(record: &Record) -> String {
	let optional = |value: Option<String>| value.unwrap_or_default();
	let annotators = record.annotators.as_ref().map(|votes| {
		votes
			.iter()
			.map(|vote| format!("{}={}", vote.annotator, vote.label.map(|label| label.to_string()).unwrap_or_default()))
			.collect::<Vec<_>>()
			.join(";")
	});
	[
		record.item.to_string(),
		record.cid.to_string(),
		record.name.to_string(),
		record.status.to_string(),
		optional(record.label.map(|label| label.to_string())),
		optional(record.class.map(str::to_string)),
		optional(record.decided_by.map(str::to_string)),
		optional(record.confidence.map(|confidence| confidence.to_string())),
		optional(record.labels_used.map(|used| used.to_string())),
		optional(record.block.map(|block| block.to_string())),
		optional(annotators),
	]
	.iter()
	.map(|field| csv_field(field))
	.collect::<Vec<_>>()
	.join(",")
}

/// One line of the export. Unsettled items carry only their status.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Record<'a> {
	item: usize,
	cid: &'a str,
	name: &'a str,
	/// `settled`, or the phase the item is still in.
	status: &'static str,
	#[serde(skip_serializing_if = "Option::is_none")]
	label: Option<u16>,
	#[serde(skip_serializing_if = "Option::is_none")]
	class: Option<&'a str>,
	/// consensus, expert, appeal or gold.
	#[serde(skip_serializing_if = "Option::is_none")]
	decided_by: Option<&'static str>,
	/// The final label's posterior probability when it settled.
	#[serde(skip_serializing_if = "Option::is_none")]
	confidence: Option<f64>,
	/// How many annotators labeled the item before it settled (absent on
	/// items settled before the chain counted them).
	#[serde(skip_serializing_if = "Option::is_none")]
	labels_used: Option<u8>,
	/// Every annotator who committed, with the label revealed (null if none);
	/// absent when the node no longer has the settling block's state.
	#[serde(skip_serializing_if = "Option::is_none")]
	annotators: Option<Vec<Vote>>,
	/// The block the item settled in.
	#[serde(skip_serializing_if = "Option::is_none")]
	block: Option<u32>,
}

#[derive(Serialize)]
struct Vote {
	annotator: String,
	label: Option<u16>,
}

/// Who labeled a settled item and how, and whether an appeal decided it.
struct Settlement {
	votes: Vec<(AccountId32, Option<u16>)>,
	appealed: bool,
}

/// The settlements of `task` in block `number`, by item; `None` when the
/// node no longer has that block's state.
async fn settlements_in(
	node: &Node,
	task: u32,
	number: u32,
) -> anyhow::Result<Option<BTreeMap<u32, Settlement>>> {
	let Ok(at) = node.api.at_block(u64::from(number)).await else {
		return Ok(None);
	};
	let Ok(events) = at.events().fetch().await else {
		return Ok(None);
	};
	let mut appealed = BTreeSet::new();
	for decided in events.find::<AppealDecided>() {
		let decided = decided?;
		if decided.task == task {
			appealed.insert(decided.item);
		}
	}
	let mut settlements = BTreeMap::new();
	for settled in events.find::<ItemSettled>() {
		let settled = settled?;
		if settled.task == task {
			let settlement = Settlement {
				votes: settled.votes.0,
				appealed: appealed.contains(&settled.item),
			};
			settlements.insert(settled.item, settlement);
		}
	}
	Ok(Some(settlements))
}

fn decision_name(record: &SettledItem<u32>, appealed: bool) -> &'static str {
	match record.decided_by {
		_ if appealed => "appeal",
		Decision::Crowd => "consensus",
		Decision::Expert => "expert",
		Decision::Gold => "gold",
		Decision::Fallback => "fallback",
		Decision::Unresolved => "unresolved",
	}
}

fn phase_name(item: &ItemSummary) -> &'static str {
	match item {
		ItemSummary::Untouched => "untouched",
		ItemSummary::Settled { .. } => "settled",
		ItemSummary::InProgress { phase, .. } => match phase {
			ItemPhase::Labeling => "labeling",
			ItemPhase::Revealing { .. } => "revealing",
			ItemPhase::Disputed { .. } => "disputed",
			ItemPhase::Accepted { .. } => "accepted",
			ItemPhase::Appealed { .. } => "appealed",
		},
	}
}

/// Perbill as a fraction with four decimals.
fn share(parts_per_billion: u32) -> f64 {
	(f64::from(parts_per_billion) / 1e9 * 1e4).round() / 1e4
}

pub async fn export(node: &Node, args: &ExportArgs) -> anyhow::Result<()> {
	let task = args.task;
	let at = node.api.at_current_block().await?;
	let summary = task_summary(&at, task).await?;
	let content = ContentStore::open(&args.items)?;
	let manifest = Manifest::find(&content, &summary.manifest)?;
	let items = item_summaries(&at, task, summary.terms.item_count).await?;

	let blocks: BTreeSet<u32> = items
		.iter()
		.filter_map(|item| match item {
			ItemSummary::Settled { record } => Some(record.settled_at),
			_ => None,
		})
		.collect();
	let mut settlements = BTreeMap::new();
	let mut blocks_missing = 0;
	for block in blocks {
		match settlements_in(node, task, block).await? {
			Some(found) => settlements.extend(found),
			None => blocks_missing += 1,
		}
	}

	let mut out: Box<dyn Write> = match &args.out {
		Some(path) => Box::new(std::io::BufWriter::new(
			std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
		)),
		None => Box::new(std::io::stdout().lock()),
	};
	if args.format == ExportFormat::Csv {
		writeln!(out, "{CSV_COLUMNS}")?;
	}
	let mut decided: BTreeMap<&str, u32> = BTreeMap::new();
	let mut confidence_sum = 0.0;
	let mut labels_used_sum = 0u32;
	let mut annotators = BTreeSet::new();
	for (index, item) in items.iter().enumerate() {
		let listed = manifest
			.items
			.get(index)
			.with_context(|| format!("the manifest lists no item {index}"))?;
		let mut record = Record {
			item: index,
			cid: &listed.cid,
			name: &listed.name,
			status: phase_name(item),
			label: None,
			class: None,
			decided_by: None,
			confidence: None,
			labels_used: None,
			annotators: None,
			block: None,
		};
		if let ItemSummary::Settled { record: settled } = item {
			let found = settlements.get(&(index as u32));
			let how = decision_name(settled, found.is_some_and(|settlement| settlement.appealed));
			*decided.entry(how).or_default() += 1;
			confidence_sum += share(settled.confidence.0);
			labels_used_sum += u32::from(settled.labels_used);
			record.labels_used = (settled.labels_used > 0).then_some(settled.labels_used);
			record.annotators = found.map(|settlement| {
				let votes = settlement.votes.iter();
				votes
					.map(|(who, label)| Vote {
						annotator: who.to_string(),
						label: *label,
					})
					.collect()
			});
			for vote in record.annotators.iter().flatten() {
				annotators.insert(vote.annotator.clone());
			}
			// An unresolved item has no label: nobody decided one in time.
			if !matches!(settled.decided_by, Decision::Unresolved) {
				record.label = Some(settled.label);
				record.class = manifest.class_name(settled.label);
				record.confidence = Some(share(settled.confidence.0));
			}
			record.decided_by = Some(how);
			record.block = Some(settled.settled_at);
		}
		match args.format {
			ExportFormat::Jsonl => serde_json::to_writer(&mut out, &record)?,
			ExportFormat::Csv => write!(out, "{}", csv_row(&record))?,
		}
		writeln!(out)?;
	}
	out.flush()?;

	let settled: u32 = decided.values().sum();
	let quality = at
		.runtime_apis()
		.call(runtime::runtime_apis().labeling_api().task_quality(task))
		.await?;
	let mut lines = vec![format!(
		"task {task}: {settled} of {} items settled",
		summary.terms.item_count
	)];
	for (how, count) in &decided {
		lines.push(format!("  decided by {how}: {count}"));
	}
	if settled > 0 {
		lines.push(format!(
			"  mean confidence: {:.3}",
			confidence_sum / f64::from(settled)
		));
		lines.push(format!(
			"  labels used: {labels_used_sum} of the {} the budget holds",
			u64::from(summary.terms.item_count) * u64::from(summary.terms.max_redundancy)
		));
	}
	lines.push(format!("  annotators: {}", annotators.len()));
	if let Some(quality) = quality {
		let counts = &quality.counts;
		lines.push(format!(
			"  labels revealed: {}, agreeing with the final label: {}",
			counts.labels_revealed, counts.labels_agreeing
		));
		if let Some(rate) = quality.dispute_rate {
			lines.push(format!("  dispute rate: {:.3}", share(rate.0)));
		}
		if let Some(rate) = quality.gold_accuracy {
			lines.push(format!(
				"  gold accuracy of labels on gold items: {:.3}",
				share(rate.0)
			));
		}
	}
	if blocks_missing > 0 {
		lines.push(format!(
			"  annotators unknown for items settled in {blocks_missing} blocks whose state this node pruned (use an archive node)"
		));
	}
	// The summary goes where the records do not.
	let summary_text = lines.join("\n");
	if args.out.is_some() {
		println!("{summary_text}");
	} else {
		eprintln!("{summary_text}");
	}
	Ok(())
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn csv_rows_quote_what_needs_it_and_leave_absent_fields_empty() {
		let record = Record {
			item: 0,
			cid: "bafk",
			name: "a,\"b\".txt",
			status: "settled",
			label: Some(1),
			class: Some("dog"),
			decided_by: Some("consensus"),
			confidence: Some(1.0),
			labels_used: Some(3),
			annotators: Some(vec![
				Vote { annotator: "5Alice".into(), label: Some(1) },
				Vote { annotator: "5Bob".into(), label: None },
			]),
			block: Some(120),
		};
		// The same row as the web app's unit test (web/src/requester/requester.test.ts).
		assert_eq!(csv_row(&record), "0,bafk,\"a,\"\"b\"\".txt\",settled,1,dog,consensus,1,3,120,5Alice=1;5Bob=");
		let open = Record { item: 1, cid: "c", name: "n", status: "labeling", label: None, class: None, decided_by: None, confidence: Some(0.9731), labels_used: None, annotators: None, block: None };
		assert_eq!(csv_row(&open), "1,c,n,labeling,,,,0.9731,,,");
	}
}
