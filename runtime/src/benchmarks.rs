//! The pallets whose calls `labelchain-node benchmark pallet` can measure:
//! the four labeling pallets, and `pallet_balances` so that a label's cost can
//! be compared with a `transfer_keep_alive` on the same machine.

frame_benchmarking::define_benchmarks!(
	[pallet_balances, Balances]
	[pallet_tasks, Tasks]
	[pallet_annotator_stake, AnnotatorStake]
	[pallet_reputation, Reputation]
	[pallet_label_voting, LabelVoting]
);
