//! The `labelchain` command line against a dev node this test starts (and
//! stops, pass or fail): an annotator bonds, unbonds, reads its stake, is told
//! the runtime's reason when a call fails, and lists the open tasks.

mod common;

use std::{
	process::{Command, Stdio},
	time::Duration,
};

use common::{fails, succeeds, DevNode};
use labelchain_client::{accounts::key_from_spec, amount::UNIT, node::Node, runtime, transact::sign_and_finalize};
use runtime::runtime_types::{
	bounded_collections::bounded_vec::BoundedVec,
	labelchain_primitives::{task::AssignmentMode, reputation::Tier},
	pallet_tasks::types::TaskSpec,
	sp_arithmetic::per_things::Perbill,
};

#[tokio::test]
async fn an_annotator_manages_stake_and_finds_tasks_from_the_command_line() {
	let node = DevNode::start().await;
	let url = node.url.as_str();

	assert!(succeeds(url, &["--account", "//Dave", "stake"]).contains("bonded 0 LBL"));
	assert_eq!(succeeds(url, &["--account", "//Dave", "bond", "20"]).trim(), "bonded 20 LBL");
	assert_eq!(succeeds(url, &["--account", "//Dave", "unbond", "5.5"]).trim(), "unbonding 5.5 LBL");
	let stake = succeeds(url, &["--account", "//Dave", "stake"]);
	assert!(stake.contains("bonded 14.5 LBL") && stake.contains("unbonding 5.5 LBL"), "{stake}");

	// The runtime's reason comes back, and nothing changed.
	let refused = fails(url, &["--account", "//Dave", "withdraw"]);
	assert!(refused.contains("AnnotatorStake::NothingToWithdraw"), "{refused}");
	assert!(fails(url, &["--account", "//Dave", "bond", "1.0000000000001"]).contains("12 decimals"));
	assert!(fails(url, &["bond", "1"]).contains("give --account"));
	let penniless = fails(url, &["--account", "//Nobody", "bond", "5"]);
	assert!(penniless.contains("has no free balance to pay the fee"), "{penniless}");
	assert!(fails("ws://127.0.0.1:1", &["stake", "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"])
		.contains("no LabelChain node answers"));

	// A requester's open task shows up in the list.
	let connected = Node::connect(url).await.expect("connects");
	let mut manifest = vec![0x01, 0x55, 0x12, 0x20];
	manifest.extend(sp_crypto_hashing::sha2_256(b"labelchain cli test"));
	let spec = TaskSpec {
		manifest: BoundedVec(manifest),
		item_count: 7,
		class_count: 2,
		min_redundancy: 3,
		max_redundancy: 3,
		target_accuracy: Perbill(600_000_000),
		reward_per_label: UNIT,
		dispute_budget: 0,
		deadline: 1_000,
		min_tier: Tier::Newcomer,
		min_stake: 0,
		assignment: AssignmentMode::Open,
		domain: 0,
		gold_commitments: BoundedVec(Vec::new()),
	};
	let alice = key_from_spec("//Alice").expect("a dev key");
	sign_and_finalize(&connected, &runtime::tx().tasks().create_task(spec), &alice, "create_task")
		.await
		.expect("the task is created");
	let tasks = succeeds(url, &["--account", "//Dave", "tasks"]);
	let row = tasks.lines().find(|line| line.trim_start().starts_with('0')).unwrap_or_else(|| panic!("{tasks}"));
	let fields: Vec<&str> = row.split_whitespace().collect();
	assert_eq!(&fields[..5], ["0", "7", "2", "3", "1"], "{row}");

	// Its status, followed block by block until the requester cancels it
	// (nothing in flight, so it closes at once).
	let status = succeeds(url, &["status", "0"]);
	assert!(status.contains("0/7 settled") && status.trim_end().ends_with("open"), "{status}");
	let follower = Command::new(env!("CARGO_BIN_EXE_labelchain"))
		.args(["--url", url, "status", "0", "--follow"])
		.stdout(Stdio::piped())
		.stderr(Stdio::piped())
		.spawn()
		.expect("runs labelchain");
	tokio::time::sleep(Duration::from_secs(2)).await;
	sign_and_finalize(&connected, &runtime::tx().tasks().cancel_task(0), &alice, "cancel_task")
		.await
		.expect("the requester cancels");
	let followed = tokio::time::timeout(Duration::from_secs(60), tokio::task::spawn_blocking(move || follower.wait_with_output()))
		.await
		.expect("the follower stops once the task closes")
		.expect("joins")
		.expect("its output");
	let errors = String::from_utf8_lossy(&followed.stderr).into_owned();
	let followed = String::from_utf8_lossy(&followed.stdout);
	let last = followed.lines().last().unwrap_or_default();
	assert!(last.starts_with('#') && last.ends_with("closed"), "{followed}{errors}");
	assert!(fails(url, &["status", "9"]).contains("no task 9"));
}
