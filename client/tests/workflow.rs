//! A requester and three annotators do a whole task with the `labelchain`
//! command line against a dev node this test starts: publish a folder (text
//! files and a JSON lines file) with a hidden gold answer, label it (one
//! annotator stops half way and picks up again from its saved salts, one
//! always answers "cat" and has no local copy of the items: it fetches them
//! from `labelchain serve-items` serving the task's CAR), reveal the gold,
//! settle, and export the result.

mod common;

use std::{
	path::{Path, PathBuf},
	process::{Command, Stdio},
	time::{Duration, Instant},
};

use common::{fails, succeeds, DevNode};
use labelchain_client::ipfs::{car_blocks, raw_cid};
use serde_json::Value;

/// A scratch folder, emptied first.
fn scratch(name: &str) -> PathBuf {
	let dir =
		std::env::temp_dir().join(format!("labelchain-workflow-{}-{name}", std::process::id()));
	let _ = std::fs::remove_dir_all(&dir);
	std::fs::create_dir_all(&dir).expect("a scratch folder");
	dir
}

/// The items, in the order `publish` lists them, and their true classes.
const ITEMS: [(&str, &str, &str); 6] = [
	("a.txt", "a cat asleep on a mat", "cat"),
	("b.txt", "a dog chasing a ball", "dog"),
	("c.txt", "the cat watches birds", "cat"),
	("d.txt", "two dogs in the snow", "dog"),
	("e.jsonl#1", "{\"text\":\"a cat purring\"}", "cat"),
	("e.jsonl#2", "{\"text\":\"a dog fetching sticks\"}", "dog"),
];

fn write_items(dir: &Path) {
	for (name, text, _) in &ITEMS[..4] {
		std::fs::write(dir.join(name), text).unwrap();
	}
	std::fs::write(
		dir.join("e.jsonl"),
		format!("{}\n{}\n", ITEMS[4].1, ITEMS[5].1),
	)
	.unwrap();
}

/// Where `work` finds the task's manifest and items.
enum Items<'a> {
	Local(&'a Path),
	Gateway(&'a str),
}

fn work_command(
	url: &str,
	who: &str,
	items: Items,
	labeler: &Path,
	labels_file: &Path,
) -> Command {
	let mut command = Command::new(env!("CARGO_BIN_EXE_labelchain"));
	command.args(["--url", url, "--account", who, "work", "0"]);
	match items {
		Items::Local(dir) => command.arg("--items").arg(dir),
		Items::Gateway(gateway) => command.args(["--gateway", gateway]),
	};
	command
		.arg("--label-with")
		.arg(format!("sh {}", labeler.display()))
		.arg("--labels-file")
		.arg(labels_file);
	command
}

/// `labelchain serve-items` on a free loopback port, stopped when dropped.
struct ServeItems {
	child: std::process::Child,
	url: String,
}

impl ServeItems {
	fn start(car: &Path) -> Self {
		use std::io::BufRead;
		let mut child = Command::new(env!("CARGO_BIN_EXE_labelchain"))
			.args(["serve-items", "--listen", "127.0.0.1:0", "--items"])
			.arg(car)
			.stdout(Stdio::piped())
			.spawn()
			.expect("serve-items starts");
		let mut line = String::new();
		std::io::BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
		// "serving N blocks at http://127.0.0.1:PORT/ipfs/<cid> (Ctrl-C stops)"
		let url = line
			.split_whitespace()
			.find_map(|word| word.strip_suffix("/ipfs/<cid>"))
			.unwrap_or_else(|| panic!("serve-items said {line:?}"))
			.to_string();
		Self { child, url }
	}
}

impl Drop for ServeItems {
	fn drop(&mut self) {
		let _ = self.child.kill();
		let _ = self.child.wait();
	}
}

fn strs(args: &[String]) -> Vec<&str> {
	args.iter().map(String::as_str).collect()
}

#[tokio::test]
async fn a_task_is_published_labeled_settled_and_exported() {
	// Blocks every 200 ms: reveal windows (50 blocks) and appeal windows
	// (100) pass in seconds.
	let node = DevNode::start_sealing("200").await;
	let url = node.url.as_str();
	let dir = scratch("run");
	let (items, task_dir) = (dir.join("items"), dir.join("task"));
	std::fs::create_dir_all(&items).unwrap();
	write_items(&items);
	std::fs::write(dir.join("gold.csv"), "item,answer\nb.txt,dog\n").unwrap();
	let careful = dir.join("careful.sh");
	std::fs::write(
		&careful,
		"if grep -q cat \"$1\"; then echo cat; else echo dog; fi\n",
	)
	.unwrap();
	let guesser = dir.join("guesser.sh");
	std::fs::write(&guesser, "echo cat\n").unwrap();

	let gold_csv = dir.join("gold.csv");
	let publish_with = |who: &str, dispute_budget: &str| {
		let mut args = vec![
			"--account",
			who,
			"publish",
			items.to_str().unwrap(),
			"--classes",
			"cat,dog",
			"--dispute-budget",
			dispute_budget,
		];
		args.extend([
			"--instructions",
			"Is it a cat or a dog?",
			"--reward",
			"2",
			"--redundancy",
			"3",
		]);
		args.extend([
			"--gold",
			gold_csv.to_str().unwrap(),
			"--out",
			task_dir.to_str().unwrap(),
		]);
		args.into_iter().map(String::from).collect::<Vec<_>>()
	};
	let publish = |who: &str| publish_with(who, "4");
	// A requester without the budget is told so, and no task is created.
	let refused = fails(url, &strs(&publish("//Nobody")));
	// 6 items × 3 × 2.1 LBL + 4 LBL for disputes, the gold answer's bond
	// of 3 × 1 LBL, and the storage deposit of the task (0.527 LBL) and its
	// gold commitment (0.103 LBL).
	assert!(refused.contains("short of the budget 45.43 LBL"), "{refused}");
	assert!(refused.contains("storage deposit of 0.63 LBL"), "{refused}");
	// Nor is a task whose dispute budget cannot pay one expert, unless the
	// requester says it wants none.
	let refused = fails(url, &strs(&publish_with("//Alice", "0")));
	assert!(refused.contains("cannot pay one expert") && refused.contains("--no-experts"), "{refused}");
	assert!(fails(url, &["status", "0"]).contains("no task 0"));

	let published = succeeds(url, &strs(&publish("//Alice")));
	assert!(
		published.contains("task 0 created: 6 items, budget 41.8 LBL in escrow"),
		"{published}"
	);
	let status = succeeds(url, &["status", "0"]);
	assert!(status.contains("next automatic step at #"), "the deadline closes it: {status}");
	// The CAR holds every item under its CID, and the manifest.
	let car = car_blocks(&std::fs::read(task_dir.join("items.car")).unwrap()).unwrap();
	for (name, text, _) in ITEMS {
		assert!(
			car.iter()
				.any(|(cid, data)| *cid == raw_cid(text.as_bytes()) && data == text.as_bytes()),
			"{name}"
		);
	}
	let manifest = std::fs::read(task_dir.join("manifest.json")).unwrap();
	assert!(car
		.iter()
		.any(|(cid, data)| *cid == raw_cid(&manifest) && *data == manifest));
	let gold: Value =
		serde_json::from_slice(&std::fs::read(task_dir.join("gold.json")).unwrap()).unwrap();
	assert_eq!(
		(gold["task"].as_u64(), gold["answers"][0]["item"].as_u64()),
		(Some(0), Some(1)),
		"{gold}"
	);

	for who in ["//Bob", "//Charlie", "//Dave"] {
		succeeds(url, &["--account", who, "bond", "50"]);
	}
	// Bob labels two items and leaves before revealing; his salts wait on disk.
	let bob_labels = dir.join("bob-labels.json");
	let first = work_command(url, "//Bob", Items::Local(&task_dir), &careful, &bob_labels)
		.args(["--max-items", "2", "--no-wait"])
		.output()
		.unwrap();
	assert!(
		first.status.success(),
		"{}",
		String::from_utf8_lossy(&first.stderr)
	);
	let saved: Value = serde_json::from_slice(&std::fs::read(&bob_labels).unwrap()).unwrap();
	assert_eq!(
		saved.as_object().map(|labels| labels.len()),
		Some(2),
		"{saved}"
	);

	// The requester serves the task's CAR as an IPFS gateway; Dave has no
	// copy of the items and fetches them from it.
	let server = ServeItems::start(&task_dir.join("items.car"));
	// All three work the task at once; Bob reveals his two from the file;
	// Charlie sends his labels three at a time.
	let workers: Vec<_> = [
		("//Bob", Items::Local(&task_dir), &careful, &bob_labels, "1"),
		("//Charlie", Items::Local(&task_dir), &careful, &dir.join("charlie.json"), "3"),
		("//Dave", Items::Gateway(&server.url), &guesser, &dir.join("dave.json"), "1"),
	]
	.into_iter()
	.map(|(who, items, labeler, labels, batch)| {
		work_command(url, who, items, labeler, labels)
			.args(["--batch", batch])
			.stdout(Stdio::piped())
			.stderr(Stdio::piped())
			.spawn()
			.unwrap()
	})
	.collect();
	let mut outputs = Vec::new();
	let mut failed = false;
	for (who, worker) in ["Bob", "Charlie", "Dave"].into_iter().zip(workers) {
		let output = tokio::task::spawn_blocking(move || worker.wait_with_output())
			.await
			.unwrap()
			.unwrap();
		let stdout = String::from_utf8_lossy(&output.stdout);
		failed |= !output.status.success() || !stdout.contains("nothing more to do on task 0");
		outputs.push(format!("{who}:\n{stdout}{}", String::from_utf8_lossy(&output.stderr)));
	}
	// One annotator's failure leaves the others waiting: show all three.
	assert!(!failed, "{}", outputs.join("\n"));
	assert!(outputs[1].contains("committed items "), "Charlie batched: {}", outputs[1]);

	let revealed = succeeds(
		url,
		&[
			"--account",
			"//Alice",
			"reveal-gold",
			"0",
			"--gold",
			task_dir.join("gold.json").to_str().unwrap(),
			"--wait",
		],
	);
	assert!(revealed.contains("1 gold answers revealed"), "{revealed}");
	// The others settle once their appeal window has passed: the chain does
	// it by itself, nobody sends `finalize`.
	let deadline = Instant::now() + Duration::from_secs(180);
	loop {
		let status = succeeds(url, &["status", "0"]);
		if status.contains("6/6 settled") {
			assert!(status.trim_end().ends_with("closed"), "{status}");
			break;
		}
		assert!(Instant::now() < deadline, "items did not settle: {status}");
		tokio::time::sleep(Duration::from_secs(2)).await;
	}

	let out = dir.join("labels.jsonl");
	let summary = succeeds(
		url,
		&[
			"export",
			"0",
			"--items",
			task_dir.to_str().unwrap(),
			"--out",
			out.to_str().unwrap(),
		],
	);
	assert!(
		summary.contains("6 of 6 items settled") && summary.contains("annotators: 3"),
		"{summary}"
	);
	let records: Vec<Value> = std::fs::read_to_string(&out)
		.unwrap()
		.lines()
		.map(|line| serde_json::from_str(line).unwrap())
		.collect();
	assert_eq!(records.len(), 6);
	for (index, (record, (name, text, class))) in records.iter().zip(ITEMS).enumerate() {
		assert_eq!(record["item"], index, "{record}");
		assert_eq!(record["name"], name, "{record}");
		assert_eq!(
			record["cid"],
			raw_cid(text.as_bytes()).to_string(),
			"{record}"
		);
		assert_eq!(record["class"], class, "{record}");
		let votes = record["annotators"]
			.as_array()
			.unwrap_or_else(|| panic!("{record}"));
		assert_eq!(votes.len(), 3, "{record}");
		let agreeing = votes
			.iter()
			.filter(|vote| vote["label"] == record["label"])
			.count();
		let expected = if class == "cat" { 3 } else { 2 };
		assert_eq!(agreeing, expected, "{record}");
		let decided = if name == "b.txt" { "gold" } else { "consensus" };
		assert_eq!(record["decidedBy"], decided, "{record}");
		assert!(
			record["block"].as_u64().is_some_and(|block| block > 0),
			"{record}"
		);
	}
	let stake = succeeds(url, &["--account", "//Dave", "stake"]);
	assert!(
		!stake.contains("bonded 50 LBL"),
		"a wrong gold answer is slashed: {stake}"
	);
	std::fs::remove_dir_all(&dir).unwrap();
}
