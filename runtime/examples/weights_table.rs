//! Prints the weights the runtime charges for the labeling calls next to a
//! `transfer_keep_alive`'s, and what one label costs on chain, as Markdown
//! tables for the README. The weights are the generated `weights.rs` files
//! (scripts/benchmark-weights.sh), so this shows what the last measurement
//! found. Weights are reference time only: this solochain leaves proof size
//! unbounded, so the benchmarks' proof sizes are not charged.
//!
//!   cargo run -p labelchain-runtime --example weights_table

use frame_support::{traits::Get, weights::Weight};
use labelchain_runtime::Runtime;
use pallet_annotator_stake::WeightInfo as _;
use pallet_balances::WeightInfo as _;
use pallet_label_voting::WeightInfo as _;
use pallet_reputation::WeightInfo as _;
use pallet_tasks::WeightInfo as _;

type Balances = <Runtime as pallet_balances::Config>::WeightInfo;
type Tasks = <Runtime as pallet_tasks::Config>::WeightInfo;
type Stake = <Runtime as pallet_annotator_stake::Config>::WeightInfo;
type Reputation = <Runtime as pallet_reputation::Config>::WeightInfo;
type Voting = <Runtime as pallet_label_voting::Config>::WeightInfo;

/// The redundancy real crowd data sets use most (3 labels per item).
const TYPICAL_REDUNDANCY: u32 = 3;

fn micros(weight: Weight) -> f64 {
	weight.ref_time() as f64 / 1e6
}

/// What every signed transaction costs besides its call: the measured base
/// weight of an extrinsic and the weight of the runtime's transaction
/// extensions (signature-free checks, nonce, mortality, fee payment).
fn transaction_overhead() -> Weight {
	use frame_support::dispatch::DispatchClass;
	use sp_runtime::{generic::Era, traits::TransactionExtension};
	let extensions: labelchain_runtime::TxExtension = (
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(Era::Immortal),
		frame_system::CheckNonce::from(0),
		frame_system::CheckWeight::new(),
		pallet_transaction_payment::ChargeTransactionPayment::from(0),
		frame_system::WeightReclaim::new(),
	);
	let call = labelchain_runtime::RuntimeCall::System(frame_system::Call::remark { remark: Vec::new() });
	let weights = <Runtime as frame_system::Config>::BlockWeights::get();
	weights.get(DispatchClass::Normal).base_extrinsic.saturating_add(extensions.weight(&call))
}

/// Prices a call's weight, alone and as a whole transaction, against a
/// `transfer_keep_alive`'s. `transactions` is how many transactions carry it.
struct Pricing {
	transfer: Weight,
	overhead: Weight,
}

impl Pricing {
	fn row(&self, call: &str, weight: Weight, transactions: f64) {
		let as_transactions = micros(weight) + transactions * micros(self.overhead);
		let transfer_transaction = micros(self.transfer) + micros(self.overhead);
		println!(
			"| `{call}` | {:.1} | {:.2} | {:.1} | {:.2} |",
			micros(weight),
			micros(weight) / micros(self.transfer),
			as_transactions,
			as_transactions / transfer_transaction,
		);
	}
}

fn main() {
	let max_r: u32 =
		<<Runtime as pallet_label_voting::Config>::MaxRedundancy as Get<u32>>::get().min(255);
	let max_gold: u32 = <<Runtime as pallet_tasks::Config>::MaxGoldItems as Get<u32>>::get();
	let max_chunks: u32 =
		<<Runtime as pallet_annotator_stake::Config>::MaxUnbondingChunks as Get<u32>>::get();
	let transfer = Balances::transfer_keep_alive();
	let r = TYPICAL_REDUNDANCY;
	let pricing = Pricing { transfer, overhead: transaction_overhead() };
	let row = |call: &str, weight: Weight| pricing.row(call, weight, 1.0);

	println!(
		"Every transaction also pays {:.1} µs of overhead (base extrinsic and extensions).",
		micros(pricing.overhead)
	);
	println!();
	println!("| call | call weight (µs) | × transfer_keep_alive | as a transaction (µs) | × transfer transaction |");
	println!("|---|---:|---:|---:|---:|");
	row("balances.transfer_keep_alive", transfer);
	row(&format!("tasks.create_task (g = {max_gold} gold)"), Tasks::create_task(max_gold));
	row("tasks.create_task (no gold)", Tasks::create_task(0));
	row("tasks.top_up", Tasks::top_up());
	row("tasks.extend_deadline", Tasks::extend_deadline());
	row("tasks.cancel_task", Tasks::cancel_task());
	row("tasks.close_task", Tasks::close_task());
	row("annotatorStake.bond", Stake::bond());
	row("annotatorStake.unbond", Stake::unbond());
	row(&format!("annotatorStake.withdraw (c = {max_chunks})"), Stake::withdraw(max_chunks));
	row("annotatorStake.set_minimum_stake", Stake::set_minimum_stake());
	row("reputation.set_parameters", Reputation::set_parameters());
	row("labelVoting.claim", Voting::claim());
	row("labelVoting.claim_item", Voting::claim_item());
	row("labelVoting.commit", Voting::commit());
	row("labelVoting.appeal", Voting::appeal());
	for redundancy in [r, max_r] {
		for (call, weight) in [
			("reveal", Voting::reveal(redundancy)),
			("finalize_item", Voting::finalize_item(redundancy)),
			("resolve_dispute", Voting::resolve_dispute(redundancy)),
			("decide_appeal", Voting::decide_appeal(redundancy)),
			("reveal_gold", Voting::reveal_gold(redundancy)),
		] {
			row(&format!("labelVoting.{call} (r = {redundancy})"), weight);
		}
	}

	println!();
	println!(
		"| one label, redundancy {r} | call weight (µs) | × transfer_keep_alive | as transactions (µs) | × transfer transaction |"
	);
	println!("|---|---:|---:|---:|---:|");
	let settlement_share = Voting::finalize_item(r).div(r.into());
	let label = Voting::commit().saturating_add(Voting::reveal(r)).saturating_add(settlement_share);
	let transactions = 2.0 + 1.0 / f64::from(r);
	pricing.row("commit + reveal + 1/r of finalize_item", label, transactions);
	pricing.row(
		"claim_item + commit + reveal + 1/r of finalize_item",
		label.saturating_add(Voting::claim_item()),
		transactions + 1.0,
	);
}
