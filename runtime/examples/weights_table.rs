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
use pallet_label_voting::{batch_weights::RevealWork, WeightInfo as _};
use pallet_reputation::WeightInfo as _;
use pallet_tasks::WeightInfo as _;

type Balances = <Runtime as pallet_balances::Config>::WeightInfo;
type Tasks = <Runtime as pallet_tasks::Config>::WeightInfo;
type Stake = <Runtime as pallet_annotator_stake::Config>::WeightInfo;
type Reputation = <Runtime as pallet_reputation::Config>::WeightInfo;
type Voting = <Runtime as pallet_label_voting::Config>::WeightInfo;
type VotingPallet = pallet_label_voting::Pallet<Runtime>;

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
		<<Runtime as pallet_label_voting::Config>::MaxRedundancy as Get<u32>>::get();
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
	row("labelVoting.appeal", Voting::appeal());
	for redundancy in [r, max_r] {
		for (call, weight) in [
			("commit", Voting::commit(redundancy)),
			("reveal, not the last", Voting::reveal_untallied(redundancy)),
			("reveal (8 classes)", Voting::reveal(redundancy)),
			("reveal (2 classes)", VotingPallet::tally_reveal_weight(redundancy, 2)),
			("finalize_item", Voting::finalize_item(redundancy)),
			("resolve_dispute", Voting::resolve_dispute(redundancy)),
			("decide_appeal", Voting::decide_appeal(redundancy)),
			("reveal_gold", VotingPallet::reveal_gold_weight(redundancy)),
		] {
			row(&format!("labelVoting.{call} (r = {redundancy})"), weight);
		}
	}

	let batch: u32 = 50;
	let labels = batch * r;
	row(&format!("labelVoting.commit_batch ({batch} items, r = {r})"), VotingPallet::commit_batch_weight(batch, r));
	row(&format!("labelVoting.reveal_batch ({batch} items, r = {r})"), VotingPallet::reveal_batch_weight(batch, r));
	row(
		&format!("labelVoting.finalize_items ({batch} items, r = {r}, {r} annotators)"),
		VotingPallet::finalize_items_actual(batch, labels, r),
	);
	row(
		&format!("labelVoting.finalize_items ({batch} items, r = {r}, {labels} annotators)"),
		VotingPallet::finalize_items_actual(batch, labels, labels),
	);

	println!();
	println!(
		"| one binary label, redundancy {r} | call weight (µs) | × transfer_keep_alive | as transactions (µs) | × transfer transaction |"
	);
	println!("|---|---:|---:|---:|---:|");
	// Settled one item per transaction, or with the items around it.
	let settled_alone = Voting::finalize_item(r).div(r.into());
	let settled_apart = VotingPallet::finalize_items_actual(batch, labels, labels).div(labels.into());
	let settled_by_crew = VotingPallet::finalize_items_actual(batch, labels, r).div(labels.into());
	// Of an item's r reveals, only the last tallies it; the labels are
	// binary, as the throughput load's.
	let reveal = VotingPallet::tally_reveal_weight(r, 2)
		.saturating_add(Voting::reveal_untallied(r).saturating_mul((r - 1).into()))
		.div(r.into());
	let commit_reveal = Voting::commit(r).saturating_add(reveal);
	// (share of settlement, its share of a transaction, how it was settled)
	for (settled, settle_transactions, how) in [
		(settled_alone, 1.0 / f64::from(r), "1/r of finalize_item".to_string()),
		(settled_apart, 1.0 / f64::from(labels), format!("1/{labels} of finalize_items ({batch} items, all annotators different)")),
		(settled_by_crew, 1.0 / f64::from(labels), format!("1/{labels} of finalize_items ({batch} items, the same {r} annotators)")),
	] {
		let label = commit_reveal.saturating_add(settled);
		// Sent as a commit and a reveal, or working item by item with
		// commit_and_reveal (one transaction per label, charged as both).
		pricing.row(&format!("commit + reveal (1 in r tallies) + {how}"), label, 2.0 + settle_transactions);
		pricing.row(&format!("commit_and_reveal (1 in r tallies) + {how}"), label, 1.0 + settle_transactions);
	}
	// An annotator's batch covers `batch` items; the r annotators of the same
	// items each send one commit_batch and one reveal_batch, and the last of
	// them tallies the items.
	let tallied = RevealWork::Tallied { redundancy: r, classes: 2 };
	let reveal_batch = VotingPallet::reveal_batch_of(batch, tallied)
		.saturating_add(VotingPallet::reveal_batch_of(batch, RevealWork::Stored { redundancy: r }).saturating_mul((r - 1).into()))
		.div(r.into());
	let batched = VotingPallet::commit_batch_weight(batch, r)
		.saturating_add(reveal_batch)
		.div(batch.into())
		.saturating_add(settled_by_crew);
	pricing.row(
		&format!("in batches of {batch}: commit_batch + reveal_batch + finalize_items, per label"),
		batched,
		(2.0 * f64::from(r) + 1.0) / f64::from(labels),
	);

	// The block agendas: what one entry weighs, and how many fit the share of
	// a block each pallet's `on_initialize` may use.
	let voting_budget: Weight = <Runtime as pallet_label_voting::Config>::AgendaWeight::get();
	let tasks_budget: Weight = <Runtime as pallet_tasks::Config>::AgendaWeight::get();
	println!();
	println!("Each block's agendas may use {:.1} ms (items) and {:.1} ms (task deadlines).", micros(voting_budget) / 1e3, micros(tasks_budget) / 1e3);
	println!();
	println!("| agenda work, in `on_initialize` | weight (µs) | × transfer_keep_alive | entries a block, worst case |");
	println!("|---|---:|---:|---:|");
	let agenda_row = |what: &str, weight: Weight, budget: Weight, look: Weight, most: Weight| {
		// An entry starts only if the worst case still fits, so a block does
		// at least this many, each costing a look and its own weight.
		let per_block = (budget.ref_time().saturating_sub(most.ref_time())) / (look.ref_time() + weight.ref_time()).max(1) + 1;
		println!(
			"| {what} | {:.1} | {:.2} | {per_block} |",
			micros(weight),
			weight.ref_time() as f64 / transfer.ref_time() as f64,
		);
	};
	let look = Voting::agenda_look();
	let most = VotingPallet::agenda_entry_weight(max_r);
	agenda_row("labelVoting: a look at a block (nothing due, or a stale entry)", look, voting_budget, look, look);
	for redundancy in [1, r, max_r] {
		agenda_row(
			&format!(
				"labelVoting: an item due (r = {redundancy}; worst case: an appeal lapses, all paid, or {redundancy} expired claims slashed)"
			),
			VotingPallet::agenda_entry_weight(redundancy),
			voting_budget,
			look,
			most,
		);
	}
	let task_look = Tasks::agenda_look();
	agenda_row("tasks: a look at a block", task_look, tasks_budget, task_look, task_look);
	agenda_row("tasks: a task closed after its deadline", Tasks::close_at_deadline(), tasks_budget, task_look, Tasks::close_at_deadline());
	// After the deadlines, one pruning step a block removes closed tasks'
	// gold commitments.
	let prune_most: u32 = <Runtime as pallet_tasks::Config>::MaxPrunePerBlock::get();
	let prune = Tasks::prune_step(prune_most);
	println!();
	println!(
		"Then one pruning step removes up to {prune_most} gold commitments of closed tasks: {:.2} ms ({:.2} transfer_keep_alive a commitment, {:.0} % of the tasks agenda's share).",
		micros(prune) / 1e3,
		micros(prune) / micros(transfer) / f64::from(prune_most),
		100.0 * micros(prune) / micros(tasks_budget),
	);

	// Assigned claims are drawn at the start of the block after the one
	// that took them, at most `MaxPendingClaims` of them.
	let most_claims: u32 = <Runtime as pallet_label_voting::Config>::MaxPendingClaims::get();
	let draws = VotingPallet::draw_claims_weight(most_claims);
	println!();
	println!(
		"The start of each block draws the last block's assigned claims: at most {most_claims}, {:.1} ms ({:.2} transfer_keep_alive a claim, {:.1} % of a block).",
		micros(draws) / 1e3,
		micros(draws) / micros(transfer) / f64::from(most_claims),
		100.0 * micros(draws) / micros(<Runtime as frame_system::Config>::BlockWeights::get().max_block),
	);
}
