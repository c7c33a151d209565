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

fn row(call: &str, weight: Weight, transfer: Weight) {
	println!("| `{call}` | {:.1} | {:.2} |", micros(weight), micros(weight) / micros(transfer));
}

fn main() {
	let max_r: u32 =
		<<Runtime as pallet_label_voting::Config>::MaxRedundancy as Get<u32>>::get().min(255);
	let max_gold: u32 = <<Runtime as pallet_tasks::Config>::MaxGoldItems as Get<u32>>::get();
	let max_chunks: u32 =
		<<Runtime as pallet_annotator_stake::Config>::MaxUnbondingChunks as Get<u32>>::get();
	let transfer = Balances::transfer_keep_alive();
	let r = TYPICAL_REDUNDANCY;

	println!("| call | weight (µs) | × transfer_keep_alive |");
	println!("|---|---:|---:|");
	row("balances.transfer_keep_alive", transfer, transfer);
	row(&format!("tasks.create_task (g = {max_gold} gold)"), Tasks::create_task(max_gold), transfer);
	row("tasks.create_task (no gold)", Tasks::create_task(0), transfer);
	row("tasks.top_up", Tasks::top_up(), transfer);
	row("tasks.extend_deadline", Tasks::extend_deadline(), transfer);
	row("tasks.cancel_task", Tasks::cancel_task(), transfer);
	row("tasks.close_task", Tasks::close_task(), transfer);
	row("annotatorStake.bond", Stake::bond(), transfer);
	row("annotatorStake.unbond", Stake::unbond(), transfer);
	row(&format!("annotatorStake.withdraw (c = {max_chunks})"), Stake::withdraw(max_chunks), transfer);
	row("annotatorStake.set_minimum_stake", Stake::set_minimum_stake(), transfer);
	row("reputation.set_parameters", Reputation::set_parameters(), transfer);
	row("labelVoting.claim", Voting::claim(), transfer);
	row("labelVoting.claim_item", Voting::claim_item(), transfer);
	row("labelVoting.commit", Voting::commit(), transfer);
	row("labelVoting.appeal", Voting::appeal(), transfer);
	for redundancy in [r, max_r] {
		row(&format!("labelVoting.reveal (r = {redundancy})"), Voting::reveal(redundancy), transfer);
		row(
			&format!("labelVoting.finalize_item (r = {redundancy})"),
			Voting::finalize_item(redundancy),
			transfer,
		);
		row(
			&format!("labelVoting.resolve_dispute (r = {redundancy})"),
			Voting::resolve_dispute(redundancy),
			transfer,
		);
		row(
			&format!("labelVoting.decide_appeal (r = {redundancy})"),
			Voting::decide_appeal(redundancy),
			transfer,
		);
		row(
			&format!("labelVoting.reveal_gold (r = {redundancy})"),
			Voting::reveal_gold(redundancy),
			transfer,
		);
	}

	println!();
	println!("| one label, redundancy {r} | weight (µs) | × transfer_keep_alive |");
	println!("|---|---:|---:|");
	let settlement_share = Voting::finalize_item(r).div(r.into());
	let label = Voting::commit().saturating_add(Voting::reveal(r)).saturating_add(settlement_share);
	row("commit + reveal + 1/r of finalize_item", label, transfer);
	row("claim_item + commit + reveal + 1/r of finalize_item", label.saturating_add(Voting::claim_item()), transfer);
}
