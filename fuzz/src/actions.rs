//! One step of a run: the input chooses an action, an actor and arguments,
//! biased towards calls that can succeed (tasks and items that exist, labels
//! in range, commitments that open) so that a run gets deep into the
//! protocol, with the edges that break rules mixed in.

use frame_support::BoundedVec;
use labelchain_primitives::{
	cid::EXAMPLE_CID,
	commitment::{gold_commitment, label_commitment},
	reputation::Tier,
	task::AssignmentMode,
};
use labelchain_runtime::{currency::UNIT, AccountId, Runtime, RuntimeCall, RuntimeOrigin, System};
use pallet_label_voting::{Call as Voting, ItemPhase, Items};
use pallet_tasks::Call as Tasks;
use sp_runtime::Perbill;

use crate::{
	checks::Outcome,
	input::Input,
	world::{KnownTask, World, GOLD_SALT},
};

/// The actions a step can take.
const ACTIONS: u8 = 24;

/// Takes one step; `false` once the input is spent.
pub fn step(world: &mut World, input: &mut Input, outcome: &mut Outcome, issuance: u128) -> bool {
	let Some(choice) = input.byte() else { return false };
	match choice % ACTIONS {
		0 => transfer(world, input, outcome),
		1 => stake(world, input, outcome),
		2 => create_task(world, input, outcome),
		3 => manage_task(world, input, outcome),
		4 | 5 => claim(world, input, outcome),
		6..=8 => commit(world, input, outcome),
		9..=11 => reveal(world, input, outcome),
		12 => commit_and_reveal(world, input, outcome),
		13 => commit_batch(world, input, outcome),
		14 => reveal_batch(world, input, outcome),
		15 | 16 => finalize(world, input, outcome),
		17 => appeal(world, input, outcome),
		18 => decide(world, input, outcome),
		19 => reveal_gold(world, input, outcome),
		20 => root(input, outcome),
		_ => {
			// Time passes: a few blocks mostly, now and then long enough for
			// deadlines, appeal windows and claim timeouts to run out.
			let blocks = match (input.next(), input.next()) {
				(0..=229, pick) => 1 + u32::from(pick % 4),
				// Past reveal and appeal windows and most task deadlines.
				(230..=254, pick) => 10 + u32::from(pick % 50),
				// Past the expert timeout (7,200 blocks): rare, as every
				// block is checked.
				(_, 192..=255) => 7_250,
				(_, pick) => 100 + u32::from(pick),
			};
			for _ in 0..blocks {
				outcome.next_block(issuance);
			}
		},
	}
	true
}

fn signed(who: &AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.clone())
}

fn actor(world: &World, input: &mut Input, usual: &[AccountId]) -> AccountId {
	if input.chance(90) {
		if let Some(who) = input.pick(usual) {
			return who.clone();
		}
	}
	let everyone = world.everyone();
	input.pick(&everyone).cloned().expect("there are accounts")
}

/// A task the fuzzer created, mostly; now and then an id nobody created.
fn task(world: &World, input: &mut Input) -> (u32, Option<KnownTask>) {
	if input.chance(95) {
		if let Some(known) = input.pick(&world.tasks) {
			return (known.id, Some(known.clone()));
		}
	}
	let id = input.number_in(0..=8);
	(id, world.task(id).cloned())
}

fn item(input: &mut Input, task: &Option<KnownTask>) -> u32 {
	let items = task.as_ref().map_or(4, |task| task.items);
	input.number_in(0..=items.saturating_sub(1))
}

fn label(input: &mut Input, task: &Option<KnownTask>) -> u16 {
	let classes = task.as_ref().map_or(2, |task| task.classes);
	if input.chance(95) {
		(input.below(usize::from(classes))) as u16
	} else {
		classes.saturating_add(u16::from(input.next()))
	}
}

fn transfer(world: &World, input: &mut Input, outcome: &mut Outcome) {
	let everyone = world.everyone();
	let from = input.pick(&everyone).cloned().expect("there are accounts");
	let dest = input.pick(&everyone).cloned().expect("there are accounts");
	let value = input.amount(UNIT);
	let call = if input.chance(50) {
		pallet_balances::Call::transfer_keep_alive { dest: dest.into(), value }
	} else {
		pallet_balances::Call::transfer_allow_death { dest: dest.into(), value }
	};
	outcome.dispatch(signed(&from), RuntimeCall::Balances(call));
}

fn stake(world: &World, input: &mut Input, outcome: &mut Outcome) {
	let who = actor(world, input, &world.annotators);
	let amount = input.amount(UNIT);
	let call = match input.next() % 3 {
		0 => pallet_annotator_stake::Call::bond { amount },
		1 => pallet_annotator_stake::Call::unbond { amount },
		_ => pallet_annotator_stake::Call::withdraw {},
	};
	outcome.dispatch(signed(&who), RuntimeCall::AnnotatorStake(call));
}

fn create_task(world: &mut World, input: &mut Input, outcome: &mut Outcome) {
	let requester = actor(world, input, &world.requesters);
	let items = input.number_in(1..=12);
	let classes = match input.next() {
		0..=149 => 2,
		150..=219 => 3 + u16::from(input.next() % 6),
		220..=239 => 9 + u16::from(input.next() % 8),
		_ => u16::from(input.next() % 2),
	};
	let min_redundancy = 1 + input.next() % 4;
	let max_redundancy = min_redundancy.saturating_add(input.next() % 3);
	let gold_count = if items <= 64 { input.below(items.min(4) as usize + 1) as u32 } else { 0 };
	let gold: Vec<(u32, u16)> =
		(0..gold_count).map(|index| (index * 2 % items.max(1), (input.below(usize::from(classes.max(1)))) as u16)).collect();
	let now = System::block_number();
	let spec = pallet_tasks::TaskSpec::<Runtime> {
		manifest: BoundedVec::truncate_from(EXAMPLE_CID.to_vec()),
		item_count: items,
		class_count: classes,
		min_redundancy,
		max_redundancy,
		target_accuracy: Perbill::from_percent(50 + u32::from(input.next() % 50)),
		reward_per_label: input.amount(UNIT / 10),
		dispute_budget: input.amount(UNIT),
		deadline: now.saturating_add(input.number_in(5..=400)),
		min_tier: if input.chance(90) { Tier::Newcomer } else { Tier::Qualified },
		min_stake: 0,
		assignment: if input.chance(50) { AssignmentMode::Open } else { AssignmentMode::Assigned },
		domain: u32::from(input.next() % 2),
		gold_commitments: BoundedVec::truncate_from(
			gold.iter().map(|(item, answer)| gold_commitment(*item, *answer, &GOLD_SALT)).collect(),
		),
	};
	let id = pallet_tasks::NextTaskId::<Runtime>::get();
	if outcome.dispatch(signed(&requester), RuntimeCall::Tasks(Tasks::create_task { spec })) {
		world.tasks.push(KnownTask { id, requester, items, classes, gold });
	}
}

fn manage_task(world: &World, input: &mut Input, outcome: &mut Outcome) {
	let (id, known) = task(world, input);
	let owner = known.as_ref().map(|task| task.requester.clone());
	let who = match owner {
		Some(owner) if input.chance(85) => owner,
		_ => actor(world, input, &world.requesters),
	};
	let call = match input.next() % 4 {
		0 => Tasks::top_up { task: id, amount: input.amount(UNIT) },
		1 => Tasks::extend_deadline { task: id, deadline: System::block_number().saturating_add(input.number_in(0..=400)) },
		2 => Tasks::cancel_task { task: id },
		_ => Tasks::close_task { task: id },
	};
	outcome.dispatch(signed(&who), RuntimeCall::Tasks(call));
}

fn claim(world: &World, input: &mut Input, outcome: &mut Outcome) {
	let who = actor(world, input, &world.annotators);
	let (id, known) = task(world, input);
	let call = if input.chance(50) {
		Voting::claim { task: id }
	} else {
		Voting::claim_item { task: id, item: item(input, &known) }
	};
	outcome.dispatch(signed(&who), RuntimeCall::LabelVoting(call));
}

/// A commitment of `who` to a label on `item`: the right hash for the label
/// remembered, or now and then one that opens to nothing.
fn seal(world: &mut World, input: &mut Input, who: &AccountId, id: u32, item: u32, known: &Option<KnownTask>) -> sp_core::H256 {
	let label = label(input, known);
	if input.chance(5) {
		return sp_core::H256::repeat_byte(input.next());
	}
	world.commitments.insert((who.clone(), id, item), label);
	label_commitment(id, item, label, &World::salt(who, id, item), who)
}

fn commit(world: &mut World, input: &mut Input, outcome: &mut Outcome) {
	let who = actor(world, input, &world.annotators.clone());
	let (id, known) = task(world, input);
	let item = item(input, &known);
	let hash = seal(world, input, &who, id, item, &known);
	outcome.dispatch(signed(&who), RuntimeCall::LabelVoting(Voting::commit { task: id, item, hash }));
}

/// What `who` would reveal on `item`: the label and salt of its commitment,
/// or now and then a wrong label.
fn opening(world: &World, input: &mut Input, who: &AccountId, id: u32, item: u32, known: &Option<KnownTask>) -> (u16, [u8; 32]) {
	let remembered = world.commitments.get(&(who.clone(), id, item)).copied();
	let label = match remembered {
		Some(label) if input.chance(95) => label,
		_ => label(input, known),
	};
	(label, World::salt(who, id, item))
}

/// An item of `id` where one of `candidates` has a commitment to open, if
/// any: reveals mostly go where they can.
fn revealable(input: &mut Input, id: u32, candidates: &[AccountId]) -> Option<(AccountId, u32)> {
	input.pick(&awaiting_reveals(id, candidates)).cloned()
}

/// Every (annotator, item) of `id` where one of `candidates` has a
/// commitment still to open, in item order.
fn awaiting_reveals(id: u32, candidates: &[AccountId]) -> Vec<(AccountId, u32)> {
	Items::<Runtime>::iter_prefix(id)
		.filter(|(_, state)| matches!(state.phase, ItemPhase::Revealing { .. }))
		.flat_map(|(item, state)| {
			state
				.commits
				.iter()
				.filter(|commit| commit.revealed.is_none() && candidates.contains(&commit.annotator))
				.map(|commit| (commit.annotator.clone(), item))
				.collect::<Vec<_>>()
		})
		.collect()
}

fn reveal(world: &mut World, input: &mut Input, outcome: &mut Outcome) {
	let (id, known) = task(world, input);
	let (who, item) = match revealable(input, id, &world.annotators) {
		Some(found) if input.chance(90) => found,
		_ => (actor(world, input, &world.annotators), item(input, &known)),
	};
	let (label, salt) = opening(world, input, &who, id, item, &known);
	outcome.dispatch(signed(&who), RuntimeCall::LabelVoting(Voting::reveal { task: id, item, label, salt }));
}

fn commit_and_reveal(world: &mut World, input: &mut Input, outcome: &mut Outcome) {
	let (id, known) = task(world, input);
	let (who, reveal_item) = match revealable(input, id, &world.annotators) {
		Some(found) => found,
		None => (actor(world, input, &world.annotators), item(input, &known)),
	};
	let (label, salt) = opening(world, input, &who, id, reveal_item, &known);
	let commit_item = item(input, &known);
	let hash = seal(world, input, &who, id, commit_item, &known);
	let call = Voting::commit_and_reveal { task: id, commit_item, hash, reveal_item, label, salt };
	outcome.dispatch(signed(&who), RuntimeCall::LabelVoting(call));
}

fn commit_batch(world: &mut World, input: &mut Input, outcome: &mut Outcome) {
	let who = actor(world, input, &world.annotators.clone());
	let (id, known) = task(world, input);
	let count = input.number_in(1..=8);
	let first = item(input, &known);
	let commits: Vec<(u32, sp_core::H256)> = (0..count.min(70))
		.map(|offset| {
			let item = first.saturating_add(offset);
			(item, seal(world, input, &who, id, item, &known))
		})
		.collect();
	let commits = BoundedVec::truncate_from(commits);
	outcome.dispatch(signed(&who), RuntimeCall::LabelVoting(Voting::commit_batch { task: id, commits }));
}

fn reveal_batch(world: &mut World, input: &mut Input, outcome: &mut Outcome) {
	let (id, known) = task(world, input);
	let awaiting = awaiting_reveals(id, &world.annotators);
	let Some((who, _)) = input.pick(&awaiting).cloned() else {
		let who = actor(world, input, &world.annotators);
		let item = item(input, &known);
		let (label, salt) = opening(world, input, &who, id, item, &known);
		let reveals = BoundedVec::truncate_from(vec![(item, label, salt)]);
		outcome.dispatch(signed(&who), RuntimeCall::LabelVoting(Voting::reveal_batch { task: id, reveals }));
		return;
	};
	let mine: Vec<u32> = awaiting.iter().filter(|(annotator, _)| *annotator == who).map(|(_, item)| *item).collect();
	let reveals: Vec<(u32, u16, [u8; 32])> = mine
		.iter()
		.map(|item| {
			let (label, salt) = opening(world, input, &who, id, *item, &known);
			(*item, label, salt)
		})
		.collect();
	let reveals = BoundedVec::truncate_from(reveals);
	outcome.dispatch(signed(&who), RuntimeCall::LabelVoting(Voting::reveal_batch { task: id, reveals }));
}

fn finalize(world: &World, input: &mut Input, outcome: &mut Outcome) {
	let who = actor(world, input, &world.everyone());
	let (id, known) = task(world, input);
	let call = if input.chance(50) {
		Voting::finalize_item { task: id, item: item(input, &known) }
	} else {
		let items: Vec<u32> = Items::<Runtime>::iter_key_prefix(id).take(16).collect();
		let items = if items.is_empty() || input.chance(10) { vec![item(input, &known)] } else { items };
		Voting::finalize_items { task: id, items: BoundedVec::truncate_from(items) }
	};
	outcome.dispatch(signed(&who), RuntimeCall::LabelVoting(call));
}

fn appeal(world: &World, input: &mut Input, outcome: &mut Outcome) {
	let (id, known) = task(world, input);
	let accepted: Vec<(u32, Vec<AccountId>)> = Items::<Runtime>::iter_prefix(id)
		.filter(|(_, state)| matches!(state.phase, ItemPhase::Accepted { .. }))
		.map(|(item, state)| (item, state.commits.iter().map(|commit| commit.annotator.clone()).collect()))
		.collect();
	let (item, who) = match input.pick(&accepted) {
		Some((item, annotators)) if input.chance(90) => (*item, actor(world, input, annotators)),
		_ => (item(input, &known), actor(world, input, &world.annotators)),
	};
	outcome.dispatch(signed(&who), RuntimeCall::LabelVoting(Voting::appeal { task: id, item }));
}

fn decide(world: &World, input: &mut Input, outcome: &mut Outcome) {
	let (id, known) = task(world, input);
	let waiting: Vec<u32> = Items::<Runtime>::iter_prefix(id)
		.filter(|(_, state)| matches!(state.phase, ItemPhase::Disputed { .. } | ItemPhase::Appealed { .. }))
		.map(|(item, _)| item)
		.collect();
	let item = match input.pick(&waiting) {
		Some(item) if input.chance(90) => *item,
		_ => item(input, &known),
	};
	let who = actor(world, input, &world.experts);
	let label = label(input, &known);
	let call = if input.chance(50) {
		Voting::resolve_dispute { task: id, item, label }
	} else {
		Voting::decide_appeal { task: id, item, label }
	};
	outcome.dispatch(signed(&who), RuntimeCall::LabelVoting(call));
}

fn reveal_gold(world: &World, input: &mut Input, outcome: &mut Outcome) {
	let (id, known) = task(world, input);
	let Some(known) = known else {
		let who = actor(world, input, &world.requesters);
		let call = Voting::reveal_gold { task: id, item: 0, gold_index: 0, answer: 0, salt: GOLD_SALT };
		outcome.dispatch(signed(&who), RuntimeCall::LabelVoting(call));
		return;
	};
	let Some(index) = (!known.gold.is_empty()).then(|| input.below(known.gold.len())) else { return };
	let (item, answer) = known.gold[index];
	let answer = if input.chance(90) { answer } else { label(input, &Some(known.clone())) };
	let who = if input.chance(90) { known.requester.clone() } else { actor(world, input, &world.requesters) };
	let call = Voting::reveal_gold { task: id, item, gold_index: index as u32, answer, salt: GOLD_SALT };
	outcome.dispatch(signed(&who), RuntimeCall::LabelVoting(call));
}

/// Governance now and then: the minimum stake moves.
fn root(input: &mut Input, outcome: &mut Outcome) {
	let amount = input.amount(UNIT);
	let call = RuntimeCall::AnnotatorStake(pallet_annotator_stake::Call::set_minimum_stake { amount });
	outcome.dispatch(RuntimeOrigin::root(), call);
}
