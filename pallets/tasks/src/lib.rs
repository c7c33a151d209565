#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::{BudgetQuote, Escrow, GoldBonds, StatusCounts, TaskInfo, TaskSpec};
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod impls;
pub mod migrations;
mod pruning;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;
pub mod types;
pub mod weights;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Inspect, Mutate, MutateHold},
	};
	use frame_system::pallet_prelude::*;
	use labelchain_primitives::{cid::is_binary_cid_v1, task::{GoldCommitment, TaskId, TaskStatus}, traits::TaskWorkingStorage};
	use frame_support::weights::WeightMeter;
	use sp_runtime::{
		traits::{CheckedAdd, CheckedMul, One, Saturating, Zero},
		Perbill,
	};

	pub type BalanceOf<T> =
		<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

	/// The layout of this pallet's storage. Version 1 is the first one
	/// declared (spec 117); a change of layout bumps it and comes with its
	/// migration (`migrations`). Version 2 (spec 121): adaptive redundancy's
	/// `min_redundancy` and `max_redundancy` in a task's terms. Version 3
	/// (spec 128): `LiveTaskCounts`, counted once by a multi-block migration.
	pub const STORAGE_VERSION: frame_support::traits::StorageVersion =
		frame_support::traits::StorageVersion::new(3);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The token budgets are paid in; escrow is a hold on the requester's balance.
		type Currency: Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Longest manifest CID, in bytes.
		#[pallet::constant]
		type MaxCidLength: Get<u32>;

		/// Most items a task may have.
		#[pallet::constant]
		type MaxItems: Get<u32>;

		/// Most classes a task may have (at least 2).
		#[pallet::constant]
		type MaxClasses: Get<u16>;

		/// Most annotators per item: the bound of the voting pallet's per-item
		/// records too (the runtime gives both pallets this one value). At most
		/// `u8::MAX`, as a task's redundancy is a `u8`.
		#[pallet::constant]
		type MaxRedundancy: Get<u32>;

		/// A task's target accuracy must be above this (a winning label less
		/// likely than not is no decision).
		#[pallet::constant]
		type MinTargetAccuracy: Get<Perbill>;

		/// Most gold commitments a task may hide.
		#[pallet::constant]
		type MaxGoldItems: Get<u32>;

		/// The most weight each block's `on_initialize` spends closing tasks
		/// whose deadline has passed; what does not fit waits for the next
		/// block.
		#[pallet::constant]
		type AgendaWeight: Get<Weight>;

		/// The protocol fee: this share of every label reward paid (rounded
		/// up), paid by the requester on top of it to the treasury, so that
		/// reputation farmed by paying oneself costs money. Fixed per task at
		/// its creation.
		#[pallet::constant]
		type ProtocolFee: Get<Perbill>;

		/// The bond of a gold commitment per label of its item: each
		/// commitment holds `redundancy` times this from the requester, at
		/// least the gold slashes a false answer could cause its annotators.
		#[pallet::constant]
		type GoldBondPerLabel: Get<BalanceOf<Self>>;

		/// Where protocol fees and unrevealed gold bonds go: an account of
		/// governance.
		#[pallet::constant]
		type Treasury: Get<Self::AccountId>;

		/// Held from the requester while a task's working storage lives (its
		/// record while open, its agenda entry, its items' counters), returned
		/// once the task has closed and its gold commitments are pruned.
		#[pallet::constant]
		type TaskDeposit: Get<BalanceOf<Self>>;

		/// Held per gold commitment, for its entry (hash and reveal) until it
		/// is pruned after the task closes.
		#[pallet::constant]
		type GoldDeposit: Get<BalanceOf<Self>>;

		/// Most gold commitments of closed tasks removed in one block (by
		/// `on_initialize`, within `AgendaWeight`).
		#[pallet::constant]
		type MaxPrunePerBlock: Get<u32>;

		/// What other pallets keep for a task until it closes (the voting
		/// pallet's annotator models), pruned with its gold commitments.
		type WorkingStorage: TaskWorkingStorage;

		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The unspent budgets of a requester's tasks.
		#[codec(index = 0)]
		TaskEscrow,
		/// The bonds of a requester's gold commitments.
		#[codec(index = 1)]
		GoldBond,
		/// The storage deposits of a requester's tasks, until their working
		/// storage is removed.
		#[codec(index = 2)]
		StorageDeposit,
	}

	/// The id the next task gets.
	#[pallet::storage]
	pub type NextTaskId<T: Config> = StorageValue<_, TaskId, ValueQuery>;

	/// Every task ever created; closed tasks stay as the record of their data set.
	#[pallet::storage]
	pub type Tasks<T: Config> = StorageMap<_, Twox64Concat, TaskId, TaskInfo<T>, OptionQuery>;

	/// How many tasks are open and how many cancelled (not yet closed), kept
	/// as tasks change status, so that the chain's totals are read without
	/// walking every task ever created.
	#[pallet::storage]
	pub type LiveTaskCounts<T: Config> = StorageValue<_, StatusCounts, ValueQuery>;

	/// Each task's hidden gold commitments by position, with the item each
	/// was revealed for, kept apart from the task so that reading a task or
	/// one commitment does not decode them all. Removed after the task closes
	/// (`Pruning`).
	#[pallet::storage]
	pub type GoldCommitments<T: Config> =
		StorageDoubleMap<_, Twox64Concat, TaskId, Twox64Concat, u32, GoldCommitment, OptionQuery>;

	/// Closed tasks whose gold commitments are still being removed, a few
	/// hundred a block; the last removal returns the storage deposit.
	#[pallet::storage]
	pub type Pruning<T: Config> = StorageMap<_, Twox64Concat, TaskId, (), OptionQuery>;

	/// Open and cancelled tasks by the block after their deadline: then the
	/// agenda closes each one that has nothing in flight (the last item to
	/// settle closes the others). One entry per task, moved when the deadline
	/// is extended, removed when the task closes.
	#[pallet::storage]
	pub type Deadlines<T: Config> =
		StorageDoubleMap<_, Twox64Concat, BlockNumberFor<T>, Twox64Concat, TaskId, (), OptionQuery>;

	/// The oldest block whose `Deadlines` entries may still wait.
	#[pallet::storage]
	pub type DeadlineCursor<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A task was created: `budget` was put in escrow, `gold_bonds` held
		/// behind its gold commitments, and `storage_deposit` held until its
		/// working storage is removed after close.
		TaskCreated {
			task: TaskId,
			requester: T::AccountId,
			budget: BalanceOf<T>,
			gold_bonds: BalanceOf<T>,
			storage_deposit: BalanceOf<T>,
		},
		/// The requester added `amount` to the dispute budget.
		TaskToppedUp { task: TaskId, amount: BalanceOf<T>, dispute_budget: BalanceOf<T> },
		/// The requester moved the deadline later.
		DeadlineExtended { task: TaskId, deadline: BlockNumberFor<T> },
		/// The requester cancelled the task; items in flight still settle.
		TaskCancelled { task: TaskId },
		/// The task closed and `refunded` went back to the requester.
		TaskClosed { task: TaskId, refunded: BalanceOf<T> },
		/// A gold commitment's bond was forfeited: paid to the annotators it
		/// wronged (`to_annotators`), the rest to the treasury.
		GoldBondForfeited { task: TaskId, to_annotators: BalanceOf<T>, to_treasury: BalanceOf<T> },
		/// At close, the bonds of the gold answers that stood went back to the
		/// requester and those of commitments never revealed to the treasury.
		GoldBondsSettled { task: TaskId, returned: BalanceOf<T>, forfeited: BalanceOf<T> },
		/// An annotator was paid `amount` for `labels` accepted labels.
		LabelRewardPaid { task: TaskId, annotator: T::AccountId, labels: u32, amount: BalanceOf<T> },
		/// The treasury was paid the protocol fee of the label rewards paid
		/// since the last time (once per settling call, not per annotator).
		ProtocolFeePaid { task: TaskId, amount: BalanceOf<T> },
		/// A closed task's working storage is gone and its storage deposit
		/// went back to the requester.
		TaskPruned { task: TaskId, deposit_returned: BalanceOf<T> },
		/// An expert was paid out of the dispute budget.
		ExpertPaid { task: TaskId, expert: T::AccountId, amount: BalanceOf<T> },
		/// The rewards of `labels` labels nobody will earn (an unresolved
		/// item's) went back to the requester.
		LabelBudgetRefunded { task: TaskId, labels: u32, amount: BalanceOf<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No task has this id.
		UnknownTask,
		/// Only the task's requester may do this.
		NotRequester,
		/// The manifest is not a binary CIDv1.
		InvalidManifestCid,
		/// The item count is zero or above `MaxItems`.
		ItemCountOutOfRange,
		/// The class count is below 2 or above `MaxClasses`.
		ClassCountOutOfRange,
		/// The redundancy is not `1 ≤ min_redundancy ≤ max_redundancy ≤
		/// MaxRedundancy`.
		RedundancyOutOfRange,
		/// The target accuracy is not above `MinTargetAccuracy`.
		ThresholdOutOfRange,
		/// Labels must earn something.
		ZeroReward,
		/// The deadline is not in the future.
		DeadlineInPast,
		/// There are more gold commitments than items.
		TooManyGoldItems,
		/// The requester's free balance cannot cover the budget.
		InsufficientBalance,
		/// The budget overflowed.
		Overflow,
		/// The task is not open.
		TaskNotOpen,
		/// The task is already closed.
		TaskAlreadyClosed,
		/// Amounts must be above zero.
		ZeroAmount,
		/// A new deadline must be later than the current one and in the future.
		DeadlineNotExtended,
		/// Items are still in flight, or the task is open, unfinished and before
		/// its deadline.
		TaskStillActive,
		/// Every label reward the task funds has been paid.
		LabelRewardsExhausted,
		/// The dispute budget cannot cover this payment.
		DisputeBudgetExhausted,
		/// The escrow holds less than this payment.
		EscrowExhausted,
		/// More items started than the task has.
		TooManyItemsStarted,
		/// An item settled that had not started.
		NoItemInFlight,
		/// More gold commitments revealed or forfeited than the task has.
		NoGoldLeft,
		/// The task has no gold commitment at this position.
		UnknownGold,
		/// This gold commitment was revealed already.
		GoldAlreadyRevealed,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxClasses::get() >= 2, "a task needs at least two classes");
			assert!(T::MaxItems::get() > 0 && T::MaxRedundancy::get() > 0);
			assert!(
				T::MaxRedundancy::get() <= u32::from(u8::MAX),
				"a task's redundancy is a u8, so MaxRedundancy must fit one"
			);
			assert!(
				T::MinTargetAccuracy::get() >= Perbill::from_percent(50),
				"a label accepted must be at least as likely as not"
			);
			assert!(T::MaxCidLength::get() >= 4, "a CIDv1 takes at least four bytes");
			assert!(
				T::AgendaWeight::get()
					.all_gte(T::WeightInfo::agenda_look().saturating_mul(2).saturating_add(T::WeightInfo::close_at_deadline())),
				"each block's agenda must have room to close a task"
			);
			assert!(T::MaxPrunePerBlock::get() > 0, "closed tasks must be pruned");
			assert!(
				T::AgendaWeight::get().all_gte(T::WeightInfo::prune_step(T::MaxPrunePerBlock::get())),
				"each block's agenda must have room for a pruning step"
			);
		}

		/// Closes the tasks whose deadline has passed with nothing in flight,
		/// oldest deadline first, then removes up to `MaxPrunePerBlock` gold
		/// commitments of closed tasks, within `AgendaWeight`.
		/// Waits while a multi-block migration runs (it may be rewriting
		/// what the agenda reads); the cursor keeps its place and the agenda
		/// catches up after, as it does after any full block.
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			// Asking whether a migration runs is one read, outside the agenda's budget.
			let migration_check = T::DbWeight::get().reads(1);
			if <T::MultiBlockMigrator as frame_support::migrations::MultiStepMigrator>::ongoing() {
				return migration_check;
			}
			let mut meter = WeightMeter::with_limit(T::AgendaWeight::get());
			labelchain_agenda::run::<_, _, Deadlines<T>, DeadlineCursor<T>>(
				now,
				&mut meter,
				T::WeightInfo::agenda_look(),
				T::WeightInfo::close_at_deadline(),
				|_, task| Self::close_after_deadline(task, now),
			);
			// A look at the queue, then a step on its first task if one fits.
			let prune = T::WeightInfo::prune_step(T::MaxPrunePerBlock::get());
			if meter.try_consume(T::DbWeight::get().reads(1)).is_ok() {
				if let Some(task) = Pruning::<T>::iter_keys().next() {
					if meter.try_consume(prune).is_ok() {
						Self::prune_step(task, T::MaxPrunePerBlock::get());
					}
				}
			}
			meter.consumed().saturating_add(migration_check)
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Publish a labeling task and put its budget in escrow:
		/// `item_count × max_redundancy × (reward_per_label + fee) + dispute_budget`
		/// is held from the caller's free balance, where the fee is
		/// `ProtocolFee` of the reward, rounded up; each gold commitment
		/// holds a bond of `max_redundancy × GoldBondPerLabel` apart, returned at
		/// close if its answer stood; and a storage deposit of `TaskDeposit`
		/// plus `GoldDeposit` per commitment is held until the closed task's
		/// working storage is removed (`budget_of` says it all beforehand;
		/// the runtime API's `task_budget` serves it).
		///
		/// Origin: signed (the requester).
		///
		/// Errors: `InvalidManifestCid`, `ItemCountOutOfRange`,
		/// `ClassCountOutOfRange`, `RedundancyOutOfRange`, `ThresholdOutOfRange`,
		/// `ZeroReward`, `DeadlineInPast`, `TooManyGoldItems`, `Overflow`,
		/// `InsufficientBalance`. Event: `TaskCreated`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_task(spec.gold_commitments.len() as u32))]
		pub fn create_task(origin: OriginFor<T>, spec: TaskSpec<T>) -> DispatchResult {
			let requester = ensure_signed(origin)?;
			let now = frame_system::Pallet::<T>::block_number();
			Self::check_spec(&spec, now)?;

			let gold_count = spec.gold_commitments.len() as u32;
			let quote = Self::budget_of(
				spec.item_count,
				spec.max_redundancy,
				spec.reward_per_label,
				spec.dispute_budget,
				gold_count,
			)?;
			let escrow = Escrow {
				label_budget: quote.labels,
				fee_per_label: quote.fee_per_label,
				dispute_budget: spec.dispute_budget,
				..Default::default()
			};
			let budget = escrow.budget();
			let task = NextTaskId::<T>::get();
			let next = task.checked_add(1).ok_or(Error::<T>::Overflow)?;

			T::Currency::hold(&HoldReason::TaskEscrow.into(), &requester, budget)
				.map_err(|_| Error::<T>::InsufficientBalance)?;
			if !quote.gold_bonds.is_zero() {
				T::Currency::hold(&HoldReason::GoldBond.into(), &requester, quote.gold_bonds)
					.map_err(|_| Error::<T>::InsufficientBalance)?;
			}
			if !quote.storage_deposit.is_zero() {
				T::Currency::hold(&HoldReason::StorageDeposit.into(), &requester, quote.storage_deposit)
					.map_err(|_| Error::<T>::InsufficientBalance)?;
			}

			let terms = spec.terms_for(requester.clone());
			let deadline = spec.deadline;
			for (index, hash) in spec.gold_commitments.into_iter().enumerate() {
				GoldCommitments::<T>::insert(task, index as u32, GoldCommitment { hash, revealed_for: None });
			}
			Tasks::<T>::insert(
				task,
				TaskInfo {
					terms,
					manifest: spec.manifest,
					gold_count,
					escrow,
					gold_bonds: GoldBonds { per_commitment: quote.gold_bond, ..Default::default() },
					storage_deposit: quote.storage_deposit,
					items_in_flight: 0,
					items_settled: 0,
					created_at: now,
				},
			);
			Deadlines::<T>::insert(Self::deadline_entry(deadline), task, ());
			LiveTaskCounts::<T>::mutate(|counts| counts.shift(None, TaskStatus::Open));
			NextTaskId::<T>::put(next);
			Self::deposit_event(Event::TaskCreated {
				task,
				requester,
				budget,
				gold_bonds: quote.gold_bonds,
				storage_deposit: quote.storage_deposit,
			});
			Ok(())
		}

		/// Add `amount` to the dispute budget of a task that has not closed
		/// (open or cancelled: a cancelled task's disputes still want experts),
		/// held like the rest.
		///
		/// Origin: signed (the task's requester).
		///
		/// Errors: `UnknownTask`, `NotRequester`, `TaskAlreadyClosed`, `ZeroAmount`,
		/// `Overflow`, `InsufficientBalance`. Event: `TaskToppedUp`.
		#[pallet::call_index(1)]
		pub fn top_up(
			origin: OriginFor<T>,
			task: TaskId,
			#[pallet::compact] amount: BalanceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
			let dispute_budget = Tasks::<T>::try_mutate(task, |maybe_task| {
				let record = maybe_task.as_mut().ok_or(Error::<T>::UnknownTask)?;
				ensure!(record.terms.requester == who, Error::<T>::NotRequester);
				ensure!(record.terms.status != TaskStatus::Closed, Error::<T>::TaskAlreadyClosed);
				let dispute_budget = record
					.escrow
					.dispute_budget
					.checked_add(&amount)
					.ok_or(Error::<T>::Overflow)?;
				record.escrow.budget().checked_add(&amount).ok_or(Error::<T>::Overflow)?;
				T::Currency::hold(&HoldReason::TaskEscrow.into(), &who, amount)
					.map_err(|_| Error::<T>::InsufficientBalance)?;
				record.escrow.dispute_budget = dispute_budget;
				Ok::<_, DispatchError>(dispute_budget)
			})?;
			Self::deposit_event(Event::TaskToppedUp { task, amount, dispute_budget });
			Ok(())
		}

		/// Move an open task's deadline later (and with it the block the chain
		/// closes the task in if nothing is in flight then).
		///
		/// Origin: signed (the task's requester).
		///
		/// Errors: `UnknownTask`, `NotRequester`, `TaskNotOpen`,
		/// `DeadlineNotExtended`. Event: `DeadlineExtended`.
		#[pallet::call_index(2)]
		pub fn extend_deadline(
			origin: OriginFor<T>,
			task: TaskId,
			deadline: BlockNumberFor<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let now = frame_system::Pallet::<T>::block_number();
			Tasks::<T>::try_mutate(task, |maybe_task| {
				let record = maybe_task.as_mut().ok_or(Error::<T>::UnknownTask)?;
				ensure!(record.terms.requester == who, Error::<T>::NotRequester);
				ensure!(record.terms.status == TaskStatus::Open, Error::<T>::TaskNotOpen);
				ensure!(
					deadline > record.terms.deadline && deadline > now,
					Error::<T>::DeadlineNotExtended
				);
				Deadlines::<T>::remove(Self::deadline_entry(record.terms.deadline), task);
				Deadlines::<T>::insert(Self::deadline_entry(deadline), task, ());
				record.terms.deadline = deadline;
				Ok::<_, DispatchError>(())
			})?;
			Self::deposit_event(Event::DeadlineExtended { task, deadline });
			Ok(())
		}

		/// Stop an open task from taking new claims. Items already committed still
		/// settle and are paid; with none in flight the task closes at once and the
		/// rest of its budget is refunded.
		///
		/// Origin: signed (the task's requester).
		///
		/// Errors: `UnknownTask`, `NotRequester`, `TaskNotOpen`.
		/// Events: `TaskCancelled`, and `TaskClosed` if nothing is in flight.
		#[pallet::call_index(3)]
		pub fn cancel_task(origin: OriginFor<T>, task: TaskId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut record = Tasks::<T>::get(task).ok_or(Error::<T>::UnknownTask)?;
			ensure!(record.terms.requester == who, Error::<T>::NotRequester);
			ensure!(record.terms.status == TaskStatus::Open, Error::<T>::TaskNotOpen);
			record.terms.status = TaskStatus::Cancelled;
			LiveTaskCounts::<T>::mutate(|counts| counts.shift(Some(TaskStatus::Open), TaskStatus::Cancelled));
			Self::deposit_event(Event::TaskCancelled { task });
			if record.items_in_flight == 0 {
				Self::close(task, &mut record)?;
			}
			Tasks::<T>::insert(task, record);
			Ok(())
		}

		/// Close a finished task and refund what is left of its budget to the
		/// requester: every item settled, or the task cancelled, or its deadline
		/// passed, and nothing in flight. The chain does this itself (when the
		/// last item settles, or in the block after the deadline); the call is
		/// for anyone who would rather not wait for the block hook.
		///
		/// Origin: signed (anyone: closing only returns the requester's money).
		///
		/// Errors: `UnknownTask`, `TaskAlreadyClosed`, `TaskStillActive`.
		/// Event: `TaskClosed`.
		#[pallet::call_index(4)]
		pub fn close_task(origin: OriginFor<T>, task: TaskId) -> DispatchResult {
			ensure_signed(origin)?;
			let mut record = Tasks::<T>::get(task).ok_or(Error::<T>::UnknownTask)?;
			ensure!(record.terms.status != TaskStatus::Closed, Error::<T>::TaskAlreadyClosed);
			ensure!(
				record.may_close(frame_system::Pallet::<T>::block_number()),
				Error::<T>::TaskStillActive
			);
			Self::close(task, &mut record)?;
			Tasks::<T>::insert(task, record);
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// What a task of `item_count` items, at most `redundancy` labels each,
		/// `reward_per_label` with `dispute_budget` and `gold_count` gold
		/// commitments holds: the one rule of a task's price, which the
		/// runtime API serves to clients.
		pub fn budget_of(
			item_count: u32,
			redundancy: u8,
			reward_per_label: BalanceOf<T>,
			dispute_budget: BalanceOf<T>,
			gold_count: u32,
		) -> Result<BudgetQuote<BalanceOf<T>>, Error<T>> {
			let fee_per_label = T::ProtocolFee::get().mul_ceil(reward_per_label);
			let labels = reward_per_label
				.checked_add(&fee_per_label)
				.and_then(|per_label| per_label.checked_mul(&BalanceOf::<T>::from(item_count)))
				.and_then(|total| total.checked_mul(&BalanceOf::<T>::from(redundancy)))
				.ok_or(Error::<T>::Overflow)?;
			let gold_bond = T::GoldBondPerLabel::get()
				.checked_mul(&BalanceOf::<T>::from(redundancy))
				.ok_or(Error::<T>::Overflow)?;
			let gold_bonds =
				gold_bond.checked_mul(&BalanceOf::<T>::from(gold_count)).ok_or(Error::<T>::Overflow)?;
			let storage_deposit = T::GoldDeposit::get()
				.checked_mul(&BalanceOf::<T>::from(gold_count))
				.and_then(|gold| gold.checked_add(&T::TaskDeposit::get()))
				.ok_or(Error::<T>::Overflow)?;
			let total = labels
				.checked_add(&dispute_budget)
				.and_then(|total| total.checked_add(&gold_bonds))
				.and_then(|total| total.checked_add(&storage_deposit))
				.ok_or(Error::<T>::Overflow)?;
			Ok(BudgetQuote { fee_per_label, labels, gold_bond, gold_bonds, storage_deposit, total })
		}

		fn check_spec(spec: &TaskSpec<T>, now: BlockNumberFor<T>) -> DispatchResult {
			ensure!(is_binary_cid_v1(&spec.manifest), Error::<T>::InvalidManifestCid);
			ensure!(
				(1..=T::MaxItems::get()).contains(&spec.item_count),
				Error::<T>::ItemCountOutOfRange
			);
			ensure!(
				(2..=T::MaxClasses::get()).contains(&spec.class_count),
				Error::<T>::ClassCountOutOfRange
			);
			ensure!(
				spec.min_redundancy >= 1 &&
					spec.min_redundancy <= spec.max_redundancy &&
					u32::from(spec.max_redundancy) <= T::MaxRedundancy::get(),
				Error::<T>::RedundancyOutOfRange
			);
			ensure!(
				spec.target_accuracy > T::MinTargetAccuracy::get(),
				Error::<T>::ThresholdOutOfRange
			);
			ensure!(!spec.reward_per_label.is_zero(), Error::<T>::ZeroReward);
			ensure!(spec.deadline > now, Error::<T>::DeadlineInPast);
			ensure!(
				spec.gold_commitments.len() as u32 <= spec.item_count,
				Error::<T>::TooManyGoldItems
			);
			Ok(())
		}

		/// Refunds what the task still holds, settles its gold bonds (those of
		/// answers that stood back to the requester, those never revealed to
		/// the treasury), marks it closed, takes it off the deadline agenda,
		/// and queues its gold commitments for removal (with none, returns
		/// the storage deposit at once). The caller stores the record.
		pub(crate) fn close(task: TaskId, record: &mut TaskInfo<T>) -> DispatchResult {
			// Fees of rewards paid are the treasury's, never refunded.
			Self::pay_fees_owed(task, record)?;
			let refunded = record.escrow.held();
			Self::refund_to_requester(record, refunded)?;
			Self::settle_gold_bonds(task, record)?;
			LiveTaskCounts::<T>::mutate(|counts| counts.shift(Some(record.terms.status), TaskStatus::Closed));
			record.terms.status = TaskStatus::Closed;
			Deadlines::<T>::remove(Self::deadline_entry(record.terms.deadline), task);
			Self::deposit_event(Event::TaskClosed { task, refunded });
			if record.gold_count > 0 || !T::WorkingStorage::is_pruned(task) {
				Pruning::<T>::insert(task, ());
			} else {
				Self::return_storage_deposit(task, record)?;
			}
			Ok(())
		}

		/// The block a task's deadline entry is under: the first block that
		/// takes no work.
		pub(crate) fn deadline_entry(deadline: BlockNumberFor<T>) -> BlockNumberFor<T> {
			deadline.saturating_add(One::one())
		}

		/// How many tasks are open and how many cancelled, chain-wide.
		pub fn live_task_counts() -> StatusCounts {
			LiveTaskCounts::<T>::get()
		}

		/// How many blocks the deadline agenda is behind (0: caught up).
		pub fn deadline_backlog() -> BlockNumberFor<T> {
			labelchain_agenda::blocks_behind::<_, DeadlineCursor<T>>(frame_system::Pallet::<T>::block_number())
		}

		/// The deadline agenda's work on `task`: close it if it may close now
		/// (the deadline passed with nothing in flight). Returns the weight used.
		pub(crate) fn close_after_deadline(task: TaskId, now: BlockNumberFor<T>) -> Weight {
			let Some(mut record) = Tasks::<T>::get(task) else {
				return T::WeightInfo::agenda_look();
			};
			if record.terms.status == TaskStatus::Closed || !record.may_close(now) {
				return T::WeightInfo::agenda_look();
			}
			// Closing moves only the requester's own held funds back to them;
			// it fails only if the hold is short, which `try_state` rules out.
			let closed = frame_support::storage::with_storage_layer(|| {
				Self::close(task, &mut record)?;
				Tasks::<T>::insert(task, record);
				Ok::<_, DispatchError>(())
			});
			if let Err(error) = closed {
				log::error!(target: "runtime::tasks", "task {task} could not close: {error:?}");
			}
			T::WeightInfo::close_at_deadline()
		}

		/// PROTOCOL.md's invariants for escrow: each requester's escrow hold equals
		/// the sum over their tasks of budget minus paid minus refunded; a closed
		/// task holds nothing; no task pays more label rewards than it funds or
		/// experts more than its dispute budget; item counts add up.
		#[cfg(any(feature = "try-runtime", feature = "std", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::btree_map::BTreeMap;
			use frame_support::traits::fungible::InspectHold;
			let mut held_by_requester: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
			let mut gold_bonds_by_requester: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
			let mut deposits_by_requester: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
			let mut live = StatusCounts::default();
			for (task, record) in Tasks::<T>::iter() {
				ensure!(task < NextTaskId::<T>::get(), "a task id at or above NextTaskId");
				live.shift(None, record.terms.status);
				let escrow = &record.escrow;
				let paid_and_refunded = escrow
					.paid_to_annotators
					.saturating_add(escrow.paid_to_experts)
					.saturating_add(escrow.fees_paid)
					.saturating_add(escrow.refunded);
				ensure!(paid_and_refunded <= escrow.budget(), "a task paid out more than its budget");
				ensure!(
					escrow.labels_paid <= record.labels_funded(),
					"a task paid more label rewards than it funds (items × max redundancy, less refunded)"
				);
				let on_agenda = Deadlines::<T>::contains_key(Self::deadline_entry(record.terms.deadline), task);
				if record.terms.status == TaskStatus::Closed {
					ensure!(!on_agenda, "a closed task is still on the deadline agenda");
				} else {
					ensure!(
						on_agenda || record.items_in_flight > 0,
						"an unfinished task with nothing in flight is off the deadline agenda"
					);
				}
				ensure!(
					escrow.paid_to_annotators ==
						record.terms.reward_per_label.saturating_mul(escrow.labels_paid.into()),
					"label payments differ from labels paid × reward"
				);
				// Every call that pays rewards pays their fees before it ends.
				ensure!(escrow.fees_owed().is_zero(), "a paid reward's protocol fee has not reached the treasury");
				ensure!(
					escrow.paid_to_experts <= escrow.dispute_budget,
					"experts were paid more than the dispute budget"
				);
				ensure!(
					record.items_in_flight.saturating_add(record.items_settled) <= record.terms.item_count,
					"more items started than the task has"
				);
				if record.terms.status == TaskStatus::Closed {
					ensure!(escrow.held().is_zero(), "a closed task still holds funds");
					ensure!(record.items_in_flight == 0, "a closed task has items in flight");
				}
				let commitments: alloc::vec::Vec<_> = GoldCommitments::<T>::iter_prefix_values(task).collect();
				let pruning = Pruning::<T>::contains_key(task);
				if record.terms.status != TaskStatus::Closed {
					ensure!(!pruning, "an unclosed task is being pruned");
					ensure!(
						commitments.len() as u32 == record.gold_count,
						"gold count differs from stored gold commitments"
					);
					let revealed = commitments.iter().filter(|gold| gold.revealed_for.is_some()).count() as u32;
					ensure!(revealed == record.gold_bonds.revealed, "revealed gold differs from the commitments marked revealed");
				} else if !pruning {
					ensure!(commitments.is_empty(), "a pruned task kept gold commitments");
					ensure!(T::WorkingStorage::is_pruned(task), "a pruned task kept working storage elsewhere");
					ensure!(record.storage_deposit.is_zero(), "a pruned task still holds its storage deposit");
				}
				let deposit = deposits_by_requester.entry(record.terms.requester.clone()).or_default();
				*deposit = deposit.saturating_add(record.storage_deposit);
				let held = held_by_requester.entry(record.terms.requester.clone()).or_default();
				*held = held.saturating_add(escrow.held());
				let bonds = &record.gold_bonds;
				ensure!(bonds.revealed <= record.gold_count, "more gold revealed than committed");
				ensure!(
					bonds.forfeited.saturating_add(bonds.returned) <= record.gold_count,
					"more gold bonds settled than committed"
				);
				if record.terms.status == TaskStatus::Closed {
					// Every gold bond's reason ends with the task.
					ensure!(bonds.held(record.gold_count).is_zero(), "a closed task still holds gold bonds");
				} else {
					ensure!(bonds.returned == 0, "a gold bond returned before close");
					ensure!(bonds.forfeited <= bonds.revealed, "an unrevealed gold bond forfeited before close");
				}
				let gold_held = gold_bonds_by_requester.entry(record.terms.requester.clone()).or_default();
				*gold_held = gold_held.saturating_add(bonds.held(record.gold_count));
			}
			for (block, task, ()) in Deadlines::<T>::iter() {
				let record = Tasks::<T>::get(task).ok_or("a deadline entry of an unknown task")?;
				ensure!(
					block == Self::deadline_entry(record.terms.deadline),
					"a deadline entry off its task's deadline"
				);
				if let Some(cursor) = DeadlineCursor::<T>::get() {
					ensure!(block >= cursor, "a deadline entry the agenda has passed");
				}
			}
			// Counted from version 3 on; below, a migration is still counting them.
			if Self::on_chain_storage_version() >= 3 {
				ensure!(live == LiveTaskCounts::<T>::get(), "the live task counts differ from the tasks' statuses");
			}
			for (requester, expected) in held_by_requester {
				let held = T::Currency::balance_on_hold(&HoldReason::TaskEscrow.into(), &requester);
				ensure!(held == expected, "escrow hold differs from the tasks' budgets left");
			}
			for (requester, expected) in gold_bonds_by_requester {
				let held = T::Currency::balance_on_hold(&HoldReason::GoldBond.into(), &requester);
				ensure!(held == expected, "gold bond hold differs from the tasks' pending gold bonds");
			}
			for (requester, expected) in deposits_by_requester {
				let held = T::Currency::balance_on_hold(&HoldReason::StorageDeposit.into(), &requester);
				ensure!(held == expected, "storage deposit hold differs from the tasks' deposits not yet returned");
			}
			for task in Pruning::<T>::iter_keys() {
				ensure!(Tasks::<T>::contains_key(task), "pruning a task that does not exist");
			}
			// Nothing is minted or burnt unaccounted: the total issuance is
			// what the accounts own, free and held.
			let owned = frame_system::Account::<T>::iter_keys()
				.fold(BalanceOf::<T>::zero(), |sum, who| sum.saturating_add(T::Currency::total_balance(&who)));
			ensure!(owned == T::Currency::total_issuance(), "total issuance differs from what the accounts own");
			Ok(())
		}
	}
}
