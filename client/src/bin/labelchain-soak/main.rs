//! Soak load and books: against a network of validators, any one of which
//! may be killed and restarted at any time (`scripts/soak.sh` does that), it
//! keeps a steady labeling load going for a set time: a requester opens a
//! task every few blocks, groups of annotators commit and reveal a label on
//! every item, the chain accepts, settles and closes. Then it waits until
//! every task has closed and checks, from the finalized blocks' events alone:
//! every committed label settled or was refunded; every task's budget went
//! to rewards, protocol fees, experts and refunds; every account's balance
//! moved by exactly what its events say; no call failed; and finality never
//! stalled longer than the bound. Everything is driven from finalized blocks,
//! so a validator's death loses at most transactions in its pool, which are
//! sent again (the same bytes, so never twice).
//!
//!   scripts/soak.sh      # starts the validators, kills them in turn, runs this

mod actors;
mod books;
mod network;
mod observe;

use std::{
	collections::{BTreeMap, BTreeSet},
	path::PathBuf,
	time::{Duration, Instant},
};

use anyhow::Context;
use clap::Parser;
use labelchain_client::{
	accounts::{account_of, key_from_spec},
	amount::UNIT,
	ipfs::raw_cid,
	node::Config,
	runtime::{
		self,
		runtime_types::{
			bounded_collections::bounded_vec::BoundedVec,
			labelchain_primitives::{reputation::Tier, task::AssignmentMode},
			labelchain_runtime::RuntimeCall,
			pallet_balances::pallet::Call as BalancesCall,
			pallet_tasks::types::TaskSpec,
			sp_arithmetic::per_things::Perbill,
		},
	},
};
use subxt::{
	config::DefaultExtrinsicParamsBuilder,
	transactions::Payload,
	utils::{AccountId32, MultiAddress, H256},
	OnlineClientAtBlock,
};
use subxt_signer::{sr25519::Keypair, DeriveJunction};

use crate::{
	actors::{Action, Actor, Outcome},
	books::{Books, Seen},
	network::{Endpoints, FinalityWatch},
};

#[derive(Parser, Debug)]
#[command(about = "Keeps a labeling load on a LabelChain network under faults, then checks its books")]
struct Args {
	/// A validator's RPC address; give each validator's.
	#[arg(long = "url", required = true)]
	urls: Vec<String>,
	/// How long to keep opening tasks.
	#[arg(long, default_value_t = 120)]
	load_seconds: u64,
	/// How long, after the load, every task may take to close.
	#[arg(long, default_value_t = 1_500)]
	drain_seconds: u64,
	/// Annotators, in groups of `redundancy`; each task goes to the next group.
	#[arg(long, default_value_t = 12)]
	annotators: u32,
	#[arg(long, default_value_t = 3)]
	redundancy: u8,
	/// Annotators (the first ones, in the first task's group) who give the
	/// wrong label on every fourth item: charged for disagreeing (a slash),
	/// or their items disputed and settled by the expert (paid from the
	/// dispute budget), which the books must follow.
	#[arg(long, default_value_t = 1)]
	contrarian: u32,
	/// Annotators (the first ones) who commit and never reveal: their labels
	/// settle unrevealed, after the reveal window, and they are slashed.
	#[arg(long, default_value_t = 0)]
	forgetful: u32,
	/// Items per task (at most the runtime's `MaxBatch`: one batch each).
	#[arg(long, default_value_t = 32)]
	items: u32,
	/// Finalized blocks between the requester's tasks (at least: each waits
	/// for the last one to be final).
	#[arg(long, default_value_t = 2)]
	task_every: u64,
	/// Finalized blocks after which a transaction not yet included is sent again.
	#[arg(long, default_value_t = 4)]
	resend_after: u64,
	/// The longest time finality may stall, in seconds, for the run to pass.
	#[arg(long)]
	stall_bound: u64,
	/// Opens the tasks (a funded account).
	#[arg(long, default_value = "//Eve")]
	requester: String,
	/// Funds the annotators and, as an expert, settles disputed items (one
	/// of the dev chain's two experts).
	#[arg(long, default_value = "//Ferdie")]
	funder: String,
	/// Also write the figures here as JSON.
	#[arg(long)]
	json: Option<PathBuf>,
}

/// Each annotator is given this and bonds half: stake for hundreds of labels
/// in flight (each locks `StakePerLabel`, 1 LBL) and fees for the run.
const FUNDING: u128 = 10_000 * UNIT;
const BOND: u128 = 5_000 * UNIT;
/// Per accepted label; the budget adds the protocol fee.
const REWARD_PER_LABEL: u128 = UNIT / 100;

/// Where the soak is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
	/// Funding and bonding the annotators.
	Setup,
	/// Opening tasks, since the instant given.
	Load(Instant),
	/// No new tasks; waiting for every one to close, since the instant given.
	Drain(Instant),
}

/// The soak's state between ticks.
struct Soak {
	args: Args,
	funder: Actor,
	requester: Actor,
	annotators: Vec<Actor>,
	books: Books,
	/// The last finalized block read into the books.
	processed: u64,
	stage: Stage,
	/// The group each task went to, by task.
	groups: BTreeMap<u32, usize>,
	/// Tasks whose reveals were asked for.
	revealing: BTreeSet<u32>,
	/// Annotators the funder's batch reached.
	funded: usize,
	tasks_created: usize,
	last_task_at: u64,
	sends: u64,
	resends: u64,
	load_seconds: f64,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
	let args = Args::parse();
	anyhow::ensure!(args.redundancy >= 1, "redundancy is at least 1");
	anyhow::ensure!(
		args.annotators >= u32::from(args.redundancy),
		"{} annotators cannot make a group of {}",
		args.annotators,
		args.redundancy
	);
	let watch = FinalityWatch::start(args.urls.clone());
	let mut endpoints = Endpoints::new(args.urls.clone());
	let node = endpoints.node().await?.clone();
	let at = node.api.at_current_block().await.context("the finalized block")?;
	let max_batch = at.constants().entry(runtime::constants().label_voting().max_batch())?;
	anyhow::ensure!(args.items >= 1 && args.items <= max_batch, "--items is 1 to {max_batch} (one batch)");
	let treasury = at.constants().entry(runtime::constants().tasks().treasury())?;

	let root = Keypair::from_uri(&"//LabelchainSoak".parse()?)?;
	let annotators: Vec<Actor> = (0..u64::from(args.annotators))
		.map(|index| Actor::new(root.derive([DeriveJunction::hard("annotator"), DeriveJunction::hard(index)])))
		.collect();
	let mut funder = Actor::new(key_from_spec(&args.funder)?);
	funder.queue.push_back(Action::Fund);
	let requester = Actor::new(key_from_spec(&args.requester)?);

	let start = at.block_number();
	let tracked: Vec<AccountId32> = [funder.account, requester.account, treasury]
		.into_iter()
		.chain(annotators.iter().map(|actor| actor.account))
		.collect();
	let before = balances(&at, &tracked).await?;
	eprintln!("soak: from finalized block #{start}, {} annotators", annotators.len());

	let mut soak = Soak {
		args,
		funder,
		requester,
		annotators,
		books: Books::new(treasury),
		processed: start,
		stage: Stage::Setup,
		groups: BTreeMap::new(),
		revealing: BTreeSet::new(),
		funded: 0,
		tasks_created: 0,
		last_task_at: 0,
		sends: 0,
		resends: 0,
		load_seconds: 0.0,
	};
	let mut last_progress = Instant::now();
	loop {
		match soak.tick(&mut endpoints).await {
			Ok(true) => break,
			Ok(false) => {},
			Err(error) => endpoints.drop_current(&error),
		}
		if let Stage::Drain(since) = soak.stage {
			if since.elapsed() > Duration::from_secs(soak.args.drain_seconds) {
				eprintln!("soak: the tasks did not all close within {} s of the load's end", soak.args.drain_seconds);
				break;
			}
		}
		if last_progress.elapsed() > Duration::from_secs(60) {
			last_progress = Instant::now();
			soak.progress();
		}
		tokio::time::sleep(Duration::from_secs(1)).await;
	}

	let node = endpoints.node().await?;
	let at = node.api.at_block(soak.processed).await.context("the last block read")?;
	let after = balances(&at, &tracked).await?;
	let changes: BTreeMap<AccountId32, i128> =
		tracked.iter().map(|who| (*who, after[who] as i128 - before[who] as i128)).collect();
	let finality = watch.record();
	let passed = soak.report(&changes, &finality, endpoints.switches, start)?;
	anyhow::ensure!(passed, "the soak's checks failed (above)");
	Ok(())
}

impl Soak {
	/// Reads the newly finalized blocks and moves every account on; `true`
	/// once the drain is over.
	async fn tick(&mut self, endpoints: &mut Endpoints) -> anyhow::Result<bool> {
		let node = endpoints.node().await?;
		let finalized = network::finalized(&node.rpc).await?;
		while self.processed < finalized {
			let number = self.processed + 1;
			for seen in observe::block(node, number).await? {
				self.books.record(seen.clone());
				self.react(&seen);
			}
			self.processed = number;
		}
		self.advance_stage();
		let at = node.api.at_block(self.processed).await?;
		let resend_after = self.args.resend_after;
		let context = SignContext {
			now: self.processed,
			items: self.args.items,
			redundancy: self.args.redundancy,
			annotators: self.annotators.iter().map(|actor| actor.account).collect(),
			contrarian: self.args.contrarian as usize,
		};
		let mut outcomes = Vec::new();
		let actors = [&mut self.funder, &mut self.requester].into_iter().chain(self.annotators.iter_mut());
		for actor in actors {
			if actor.idle() {
				continue;
			}
			let nonce = nonce_of(&at, &actor.account).await?;
			let sign = |action: Action, key: &Keypair, nonce: u64| context.sign(&at, action, key, nonce);
			outcomes.push(actor.step(node, nonce, context.now, resend_after, sign).await?);
		}
		for outcome in outcomes {
			match outcome {
				Outcome::Nothing => {},
				Outcome::Sent => self.sends += 1,
				Outcome::Resent => self.resends += 1,
			}
		}
		Ok(matches!(self.stage, Stage::Drain(_)) && self.drained())
	}

	/// What the chain's events ask of the accounts next.
	fn react(&mut self, seen: &Seen) {
		match seen {
			Seen::Transfer { from, to, .. } if *from == self.funder.account => {
				if let Some(annotator) = self.annotators.iter_mut().find(|actor| actor.account == *to) {
					annotator.queue.push_back(Action::Bond);
					self.funded += 1;
				}
			},
			Seen::TaskCreated { task, requester, .. } if *requester == self.requester.account => {
				let group_count = self.annotators.len() / usize::from(self.args.redundancy);
				let group = self.tasks_created % group_count;
				self.tasks_created += 1;
				self.groups.insert(*task, group);
				let members = self.group(group);
				for annotator in &mut self.annotators[members] {
					annotator.queue.push_back(Action::Commit { task: *task });
				}
			},
			Seen::Disputed { task, item } if self.groups.contains_key(task) => {
				self.funder.queue.push_back(Action::Resolve { task: *task, item: *item });
			},
			Seen::RevealOpened { task, .. } => {
				let Some(group) = self.groups.get(task).copied() else { return };
				let opened = self.books.tasks.get(task).map_or(0, |book| book.reveals_opened.len());
				// Every item is open once all the group's commits are in.
				if opened == self.args.items as usize && self.revealing.insert(*task) {
					let forgetful = self.args.forgetful as usize;
					for index in self.group(group).filter(|index| *index >= forgetful) {
						self.annotators[index].queue.push_back(Action::Reveal { task: *task });
					}
				}
			},
			_ => {},
		}
	}

	/// The annotators of `group`, as indices.
	fn group(&self, group: usize) -> std::ops::Range<usize> {
		let r = usize::from(self.args.redundancy);
		group * r..(group + 1) * r
	}

	fn advance_stage(&mut self) {
		match self.stage {
			Stage::Setup => {
				let bonded = self.funded == self.annotators.len() && self.annotators.iter().all(Actor::idle);
				if bonded {
					eprintln!("soak: annotators funded and bonded at #{}; load starts", self.processed);
					self.stage = Stage::Load(Instant::now());
				}
			},
			Stage::Load(since) => {
				if since.elapsed() >= Duration::from_secs(self.args.load_seconds) {
					self.load_seconds = since.elapsed().as_secs_f64();
					eprintln!("soak: load over at #{}; waiting for every task to close", self.processed);
					self.stage = Stage::Drain(Instant::now());
				} else if self.requester.idle() && self.processed >= self.last_task_at + self.args.task_every {
					self.requester.queue.push_back(Action::CreateTask);
					self.last_task_at = self.processed;
				}
			},
			Stage::Drain(_) => {},
		}
	}

	/// Every task closed and nothing left to send.
	fn drained(&self) -> bool {
		self.requester.idle() &&
			self.funder.idle() &&
			self.annotators.iter().all(Actor::idle) &&
			self.books.tasks.values().all(|book| book.closed.is_some())
	}

	fn progress(&self) {
		let closed = self.books.tasks.values().filter(|book| book.closed.is_some()).count();
		eprintln!(
			"soak: #{} {:?}: {} tasks ({closed} closed), {} labels committed, {} settled items, {} resends",
			self.processed,
			match self.stage {
				Stage::Setup => "setup",
				Stage::Load(_) => "load",
				Stage::Drain(_) => "drain",
			},
			self.books.tasks.len(),
			self.books.committed.len(),
			self.books.settled.len(),
			self.resends
		);
	}

	/// Prints the figures and the checks; `true` if every check passed.
	fn report(
		&self,
		changes: &BTreeMap<AccountId32, i128>,
		finality: &network::FinalityRecord,
		switches: u64,
		start: u64,
	) -> anyhow::Result<bool> {
		let outcomes = self.books.label_outcomes();
		let committed = self.books.committed.len() as u64;
		let unbalanced = self.books.unbalanced_tasks();
		let unreconciled = self.books.unreconciled(changes);
		let open_tasks = self.books.tasks.values().filter(|book| book.closed.is_none()).count();
		let stall = finality.longest_stall.as_secs_f64();
		let labels_per_second = if self.load_seconds > 0.0 { committed as f64 / self.load_seconds } else { 0.0 };
		let slashed: u128 = self.books.slashed.values().sum();
		println!("| figure | value |");
		println!("|---|---:|");
		println!("| blocks read | #{start} to #{} |", self.processed);
		println!("| load | {:.0} s |", self.load_seconds);
		println!("| tasks opened (closed) | {} ({}) |", self.books.tasks.len(), self.books.tasks.len() - open_tasks);
		println!("| labels committed | {committed} ({labels_per_second:.2}/s over the load) |");
		println!(
			"| settled revealed / unrevealed / refunded | {} / {} / {} |",
			outcomes.settled_revealed, outcomes.settled_unrevealed, outcomes.refunded
		);
		println!("| transactions sent / sent again | {} / {} |", self.sends, self.resends);
		println!("| validators the soak moved to | {switches} |");
		println!("| longest finality stall | {stall:.0} s (bound {} s) |", self.args.stall_bound);
		println!("| items disputed (settled by the expert) | {} |", self.books.disputed);
		println!("| slashed | {} |", labelchain_client::amount::format_lbl(slashed));

		let mut checks = Vec::new();
		let mut check = |ok: bool, what: String| {
			println!("{} {what}", if ok { "ok:  " } else { "FAIL:" });
			checks.push(ok);
		};
		check(open_tasks == 0, format!("every task closed ({open_tasks} open)"));
		let outstanding = self.books.outstanding_labels();
		check(
			outcomes.outstanding == 0 && outcomes.lost == 0,
			format!(
				"every committed label settled or was refunded ({} outstanding, e.g. {:?}; {} missing from their item's votes)",
				outcomes.outstanding,
				outstanding.iter().take(3).collect::<Vec<_>>(),
				outcomes.lost
			),
		);
		check(
			unbalanced.is_empty(),
			format!("every task's budget = rewards + protocol fee + experts + refunds (off: {unbalanced:?})"),
		);
		check(
			unreconciled.is_empty(),
			format!(
				"every tracked account's balance moved by what its events say ({} accounts; off: {unreconciled:?})",
				changes.len()
			),
		);
		check(self.books.failures.is_empty(), format!("no call failed ({:?})", self.books.failures));
		check(self.books.unfollowed.is_empty(), format!("no unfollowed money event ({:?})", self.books.unfollowed));
		check(committed > 0, format!("labels were committed ({committed})"));
		check(
			stall <= self.args.stall_bound as f64,
			format!("finality never stalled over {} s (longest {stall:.0} s)", self.args.stall_bound),
		);
		if let Some(path) = &self.args.json {
			let figures = serde_json::json!({
				"first_block": start,
				"last_block": self.processed,
				"load_seconds": self.load_seconds,
				"tasks": self.books.tasks.len(),
				"labels_committed": committed,
				"labels_per_second": labels_per_second,
				"settled_revealed": outcomes.settled_revealed,
				"settled_unrevealed": outcomes.settled_unrevealed,
				"refunded": outcomes.refunded,
				"disputed": self.books.disputed,
				"slashed": slashed.to_string(),
				"sends": self.sends,
				"resends": self.resends,
				"switches": switches,
				"longest_finality_stall_seconds": stall,
				"stall_bound_seconds": self.args.stall_bound,
				"passed": checks.iter().all(|ok| *ok),
			});
			std::fs::write(path, serde_json::to_string_pretty(&figures)?)
				.with_context(|| format!("writing {}", path.display()))?;
		}
		Ok(checks.iter().all(|ok| *ok))
	}
}

/// Free plus reserved (held) balance of each account at `at`.
async fn balances(at: &OnlineClientAtBlock<Config>, accounts: &[AccountId32]) -> anyhow::Result<BTreeMap<AccountId32, u128>> {
	let mut totals = BTreeMap::new();
	for who in accounts {
		totals.insert(*who, account_state(at, who).await?.1);
	}
	Ok(totals)
}

async fn nonce_of(at: &OnlineClientAtBlock<Config>, who: &AccountId32) -> anyhow::Result<u64> {
	Ok(account_state(at, who).await?.0)
}

/// `who`'s nonce, and its free plus reserved (held) balance, at `at`.
async fn account_state(at: &OnlineClientAtBlock<Config>, who: &AccountId32) -> anyhow::Result<(u64, u128)> {
	let account = at.storage().fetch(runtime::storage().system().account(), (*who,)).await?.decode()?;
	Ok((u64::from(account.nonce), account.data.free + account.data.reserved))
}

/// An item's true label.
fn true_label(item: u32) -> u16 {
	(item % 2) as u16
}

/// The label an annotator gives an item (the true one; a contrarian's is
/// wrong on every fourth item: the soak tests the network and the books, not
/// the crowd) and the salt that seals it.
fn label_of(task: u32, item: u32, annotator: &AccountId32, contrarian: bool) -> (u16, [u8; 32]) {
	let salt = sp_crypto_hashing::blake2_256(&[&task.to_le_bytes()[..], &item.to_le_bytes(), &annotator.0].concat());
	let label = true_label(item);
	(if contrarian && item % 4 == 3 { 1 - label } else { label }, salt)
}

/// What signing an action needs besides the key.
struct SignContext {
	/// The last finalized block read.
	now: u64,
	items: u32,
	redundancy: u8,
	annotators: Vec<AccountId32>,
	/// The first this many annotators are contrarian.
	contrarian: usize,
}

impl SignContext {
	/// `action`'s transaction, signed by `key` with `nonce`, immortal.
	fn sign(&self, at: &OnlineClientAtBlock<Config>, action: Action, key: &Keypair, nonce: u64) -> anyhow::Result<Vec<u8>> {
		let who = account_of(key);
		let items = self.items;
		let contrarian = self.annotators.iter().take(self.contrarian).any(|annotator| *annotator == who);
		let labeled = |task: u32, item: u32| label_of(task, item, &who, contrarian);
		match action {
			Action::Fund => {
				let transfers = self
					.annotators
					.iter()
					.map(|annotator| {
						let dest = MultiAddress::<AccountId32, ()>::Id(*annotator);
						RuntimeCall::Balances(BalancesCall::transfer_keep_alive { dest, value: FUNDING })
					})
					.collect();
				signed(at, &runtime::tx().utility().batch_all(transfers), key, nonce)
			},
			Action::Bond => signed(at, &runtime::tx().annotator_stake().bond(BOND), key, nonce),
			Action::CreateTask => signed(at, &runtime::tx().tasks().create_task(self.task_spec()?), key, nonce),
			Action::Commit { task } => {
				let commits = (0..items)
					.map(|item| {
						let (label, salt) = labeled(task, item);
						let hash = labelchain_primitives::commitment::label_commitment(task, item, label, &salt, &who);
						(item, H256(hash.0))
					})
					.collect();
				signed(at, &runtime::tx().label_voting().commit_batch(task, BoundedVec(commits)), key, nonce)
			},
			Action::Reveal { task } => {
				let reveals = (0..items)
					.map(|item| {
						let (label, salt) = labeled(task, item);
						(item, label, salt)
					})
					.collect();
				signed(at, &runtime::tx().label_voting().reveal_batch(task, BoundedVec(reveals)), key, nonce)
			},
			Action::Resolve { task, item } => {
				let call = runtime::tx().label_voting().resolve_dispute(task, item, true_label(item));
				signed(at, &call, key, nonce)
			},
		}
	}

	fn task_spec(&self) -> anyhow::Result<TaskSpec> {
		Ok(TaskSpec {
			manifest: BoundedVec(raw_cid(b"labelchain soak").to_bytes()),
			item_count: self.items,
			class_count: 2,
			min_redundancy: self.redundancy,
			max_redundancy: self.redundancy,
			// Unanimous labels reach it from a newcomer's prior.
			target_accuracy: Perbill(600_000_000),
			reward_per_label: REWARD_PER_LABEL,
			dispute_budget: UNIT,
			deadline: u32::try_from(self.now)? + 100_000,
			min_tier: Tier::Newcomer,
			min_stake: 0,
			assignment: AssignmentMode::Open,
			domain: 0,
			gold_commitments: BoundedVec(Vec::new()),
		})
	}
}

fn signed<P: Payload>(at: &OnlineClientAtBlock<Config>, call: &P, key: &Keypair, nonce: u64) -> anyhow::Result<Vec<u8>> {
	let params = DefaultExtrinsicParamsBuilder::<Config>::new().nonce(nonce).immortal().build();
	Ok(at.tx().create_signable_offline(call, params)?.sign(key)?.into_encoded())
}
