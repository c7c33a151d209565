//! `labelchain replay` against a dev node this test starts: a small crowd
//! data set (three careful workers, one who always answers wrong, one item
//! short of labels, revealed once the replay stops the task) is replayed as
//! signed transactions and every item settles; the figures say the careful
//! workers decided every item and the wrong one lost money. A second set,
//! replayed without experts, settles its split items by the chain's tally.

mod common;

use common::{succeeds, DevNode};
use serde_json::Value;

#[tokio::test]
async fn a_crowd_data_set_replays_on_a_live_node() {
	let node = DevNode::start().await;
	let dir = std::env::temp_dir().join(format!("labelchain-live-replay-{}", std::process::id()));
	let data = dir.join("tiny");
	std::fs::create_dir_all(&data).unwrap();
	let (mut labels, mut truth) = ("item,worker,label\n".to_string(), "item,truth\n".to_string());
	for item in 1..=10 {
		let (right, wrong) = if item % 2 == 0 { ("yes", "no") } else { ("no", "yes") };
		truth.push_str(&format!("{item},{right}\n"));
		for worker in ["ann", "bea", "cal"] {
			labels.push_str(&format!("{item},{worker},{right}\n"));
		}
		// Item 10 gets three labels where the others get four.
		if item < 10 {
			labels.push_str(&format!("{item},dud,{wrong}\n"));
		}
	}
	std::fs::write(data.join("labels.csv"), labels).unwrap();
	std::fs::write(data.join("truth.csv"), truth).unwrap();

	let json = dir.join("figures.json");
	let args = ["--account", "//Alice", "replay", data.to_str().unwrap(), "--json", json.to_str().unwrap()];
	let table = succeeds(&node.url, &args);
	assert!(table.contains("| tiny | live, experts | 9 | 0 | 1 | 1.000 |"), "{table}");
	let figures: Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
	assert_eq!(figures["accuracy"], 1.0, "{figures}");
	assert_eq!(figures["disputed_share"], 0.0, "{figures}");
	let earned = &figures["worker_net_earnings"];
	assert!(earned["dud"].as_f64().unwrap() < 0.0, "{figures}");
	for careful in ["ann", "bea", "cal"] {
		assert!(earned[careful].as_f64().unwrap() > 0.0, "{figures}");
	}
	// The status reader sees the replayed task settled and closed.
	assert!(succeeds(&node.url, &["status", "0"]).contains("10/10 settled"));

	// Without experts a split item takes its most probable label, read from
	// the chain's item tally: at a 90 % target and no gold every item is
	// split. On the last, cal's "no" (right on five "yes" items, never seen
	// on a "no" one) loses to dud's and a newcomer's "yes" and the task's
	// class prior of five "yes" items to none: the posterior the chain
	// computes, and the replay follows it (here against the truth).
	let split = dir.join("split");
	std::fs::create_dir_all(&split).unwrap();
	let (mut labels, mut truth) = ("item,worker,label\n".to_string(), "item,truth\n".to_string());
	for item in 1..=5 {
		truth.push_str(&format!("{item},yes\n"));
		for (worker, label) in [("ann", "yes"), ("bea", "yes"), ("cal", "yes"), ("dud", "no")] {
			labels.push_str(&format!("{item},{worker},{label}\n"));
		}
	}
	truth.push_str("6,no\n");
	labels.push_str("6,cal,no\n6,dud,yes\n6,eve,yes\n");
	std::fs::write(split.join("labels.csv"), labels).unwrap();
	std::fs::write(split.join("truth.csv"), truth).unwrap();
	let args = [
		"--account",
		"//Alice",
		"replay",
		split.to_str().unwrap(),
		"--no-experts",
		"--gold-share",
		"0",
		"--threshold",
		"90",
		"--json",
		json.to_str().unwrap(),
	];
	let table = succeeds(&node.url, &args);
	assert!(table.contains("| split | live, no experts | 6 | 0 | 0 |"), "{table}");
	let figures: Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
	assert_eq!(figures["disputed_share"], 1.0, "{figures}");
	assert_eq!(figures["accuracy"], 5.0 / 6.0, "{figures}");
	std::fs::remove_dir_all(&dir).unwrap();
}
