//! The adversarial mix, through the real runtime, over several seeds: a
//! requester who commits both answers of its gold and reveals the false one
//! first, sybil farmers who build reputation on their own task and then vote
//! together against the truth, a claim spammer, a colluding minority, and an
//! idle expert, among honest annotators, an honest requester and an active
//! expert. Every run is played twice from the same seed: once with the
//! attacks, once with the same accounts behaving honestly (the
//! counterfactual). After every block every pallet's invariants hold and no
//! token was created or destroyed. At the end each role's net (everything
//! it owns, free and held, against its start) is compared with what it
//! would have had honestly.
//!
//! `cargo test --workspace --test adversarial_property -- --nocapture`
//! prints the table; `ADVERSARIAL_SEED=7 ADVERSARIAL_BLOCKS=1500` runs one
//! seed longer.

mod common;

use common::simulation::{check_invariants, dispatch, salt_of, Rng};

use frame_support::{traits::fungible::Inspect, BoundedVec};
use labelchain_primitives::{
	commitment::{gold_commitment, label_commitment},
	reputation::Tier,
	task::AssignmentMode,
};
use labelchain_runtime::{currency::UNIT, AccountId, Balances, Runtime, RuntimeCall, System};
use pallet_label_voting::{ItemPhase, ItemState, Items};
use sp_core::crypto::AccountId32;
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring;
use sp_runtime::Perbill;

use labelchain_primitives::cid::EXAMPLE_CID as MANIFEST_CID;

const ITEMS_PER_TASK: u32 = 12;
const CLASSES: u16 = 3;
const GOLD_PER_TASK: u32 = 2;
/// Items of the farm task: enough self-agreed labels for each sybil to
/// reach the weight cap.
const FARM_ITEMS: u32 = 60;
const GOLD_SALT: [u8; 32] = [5; 32];

/// Who an account is in the attack run. In the counterfactual run every
/// annotator labels as `Honest` does, the cheating requester's gold is
/// true, the farm is never planted, and both experts decide.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Role {
	/// Labels the truth nine times in ten, reveals, appeals a label it
	/// disagrees with.
	Honest,
	/// Two accounts that label every item they get with the same wrong
	/// answer.
	Colluder,
	/// Two sybils of the farm's requester: label its task alike to farm
	/// reputation, then vote together against the truth.
	Farmer,
	/// Claims items and never commits, to hold places and stall items.
	Spammer,
}

struct Annotator {
	account: AccountId,
	role: Role,
}

/// Everyone, and what each owned at the start.
struct World {
	honest_requester: AccountId,
	cheating_requester: AccountId,
	farm_requester: AccountId,
	active_expert: AccountId,
	idle_expert: AccountId,
	annotators: Vec<Annotator>,
}

/// Each role's net in LBL-units of the smallest unit, and the share of the
/// honest requester's settled items that are right.
#[derive(Clone, Copy, Debug, Default)]
struct Nets {
	honest_annotators: i128,
	colluders: i128,
	farmers: i128,
	spammer: i128,
	cheating_requester: i128,
	honest_requester: i128,
	idle_expert: i128,
	honest_requester_accuracy: f64,
	honest_requester_settled: usize,
}

fn voting(who: &AccountId, call: pallet_label_voting::Call<Runtime>) -> bool {
	dispatch(who, RuntimeCall::LabelVoting(call))
}

fn truth(task: u32, item: u32) -> u16 {
	((task.wrapping_mul(31) ^ item.wrapping_mul(17)) % u32::from(CLASSES)) as u16
}

/// The one wrong answer colluders agree on.
fn wrong(task: u32, item: u32) -> u16 {
	(truth(task, item) + 1) % CLASSES
}

fn worth(who: &AccountId) -> i128 {
	Balances::total_balance(who) as i128
}

fn spec(items: u32, redundancy: u8, deadline: u32, assignment: AssignmentMode, gold: Vec<sp_core::H256>) -> pallet_tasks::TaskSpec<Runtime> {
	pallet_tasks::TaskSpec::<Runtime> {
		manifest: BoundedVec::truncate_from(MANIFEST_CID.to_vec()),
		item_count: items,
		class_count: CLASSES,
		min_redundancy: redundancy,
		max_redundancy: redundancy,
		target_accuracy: Perbill::from_percent(60),
		reward_per_label: UNIT,
		dispute_budget: 50 * UNIT,
		deadline,
		min_tier: Tier::Newcomer,
		min_stake: 0,
		assignment,
		domain: 0,
		gold_commitments: BoundedVec::truncate_from(gold),
	}
}

/// A requester's labeling task: items 0 and 1 are gold. A cheater commits
/// both the true and a wrong answer for each (index `2g` true, `2g + 1`
/// wrong); an honest requester the true one (index `g`).
fn create_labeling_task(requester: &AccountId, task: u32, deadline: u32, cheating: bool) {
	let gold = (0..GOLD_PER_TASK)
		.flat_map(|item| {
			let true_answer = gold_commitment(item, truth(task, item), &GOLD_SALT);
			let false_answer = gold_commitment(item, wrong(task, item), &GOLD_SALT);
			if cheating { vec![true_answer, false_answer] } else { vec![true_answer] }
		})
		.collect();
	let spec = spec(ITEMS_PER_TASK, 3, deadline, AssignmentMode::Assigned, gold);
	assert!(dispatch(requester, RuntimeCall::Tasks(pallet_tasks::Call::create_task { spec })));
}

fn setup() -> World {
	let fund = |to: &AccountId| {
		assert!(dispatch(
			&Sr25519Keyring::Alice.to_account_id(),
			RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: to.clone().into(),
				value: 1_000 * UNIT,
			})
		));
	};
	let roles = [
		Role::Honest, Role::Honest, Role::Honest, Role::Honest, Role::Honest,
		Role::Colluder, Role::Colluder, Role::Farmer, Role::Farmer, Role::Spammer,
	];
	let annotators = roles
		.iter()
		.enumerate()
		.map(|(index, role)| {
			let account = AccountId32::new([index as u8 + 100; 32]);
			fund(&account);
			assert!(dispatch(
				&account,
				RuntimeCall::AnnotatorStake(pallet_annotator_stake::Call::bond { amount: 100 * UNIT })
			));
			Annotator { account, role: *role }
		})
		.collect();
	World {
		honest_requester: Sr25519Keyring::Alice.to_account_id(),
		cheating_requester: Sr25519Keyring::Bob.to_account_id(),
		farm_requester: Sr25519Keyring::Charlie.to_account_id(),
		active_expert: Sr25519Keyring::Eve.to_account_id(),
		idle_expert: Sr25519Keyring::Ferdie.to_account_id(),
		annotators,
	}
}

/// The label `annotator` commits on `item` now.
fn label_for(annotator: &Annotator, attack: bool, farming: bool, task: u32, item: u32, rng: &mut Rng) -> u16 {
	match (attack, annotator.role) {
		// On their own farm task, sybils agree on 0, whatever the item.
		(true, Role::Farmer) if farming => 0,
		(true, Role::Colluder | Role::Farmer) => wrong(task, item),
		_ if rng.chance(90) => truth(task, item),
		_ => rng.below(u64::from(CLASSES)) as u16,
	}
}

/// Commits on the items `who` holds a claim on and reveals where the window
/// is open.
fn commit_and_reveal(
	annotator: &Annotator,
	attack: bool,
	farming: bool,
	task: u32,
	item: u32,
	state: &ItemState<Runtime>,
	rng: &mut Rng,
) {
	let who = &annotator.account;
	if state.claims.iter().any(|claim| &claim.annotator == who) {
		if attack && annotator.role == Role::Spammer {
			return; // holds the place and lets the claim run out
		}
		let label = label_for(annotator, attack, farming, task, item, rng);
		let hash = label_commitment(task, item, label, &salt_of(who, task, item), who);
		voting(who, pallet_label_voting::Call::commit { task, item, hash });
	}
	let unrevealed = state.commits.iter().find(|commit| &commit.annotator == who && commit.revealed.is_none());
	if let (ItemPhase::Revealing { .. }, Some(commit)) = (&state.phase, unrevealed) {
		let salt = salt_of(who, task, item);
		let label = (0..CLASSES)
			.find(|label| label_commitment(task, item, *label, &salt, who) == commit.hash)
			.expect("committed one of the classes");
		voting(who, pallet_label_voting::Call::reveal { task, item, label, salt });
	}
}

/// One run of `blocks` blocks; `attack` chooses the attack run or its
/// honest counterfactual.
fn run(seed: u64, blocks: u32, attack: bool) -> Nets {
	let mut rng = Rng(seed.max(1));
	let mut nets = Nets::default();
	common::genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		let world = setup();
		let start: Vec<i128> = world.annotators.iter().map(|a| worth(&a.account)).collect();
		let parties = [
			&world.honest_requester,
			&world.cheating_requester,
			&world.farm_requester,
			&world.idle_expert,
		];
		let parties_start: Vec<i128> = parties.iter().map(|who| worth(who)).collect();
		let issuance = Balances::total_issuance();
		// (task, requester, cheating) of every labeling task; the farm's id.
		let mut labeling_tasks: Vec<(u32, AccountId, bool)> = Vec::new();
		let mut farm: Option<u32> = None;
		let mut next_task = 0u32;

		for block in 2..blocks {
			common::labeling_steps::run_block(block);
			if attack && block == 2 {
				let spec = spec(FARM_ITEMS, 2, block + 200, AssignmentMode::Open, Vec::new());
				assert!(dispatch(&world.farm_requester, RuntimeCall::Tasks(pallet_tasks::Call::create_task { spec })));
				farm = Some(next_task);
				next_task += 1;
			}
			if block % 60 == 3 {
				for (requester, cheating) in [(&world.honest_requester, false), (&world.cheating_requester, attack)] {
					create_labeling_task(requester, next_task, block + 250, cheating);
					labeling_tasks.push((next_task, requester.clone(), cheating));
					next_task += 1;
				}
			}

			// The farm: each sybil names every item it has not labeled.
			if let Some(farm) = farm {
				for sybil in world.annotators.iter().filter(|a| a.role == Role::Farmer) {
					for item in 0..FARM_ITEMS {
						let held = Items::<Runtime>::get(farm, item).is_some_and(|state| {
							state.claims.iter().any(|c| c.annotator == sybil.account) ||
								state.commits.iter().any(|c| c.annotator == sybil.account)
						});
						if !held && !pallet_label_voting::SettledItems::<Runtime>::contains_key(farm, item) {
							voting(&sybil.account, pallet_label_voting::Call::claim_item { task: farm, item });
						}
						if let Some(state) = Items::<Runtime>::get(farm, item) {
							commit_and_reveal(sybil, attack, true, farm, item, &state, &mut rng);
						}
					}
				}
			}

			let farming = |who: &Annotator| {
				attack && who.role == Role::Farmer && farm.is_some_and(|farm| {
					pallet_tasks::Tasks::<Runtime>::get(farm).is_some_and(|task| task.items_settled < FARM_ITEMS)
				})
			};
			for annotator in &world.annotators {
				if farming(annotator) || labeling_tasks.is_empty() {
					continue;
				}
				let claims = if attack && annotator.role == Role::Spammer { 90 } else { 40 };
				if rng.chance(claims) {
					let (task, _, _) = &labeling_tasks[rng.below(labeling_tasks.len() as u64) as usize];
					voting(&annotator.account, pallet_label_voting::Call::claim { task: *task });
				}
				for (task, _, _) in &labeling_tasks {
					for item in 0..ITEMS_PER_TASK {
						let Some(state) = Items::<Runtime>::get(task, item) else { continue };
						commit_and_reveal(annotator, attack, false, *task, item, &state, &mut rng);
						// An annotator appeals a label it disagrees with.
						if let ItemPhase::Accepted { label, .. } = state.phase {
							let own = state.commits.iter().find(|c| c.annotator == annotator.account).and_then(|c| c.revealed);
							let honest = !attack || annotator.role == Role::Honest;
							if honest && own.is_some_and(|own| own != label) && rng.chance(30) {
								voting(&annotator.account, pallet_label_voting::Call::appeal { task: *task, item });
							}
						}
					}
				}
			}

			for (task, requester, cheating) in &labeling_tasks {
				let task = *task;
				for item in 0..ITEMS_PER_TASK {
					let Some(state) = Items::<Runtime>::get(task, item) else { continue };
					// The pallet's own rule of when gold may be revealed.
					if item < GOLD_PER_TASK && state.takes_gold_answer() {
						// The cheater reveals the false answer, then (a block
						// later) the true one too; the honest requester the true.
						let (gold_index, answer) = match (cheating, state.gold) {
							(true, None) => (2 * item + 1, wrong(task, item)),
							(true, Some(_)) => (2 * item, truth(task, item)),
							(false, _) => (item, truth(task, item)),
						};
						if *cheating || state.gold.is_none() {
							voting(requester, pallet_label_voting::Call::reveal_gold {
								task, item, gold_index, answer, salt: GOLD_SALT,
							});
						}
					}
					let right = truth(task, item);
					let mut experts = vec![&world.active_expert];
					if !attack {
						experts.push(&world.idle_expert);
					}
					for expert in experts {
						if !rng.chance(50) {
							continue;
						}
						match state.phase {
							ItemPhase::Disputed { .. } =>
								voting(expert, pallet_label_voting::Call::resolve_dispute { task, item, label: right }),
							ItemPhase::Appealed { .. } =>
								voting(expert, pallet_label_voting::Call::decide_appeal { task, item, label: right }),
							_ => false,
						};
					}
					voting(requester, pallet_label_voting::Call::finalize_item { task, item });
				}
				dispatch(requester, RuntimeCall::Tasks(pallet_tasks::Call::close_task { task }));
			}
			check_invariants(issuance, block);
		}

		let net_of = |role: Role| -> i128 {
			world
				.annotators
				.iter()
				.zip(&start)
				.filter(|(annotator, _)| annotator.role == role)
				.map(|(annotator, start)| worth(&annotator.account) - start)
				.sum()
		};
		let party = |index: usize| worth(parties[index]) - parties_start[index];
		let honest_count = world.annotators.iter().filter(|a| a.role == Role::Honest).count() as i128;
		let honest_settled: Vec<bool> = labeling_tasks
			.iter()
			.filter(|(_, requester, _)| requester == &world.honest_requester)
			.flat_map(|(task, _, _)| {
				pallet_label_voting::SettledItems::<Runtime>::iter_prefix(task)
					.map(|(item, record)| record.label == truth(*task, item))
					.collect::<Vec<_>>()
			})
			.collect();
		nets = Nets {
			honest_annotators: net_of(Role::Honest) / honest_count,
			colluders: net_of(Role::Colluder),
			// The sybils and the requester whose task they farmed are one party.
			farmers: net_of(Role::Farmer) + party(2),
			spammer: net_of(Role::Spammer),
			cheating_requester: party(1),
			honest_requester: party(0),
			idle_expert: party(3),
			honest_requester_accuracy: honest_settled.iter().filter(|right| **right).count() as f64 /
				honest_settled.len().max(1) as f64,
			honest_requester_settled: honest_settled.len(),
		};
		assert!(System::block_number() > 2);
	});
	nets
}

fn lbl(amount: i128) -> f64 {
	amount as f64 / UNIT as f64
}

#[test]
fn every_attacker_ends_behind_its_honest_counterfactual() {
	let seeds: Vec<u64> = match std::env::var("ADVERSARIAL_SEED").ok().and_then(|s| s.parse().ok()) {
		Some(seed) => vec![seed],
		None => (2026..=2029).collect(),
	};
	let blocks: u32 = std::env::var("ADVERSARIAL_BLOCKS").ok().and_then(|s| s.parse().ok()).unwrap_or(400);
	let runs: Vec<(Nets, Nets)> = seeds.iter().map(|seed| (run(*seed, blocks, true), run(*seed, blocks, false))).collect();
	let mean = |pick: &dyn Fn(&Nets) -> i128, attack: bool| {
		runs.iter().map(|(a, h)| pick(if attack { a } else { h })).sum::<i128>() / runs.len() as i128
	};
	let roles: [(&str, &dyn Fn(&Nets) -> i128); 7] = [
		("honest annotator (each)", &|n| n.honest_annotators),
		("honest requester", &|n| n.honest_requester),
		("false and duplicate gold requester", &|n| n.cheating_requester),
		("sybil farmers (2 and their requester)", &|n| n.farmers),
		("colluding minority (2)", &|n| n.colluders),
		("claim spammer", &|n| n.spammer),
		("idle expert", &|n| n.idle_expert),
	];
	println!("{} seeds of {blocks} blocks; net LBL, mean over seeds:", seeds.len());
	println!("| role | attack run | honest counterfactual |");
	println!("|---|---:|---:|");
	for (name, pick) in &roles {
		println!("| {name} | {:+.2} | {:+.2} |", lbl(mean(*pick, true)), lbl(mean(*pick, false)));
	}
	for (seed, (attack, honest)) in seeds.iter().zip(&runs) {
		println!(
			"seed {seed}: honest requester's settled items right {:.3} of {} (counterfactual {:.3} of {})",
			attack.honest_requester_accuracy,
			attack.honest_requester_settled,
			honest.honest_requester_accuracy,
			honest.honest_requester_settled,
		);
	}
	assert!(mean(&|n| n.honest_annotators, true) > 0, "honest annotators must end ahead");
	for (name, pick) in &roles[2..] {
		assert!(
			mean(*pick, true) < mean(*pick, false),
			"{name}: {:+.2} LBL attacking, {:+.2} honestly",
			lbl(mean(*pick, true)),
			lbl(mean(*pick, false)),
		);
	}
	// The honest requester's data: at least as right as one careful
	// annotator (nine in ten), attacks and all.
	for (attack, _) in &runs {
		assert!(attack.honest_requester_settled > 0, "nothing of the honest requester's settled");
		assert!(attack.honest_requester_accuracy >= 0.9, "{attack:?}");
	}
}
