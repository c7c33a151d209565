//! What `labelchain-node benchmark pallet` can measure: the four labeling
//! pallets; `pallet_balances`, so a label's cost compares with a
//! `transfer_keep_alive` on the same machine; and what every transaction pays
//! besides its call: the system transaction extensions (nonce, mortality,
//! weight checks), the fee extension (`pallet_transaction_payment`), and the
//! batching of `pallet_utility`; and governance: the council's motions
//! (`pallet_collective`), the validator set and enactment.

frame_benchmarking::define_benchmarks!(
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_utility, Utility]
	[pallet_tasks, Tasks]
	[pallet_annotator_stake, AnnotatorStake]
	[pallet_reputation, Reputation]
	[pallet_label_voting, LabelVoting]
	[pallet_validator_set, ValidatorSet]
	[pallet_enactment, Enactment]
	[pallet_collective, Council]
);
