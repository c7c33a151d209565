//! A regression guard on real data: the bluebirds set (in `replay/data/`,
//! copied from the public source its SOURCE.txt names) replayed through the
//! pallets must keep the label quality and incentive figures measured when
//! this test was last set (2026-12-02, consensus v2's posterior tally with
//! adaptive redundancy from two labels an item, the gold charge in
//! proportion to the reward, and gold scoring the calibration at its reveal
//! and again at its settlement (stop 31), default settings, seed
//! 2026). The replay is deterministic, so a drop means the chain's
//! behaviour changed.

use labelchain_replay::{figures, replay, variants, Dataset, Settings};

/// (variant, accuracy at least, labels used at most, disputed share at
/// most, crowd-settled accuracy at least, Spearman at least, spammers' net
/// LBL at most)
type Floor = (&'static str, f64, f64, f64, f64, f64, Option<f64>);

const FLOORS: [Floor; 4] = [
	("no experts", 0.885, 0.89, 0.45, 0.96, 0.94, None),
	("experts", 0.975, 0.87, 0.43, 0.96, 0.975, None),
	("no experts, 30% spammers", 0.78, 0.74, 0.28, 0.83, 0.73, Some(-15.0)),
	("experts, 30% spammers", 0.895, 0.75, 0.24, 0.865, 0.89, Some(-15.0)),
];

#[test]
fn bluebirds_keeps_its_measured_label_quality() {
	let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/bluebirds");
	let data = Dataset::read(&dir).expect("the bluebirds set is in the repository");
	for ((variant, settings), floor) in variants(&Settings::default()).into_iter().zip(FLOORS) {
		assert_eq!(variant, floor.0);
		let measured = figures(&data, &replay(&data, &settings).expect("the replay runs"));
		let (_, accuracy, labels_used, disputed, crowd, rho, spammers) = floor;
		assert!(measured.accuracy.is_some_and(|a| a >= accuracy), "{variant}: accuracy {measured:?}");
		assert!(measured.labels_used.is_some_and(|used| used <= labels_used), "{variant}: labels used {measured:?}");
		assert!(measured.disputed_share.is_some_and(|d| d <= disputed), "{variant}: disputes {measured:?}");
		assert!(measured.crowd_accuracy.is_some_and(|c| c >= crowd), "{variant}: crowd-settled accuracy {measured:?}");
		assert!(measured.earnings_spearman.unwrap_or(-1.0) >= rho, "{variant}: Spearman {measured:?}");
		if let Some(most) = spammers {
			assert!(measured.spammer_net_earnings.unwrap_or(0.0) <= most, "{variant}: spammers {measured:?}");
		}
		// Gold stays within the 10 % the targets allow.
		assert!(measured.gold_items * 10 <= data.items.len(), "{variant}: gold {measured:?}");
	}
}
