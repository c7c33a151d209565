#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use due_step::DueStep;
pub use types::{Claim, Commit, Decision, ItemPhase, ItemState, Label, SettledItem, Votes};
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod agenda;
mod appeals;
pub mod batch_weights;
mod claims;
mod commit_reveal;
pub mod due_step;
mod finalize;
mod item_posterior;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod models;
pub mod posterior;
mod settlement;
mod totals;
#[cfg(test)]
mod tests;
pub mod types;
pub mod views;
pub mod weights;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use crate::settlement::Settlement;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate, MutateHold},
			tokens::Balance as BalanceTrait,
		},
	};
	use frame_system::pallet_prelude::*;
	use labelchain_primitives::{
		commitment::gold_commitment,
		task::{AssignmentMode, ItemIndex, TaskId, TaskTerms},
		totals::{Earnings as EarningsRecord, TaskQuality},
		traits::{
			ReputationInspect, ReputationRecorder, StakeEligibility, StakeLock, StakeSlash,
			TaskEscrow, TaskInspect, TaskProgress,
		},
	};
	use sp_core::H256;
	use sp_runtime::{traits::Saturating, Perbill};

	pub type TermsOf<T> =
		TaskTerms<<T as frame_system::Config>::AccountId, <T as Config>::Balance, BlockNumberFor<T>>;

	/// The layout of this pallet's storage. Version 1 is the first one
	/// declared (spec 117); a change of layout bumps it and comes with its
	/// migration (`migrations`). Version 2 (spec 122): a settled item's
	/// record counts the labels it used. Version 3 (spec 128): `PhaseTotals`,
	/// summed once by a multi-block migration.
	pub const STORAGE_VERSION: frame_support::traits::StorageVersion =
		frame_support::traits::StorageVersion::new(3);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The token amounts of stakes, rewards and bonds.
		type Balance: BalanceTrait;

		/// The token appeal bonds are held in.
		type Currency: Inspect<Self::AccountId, Balance = Self::Balance>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The runtime's hold reasons, which include this pallet's.
		type RuntimeHoldReason: From<HoldReason>;

		/// Tasks: their terms, item progress and escrow (`pallet-tasks`).
		type Tasks: TaskInspect<Self::AccountId, Self::Balance, BlockNumberFor<Self>>
			+ TaskProgress
			+ TaskEscrow<Self::AccountId, Self::Balance>;

		/// Annotator stake: eligibility, locks and slashes (`pallet-annotator-stake`).
		type Stake: StakeEligibility<Self::AccountId, Self::Balance>
			+ StakeLock<Self::AccountId, Self::Balance>
			+ StakeSlash<Self::AccountId, Self::Balance>;

		/// Reputation: tiers, vote weights and outcomes (`pallet-reputation`).
		type Reputation: ReputationInspect<Self::AccountId> + ReputationRecorder<Self::AccountId>;

		/// Who may settle disputed items: the expert set.
		type ExpertOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;

		/// Most annotators per item: the bound of each item's claims and commits.
		/// The runtime gives it the tasks pallet's `MaxRedundancy`;
		/// `integrity_test` checks that every task's redundancy fits.
		#[pallet::constant]
		type MaxRedundancy: Get<u32>;

		/// Blocks a claim stays open before it expires.
		#[pallet::constant]
		type ClaimTtl: Get<BlockNumberFor<Self>>;

		/// Most unexpired claims an annotator may hold.
		#[pallet::constant]
		type MaxOpenClaims: Get<u32>;

		/// Blocks the reveal window stays open.
		#[pallet::constant]
		type RevealWindow: Get<BlockNumberFor<Self>>;

		/// Stake locked behind each claim or commit until its item settles: at
		/// least the largest slash one label can incur (`integrity_test`), so
		/// that every slash is backed by stake nobody could unbond first.
		#[pallet::constant]
		type StakePerLabel: Get<Self::Balance>;

		/// Slashed, to the treasury, for a commit never revealed.
		#[pallet::constant]
		type UnrevealedSlash: Get<Self::Balance>;

		/// The most a wrong answer on a gold item is charged (see
		/// `gold_charge`: the gold weight's multiple of the task's
		/// disagreement charge, up to this), to the treasury.
		#[pallet::constant]
		type GoldSlash: Get<Self::Balance>;

		/// Slashed, to the treasury, for a claim left to expire: small, as a
		/// claim may lapse by accident, but not nothing, so that holding an
		/// item's places to keep honest annotators off it costs.
		#[pallet::constant]
		type ExpiredClaimSlash: Get<Self::Balance>;

		/// Where slashes go: an account of governance (the runtime's treasury),
		/// never the task's requester, who would then gain from revealing
		/// false gold, and never an expert, who would gain from the verdicts.
		#[pallet::constant]
		type Treasury: Get<Self::AccountId>;

		/// Blocks after the crowd accepts a label during which it may be appealed
		/// (and the requester may reveal gold); the item settles after it.
		#[pallet::constant]
		type AppealWindow: Get<BlockNumberFor<Self>>;

		/// Held from an appellant until an expert decides: returned if the appeal
		/// is upheld, shared by the annotators whose label stood if not.
		#[pallet::constant]
		type AppealBond: Get<Self::Balance>;

		/// Paid to the expert who settles a disputed item, from the dispute budget.
		#[pallet::constant]
		type ExpertFee: Get<Self::Balance>;

		/// How many items an assigned claim looks at, from a pseudo-random start,
		/// for one that still needs labels.
		#[pallet::constant]
		type MaxAssignmentProbes: Get<u32>;

		/// Most assigned claims one block takes: each is drawn in the next
		/// block's `on_initialize`, so this bounds that work.
		#[pallet::constant]
		type MaxPendingClaims: Get<u32>;

		/// Most items in one `commit_batch`, `reveal_batch` or `finalize_items`.
		#[pallet::constant]
		type MaxBatch: Get<u32>;

		/// Blocks an expert has to decide a disputed item or an appeal; after
		/// them the dispute falls back (see `finalize_item`) and the appeal
		/// lapses with its bond returned.
		#[pallet::constant]
		type ExpertTimeout: Get<BlockNumberFor<Self>>;

		/// The most weight each block's `on_initialize` spends on the agenda
		/// (items whose window, claim or timeout ran out); what does not fit
		/// waits for the next block.
		#[pallet::constant]
		type AgendaWeight: Get<Weight>;

		/// What an annotator who guesses uniformly loses, in rewards per K
		/// labels (K the task's classes): a label that disagrees with its
		/// item's final label is charged `(1 + GuessingLoss) / (K − 1)`
		/// rewards, so guessing never pays.
		#[pallet::constant]
		type GuessingLoss: Get<Perbill>;

		/// The most classes a task may have for its annotator models to be
		/// class-conditional (a rate for every true class and label); larger
		/// tasks model each annotator by one accuracy.
		#[pallet::constant]
		type MaxModelClasses: Get<u32>;

		/// How many labels' worth of evidence an annotator's domain
		/// reputation counts for in their model on a new task: the weight of
		/// the prior against what the task itself shows.
		#[pallet::constant]
		type ModelPriorStrength: Get<u32>;

		type WeightInfo: WeightInfo;

		/// Makes tasks and annotators for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// What the benchmarks need from the pallets behind this one's traits.
	#[cfg(feature = "runtime-benchmarks")]
	pub trait BenchmarkHelper<AccountId> {
		/// The `index`th annotator: funded, bonded and eligible for the tasks
		/// `create_task` makes.
		fn annotator(index: u32) -> AccountId;

		/// A funded task of `class_count` classes with `items` items, a fixed
		/// `redundancy` (`r_min = r_max`), `target_accuracy` and gold
		/// commitments, open to newcomers; returns its id.
		fn create_task(
			items: u32,
			class_count: u16,
			redundancy: u8,
			assignment: AssignmentMode,
			target_accuracy: Perbill,
			gold_commitments: alloc::vec::Vec<H256>,
		) -> TaskId;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// An appeal's bond, until an expert decides it.
		#[codec(index = 0)]
		AppealBond,
	}

	/// Items being labeled, until they settle.
	#[pallet::storage]
	pub type Items<T: Config> =
		StorageDoubleMap<_, Twox64Concat, TaskId, Twox64Concat, ItemIndex, ItemState<T>, OptionQuery>;

	/// Each settled item's compact record: its final label and how it was
	/// decided. Keyed without hashing: task ids and item indices are numbered
	/// by the chain (not chosen by callers), so they cannot crowd one branch of
	/// the trie, and the key stays at 40 bytes.
	#[pallet::storage]
	pub type SettledItems<T: Config> = StorageDoubleMap<
		_,
		Identity,
		TaskId,
		Identity,
		ItemIndex,
		SettledItem<BlockNumberFor<T>>,
		OptionQuery,
	>;

	/// Each task's label-quality counts: tallies, disputes, appeals, agreement
	/// and gold accuracy of its settled items.
	#[pallet::storage]
	pub type TaskQualities<T: Config> = StorageMap<_, Twox64Concat, TaskId, TaskQuality, ValueQuery>;

	/// What each account has been paid (label rewards, expert fees) and has lost
	/// (slashes, appeal bonds) through labeling.
	#[pallet::storage]
	pub type Earnings<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, EarningsRecord<T::Balance>, ValueQuery>;

	/// How many claims each annotator holds that are not yet commits.
	#[pallet::storage]
	pub type OpenClaims<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Items being labeled, by the block their next step falls due in
	/// (`ItemState::agenda_block`): each item's live entry is the one under
	/// its `agenda_at`; an entry left behind when the item moved on or settled
	/// is stale and skipped. The block hook works through it oldest block
	/// first, removing what it reads.
	#[pallet::storage]
	pub type Agenda<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		Twox64Concat,
		(TaskId, ItemIndex),
		(),
		OptionQuery,
	>;

	/// The oldest block whose `Agenda` entries may still wait.
	#[pallet::storage]
	pub type AgendaCursor<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	/// How many of each task's items in progress are in each phase, kept as
	/// items move (`store_item`, `remove_item`), so that the runtime API
	/// reads a task's progress without walking its items.
	#[pallet::storage]
	pub type PhaseCountsOf<T: Config> = StorageMap<_, Twox64Concat, TaskId, types::PhaseCounts, ValueQuery>;

	/// The sum of every task's `PhaseCountsOf`: the chain's items in
	/// progress in each phase (those waiting for experts among them), kept as
	/// items move, so that the chain's totals are read without walking tasks.
	#[pallet::storage]
	pub type PhaseTotals<T: Config> = StorageValue<_, types::PhaseCounts, ValueQuery>;

	/// Each annotator's model on each task they labeled (see `models`):
	/// created when their first label on the task settles, removed when the
	/// task's working storage is pruned after it closes.
	#[pallet::storage]
	pub type AnnotatorModels<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		TaskId,
		Blake2_128Concat,
		T::AccountId,
		models::AnnotatorModel<T>,
		OptionQuery,
	>;

	/// What each task has learned besides its annotators' models: its class
	/// prior and the calibration its gold chose. Removed with the models.
	#[pallet::storage]
	pub type TaskEvidences<T: Config> = StorageMap<_, Twox64Concat, TaskId, models::TaskEvidence, ValueQuery>;

	/// The calibration losses (nano-nats, per candidate temperature) a
	/// revealed gold answer added to its task's `TaskEvidences`, until its
	/// item settles (when they are replaced by the losses under the models
	/// then) or an expert overturns the answer (when they are taken back).
	#[pallet::storage]
	pub type GoldScores<T: Config> =
		StorageDoubleMap<_, Twox64Concat, TaskId, Twox64Concat, ItemIndex, models::GoldLosses, OptionQuery>;

	/// Mixed into assigned claims so two claims in one block pick apart.
	#[pallet::storage]
	pub type AssignmentNonce<T: Config> = StorageValue<_, u64, ValueQuery>;

	/// The assigned claims of this block, (task, annotator), each with its
	/// stake locked and counted among its annotator's open claims: the next
	/// block's `on_initialize` draws their items from this block's hash,
	/// which nobody knew when signing.
	#[pallet::storage]
	pub type PendingClaims<T: Config> =
		StorageValue<_, BoundedVec<(TaskId, T::AccountId), T::MaxPendingClaims>, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `annotator` holds `item` until `expires_at`.
		ItemClaimed { task: TaskId, item: ItemIndex, annotator: T::AccountId, expires_at: BlockNumberFor<T> },
		/// `annotator` asked for an item of an `Assigned` task; it is drawn at
		/// the start of the next block (`ItemClaimed`, or `ClaimUnfilled`).
		ClaimQueued { task: TaskId, annotator: T::AccountId },
		/// No item was left for `annotator`'s queued claim (or the task stopped
		/// taking work): its stake is free again, nothing counts against it.
		ClaimUnfilled { task: TaskId, annotator: T::AccountId },
		/// `annotator`'s claim lapsed without a commit.
		ClaimExpired { task: TaskId, item: ItemIndex, annotator: T::AccountId },
		/// `annotator`'s live claim was let go, without counting against them,
		/// because the task stopped taking work (deadline or cancel).
		ClaimReleased { task: TaskId, item: ItemIndex, annotator: T::AccountId },
		/// `annotator` committed a sealed label.
		LabelCommitted { task: TaskId, item: ItemIndex, annotator: T::AccountId },
		/// `annotator` committed sealed labels on `items` in one call.
		LabelsCommitted { task: TaskId, annotator: T::AccountId, items: BoundedVec<ItemIndex, T::MaxBatch> },
		/// Commits are closed; reveals are taken until `ends_at`.
		RevealOpened { task: TaskId, item: ItemIndex, ends_at: BlockNumberFor<T> },
		/// `annotator` revealed `label`.
		LabelRevealed { task: TaskId, item: ItemIndex, annotator: T::AccountId, label: Label },
		/// `annotator` revealed a label on each item of `labels` in one call.
		LabelsRevealed {
			task: TaskId,
			annotator: T::AccountId,
			labels: BoundedVec<(ItemIndex, Label), T::MaxBatch>,
		},
		/// The crowd is not yet sure of the item, and it may have more labels:
		/// it takes labels again, with `places` places in all (its commits
		/// and one more).
		MoreLabelsWanted { task: TaskId, item: ItemIndex, places: u32 },
		/// The crowd could not settle the item; it waits for an expert until
		/// `times_out_at` (the block it is due in when the dispute budget
		/// cannot pay an expert).
		ItemDisputed { task: TaskId, item: ItemIndex, times_out_at: BlockNumberFor<T> },
		/// The crowd accepted `label`; it may be appealed until `appeal_ends_at`.
		ItemAccepted {
			task: TaskId,
			item: ItemIndex,
			label: Label,
			confidence: Perbill,
			appeal_ends_at: BlockNumberFor<T>,
		},
		/// `appellant` appealed the accepted label, holding `bond`.
		AppealLodged { task: TaskId, item: ItemIndex, appellant: T::AccountId, bond: T::Balance },
		/// An expert decided an appeal: upheld (the label changed and the bond
		/// was returned) or not (the bond went to the annotators whose label
		/// stood).
		AppealDecided { task: TaskId, item: ItemIndex, upheld: bool },
		/// No expert decided the appeal in time: the bond was returned and the
		/// crowd's label stands.
		AppealTimedOut { task: TaskId, item: ItemIndex },
		/// An agenda entry failed and will be tried again in the next block
		/// (a broken invariant: `try_state` would say which).
		AgendaEntryFailed { task: TaskId, item: ItemIndex, error: DispatchError },
		/// The requester revealed the gold answer of an item: its label, open
		/// to appeal by its annotators until `appeal_ends_at`.
		GoldRevealed {
			task: TaskId,
			item: ItemIndex,
			gold_index: u32,
			answer: Label,
			appeal_ends_at: BlockNumberFor<T>,
		},
		/// The requester revealed a second gold answer for an item that had
		/// one: it changed nothing, and its commitment's bond was forfeited.
		SecondGoldAnswer { task: TaskId, item: ItemIndex, gold_index: u32, answer: Label },
		/// The item settled: agreeing annotators were paid, the rest scored.
		/// `votes` is each annotator's revealed label (`None`: never revealed).
		ItemSettled {
			task: TaskId,
			item: ItemIndex,
			label: Label,
			decided_by: Decision,
			confidence: Perbill,
			votes: Votes<T>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No task has this id.
		UnknownTask,
		/// The task is closed, cancelled or past its deadline.
		TaskNotAcceptingWork,
		/// `claim` is for `Assigned` tasks, `claim_item` for `Open` ones.
		WrongAssignmentMode,
		/// The item index is not below the task's item count.
		ItemOutOfRange,
		/// The annotator's bonded stake is below the global or the task's minimum.
		InsufficientStake,
		/// The annotator's reputation tier is below the task's minimum.
		TierTooLow,
		/// The annotator already holds the most open claims allowed.
		TooManyOpenClaims,
		/// No item the annotator may take was found; try again later.
		NoItemAvailable,
		/// The annotator already claimed or labeled this item.
		AlreadyLabeled,
		/// The item has all the annotators it needs.
		ItemFull,
		/// The item has already settled.
		ItemAlreadySettled,
		/// The annotator holds no claim on this item.
		NoClaim,
		/// The claim expired.
		ClaimExpired,
		/// The item no longer takes commits.
		NotLabeling,
		/// The item is not taking reveals.
		NotRevealing,
		/// The reveal window has closed.
		RevealWindowClosed,
		/// The reveal window is still open.
		RevealWindowOpen,
		/// The annotator made no commit on this item.
		NoCommit,
		/// The annotator already revealed.
		AlreadyRevealed,
		/// The label and salt do not hash to the commit.
		CommitMismatch,
		/// The label is not below the task's class count.
		LabelOutOfRange,
		/// Nothing about the item can move on yet.
		NothingToFinalize,
		/// No item is being labeled at this index.
		UnknownItem,
		/// The item is not disputed.
		NotDisputed,
		/// The appeal window is still open.
		AppealWindowOpen,
		/// The item's label was not accepted by the crowd, or its appeal window
		/// has closed.
		NotAppealable,
		/// Only an annotator of the item or the task's requester may appeal.
		NotInvolved,
		/// The free balance cannot cover the appeal bond.
		InsufficientBalance,
		/// The item has not been appealed.
		NotAppealed,
		/// Only the task's requester reveals gold.
		NotRequester,
		/// The task has no gold commitment at this index.
		UnknownGold,
		/// This gold commitment was already revealed.
		GoldAlreadyRevealed,
		/// The item, answer and salt do not hash to the gold commitment.
		GoldMismatch,
		/// Gold is revealed for an item once it is tallied and before it
		/// settles, and not while a round's labels are committed but not all
		/// revealed.
		NotTallied,
		/// A batch call was given no items.
		EmptyBatch,
		/// The item waits for an expert, whose time has not run out.
		AwaitingExpert,
		/// The task's dispute budget cannot pay an expert to decide an appeal.
		DisputeBudgetExhausted,
		/// The expert requested the task, or claimed, labeled or appealed the
		/// item, so may not decide it.
		ExpertInvolved,
		/// This block takes no more assigned claims; try in the next.
		ClaimQueueFull,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxRedundancy::get() > 0 && T::MaxOpenClaims::get() > 0);
			assert!(
				T::Tasks::max_redundancy() <= T::MaxRedundancy::get(),
				"tasks may ask for more annotators per item than an item can hold"
			);
			assert!(
				T::MaxRedundancy::get() <= u32::from(u8::MAX),
				"a task's redundancy is a u8, so MaxRedundancy must fit one"
			);
			assert!(
				T::StakePerLabel::get() >=
					T::GoldSlash::get().max(T::UnrevealedSlash::get()).max(T::ExpiredClaimSlash::get()),
				"the stake behind a label must cover the largest slash the label can incur"
			);
			assert!(T::MaxAssignmentProbes::get() > 0, "assigned claims must look at some item");
			assert!(
				(2..=16).contains(&T::MaxModelClasses::get()),
				"class-conditional models hold MaxModelClasses² counts: 2 to 16 classes"
			);
			assert!(T::ModelPriorStrength::get() > 0, "a model needs a prior");
			assert!(T::MaxPendingClaims::get() > 0, "a block must take an assigned claim");
			assert!(T::MaxBatch::get() > 0, "a batch must hold an item");
			assert!(
				T::AgendaWeight::get().all_gte(
					T::WeightInfo::agenda_look()
						.saturating_mul(2)
						.saturating_add(Self::agenda_entry_weight(T::MaxRedundancy::get()))
				),
				"each block's agenda must have room for an item at the largest redundancy"
			);
		}

		/// Draws the items of the last block's assigned claims, then moves
		/// on the items whose window, claim or expert timeout ran out, oldest
		/// block first, within `AgendaWeight`: what `finalize_item` would do
		/// for each, without anyone sending it. Waits while a multi-block
		/// migration runs (it may be rewriting the items); the claims and
		/// the agenda's cursor keep their place, and it catches up after.
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			let migration_check = T::DbWeight::get().reads(1);
			if <T::MultiBlockMigrator as frame_support::migrations::MultiStepMigrator>::ongoing() {
				return migration_check;
			}
			Self::draw_pending_claims().saturating_add(Self::run_agenda(now)).saturating_add(migration_check)
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Ask for the next item of an `Assigned` task. The claim's stake is
		/// locked and it counts among the caller's open claims now; its item
		/// is drawn at the start of the next block, from the hash of the block
		/// that includes this call (which the caller cannot know, or steer,
		/// when signing: a claim cannot be aimed at an item), among the items
		/// that still need labels and that the caller has not labeled
		/// (`ItemClaimed`), or, with none left, let go (`ClaimUnfilled`).
		///
		/// Origin: signed (an annotator with enough stake and tier).
		///
		/// Errors: `UnknownTask`, `TaskNotAcceptingWork`, `WrongAssignmentMode`,
		/// `InsufficientStake`, `TierTooLow`, `TooManyOpenClaims`,
		/// `ClaimQueueFull`. Event: `ClaimQueued`.
		#[pallet::call_index(0)]
		pub fn claim(origin: OriginFor<T>, task: TaskId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let terms = Self::terms_accepting_work(task)?;
			ensure!(terms.assignment == AssignmentMode::Assigned, Error::<T>::WrongAssignmentMode);
			Self::ensure_eligible(&who, &terms)?;
			Self::queue_claim(who, task)
		}

		/// Claim a named item of an `Open` task.
		///
		/// Origin: signed (an annotator with enough stake and tier).
		///
		/// Errors: `UnknownTask`, `TaskNotAcceptingWork`, `WrongAssignmentMode`,
		/// `ItemOutOfRange`, `InsufficientStake`, `TierTooLow`, `TooManyOpenClaims`,
		/// `ItemAlreadySettled`, `NotLabeling`, `AlreadyLabeled`, `ItemFull`.
		/// Event: `ItemClaimed`.
		#[pallet::call_index(1)]
		pub fn claim_item(origin: OriginFor<T>, task: TaskId, item: ItemIndex) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let terms = Self::terms_accepting_work(task)?;
			ensure!(terms.assignment == AssignmentMode::Open, Error::<T>::WrongAssignmentMode);
			ensure!(item < terms.item_count, Error::<T>::ItemOutOfRange);
			Self::ensure_eligible(&who, &terms)?;
			Self::take_claim(&who, task, item, &terms)
		}

		/// Commit a sealed label for an item:
		/// `hash = blake2_256(SCALE((task, item, label, salt, caller)))`, with
		/// `label` a `u16` and `salt` 32 random bytes kept until the reveal. On an `Assigned`
		/// task the caller must hold a claim on the item; on an `Open` task a
		/// caller without one takes a place on the item by committing (the same
		/// checks and stake lock as `claim_item`). When the item has all its
		/// commits, its reveal window opens.
		///
		/// Origin: signed (the claimant, or an eligible annotator of an `Open` task).
		///
		/// Errors: `UnknownTask`, `TaskNotAcceptingWork`, `ItemOutOfRange`,
		/// `NotLabeling`, `NoClaim`, `ClaimExpired`, `ItemAlreadySettled`,
		/// `AlreadyLabeled`, `ItemFull`, `InsufficientStake`, `TierTooLow`.
		/// Events: `LabelCommitted`, and `RevealOpened` with the last commit.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::commit(T::MaxRedundancy::get()))]
		pub fn commit(
			origin: OriginFor<T>,
			task: TaskId,
			item: ItemIndex,
			hash: H256,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let terms = Self::terms_accepting_work(task)?;
			let mut run = commit_reveal::CommitRun::default();
			let redundancy = Self::commit_one(&who, task, item, hash, &terms, &mut run, true)?;
			Self::finish_commits(&who, task, &terms, run)?;
			Ok(Some(Self::commit_weight(redundancy)).into())
		}

		/// Reveal a committed label. The last reveal tallies the item. Declared
		/// as a tallying reveal on an item of `MaxRedundancy`; charged for the
		/// item's redundancy, and as an earlier reveal unless it tallied.
		///
		/// Origin: signed (the committer).
		///
		/// Errors: `UnknownTask`, `UnknownItem`, `NotRevealing`,
		/// `RevealWindowClosed`, `NoCommit`, `AlreadyRevealed`, `LabelOutOfRange`,
		/// `CommitMismatch`.
		/// Events: `LabelRevealed`; with the last reveal `ItemAccepted` or
		/// `ItemDisputed`.
		#[pallet::call_index(3)]
		#[pallet::weight(Pallet::<T>::reveal_worst(T::MaxRedundancy::get()))]
		pub fn reveal(
			origin: OriginFor<T>,
			task: TaskId,
			item: ItemIndex,
			label: Label,
			salt: [u8; 32],
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let terms = T::Tasks::terms(task).ok_or(Error::<T>::UnknownTask)?;
			let mut quality = TaskQuality::default();
			let work = Self::reveal_one(&who, task, item, label, salt, &terms, &mut quality, true)?;
			Self::write_quality(task, &quality);
			Ok(Some(Self::reveal_alone(work)).into())
		}

		/// Move an item on when time has: tally it once its reveal window has
		/// ended; settle it once its appeal window has ended; drop its expired
		/// claims, each slashed `ExpiredClaimSlash` and freeing its place
		/// (and, once the task takes no more work, release the rest); open
		/// the reveal window of an item short of its redundancy once the task
		/// takes no more work; once an expert's
		/// `ExpertTimeout` has run out, settle a dispute by the fallback (the
		/// label with a strict plurality of vote weight and two annotators, or
		/// else `Unresolved`: nobody paid, the item's label budget refunded)
		/// and let an appeal lapse (bond returned, the crowd's label settles).
		/// The chain does each of these itself in the block after it falls due
		/// (the agenda in `on_initialize`); this call is for anyone in a hurry.
		///
		/// Origin: signed (anyone).
		///
		/// Errors: `UnknownTask`, `UnknownItem`, `RevealWindowOpen`,
		/// `AppealWindowOpen`, `AwaitingExpert`, `NothingToFinalize`.
		/// Events: `ClaimExpired`, `ClaimReleased`, `RevealOpened`,
		/// `ItemAccepted`, `ItemDisputed`, `AppealTimedOut`, `ItemSettled`.
		#[pallet::call_index(4)]
		#[pallet::weight(Pallet::<T>::finalize_item_weight(T::MaxRedundancy::get()))]
		pub fn finalize_item(
			origin: OriginFor<T>,
			task: TaskId,
			item: ItemIndex,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let terms = T::Tasks::terms(task).ok_or(Error::<T>::UnknownTask)?;
			let mut settlement = Settlement::default();
			let (redundancy, step) = Self::finalize_one(task, item, &terms, &mut settlement)?;
			settlement.apply(task, &terms)?;
			Ok(Some(Self::finalize_weight(step, redundancy)).into())
		}

		/// Settle a disputed item with `label`, before its `ExpertTimeout` runs
		/// out. The expert is paid `ExpertFee` from the task's dispute budget;
		/// the annotators are scored against `label` like a crowd decision.
		///
		/// Origin: a member of the expert set who neither requested the task
		/// nor claimed or labeled the item.
		///
		/// Errors: `UnknownTask`, `UnknownItem`, `NotDisputed`, `ExpertInvolved`,
		/// `LabelOutOfRange`, and the tasks pallet's `DisputeBudgetExhausted`.
		/// Event: `ItemSettled`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::resolve_dispute(T::MaxRedundancy::get()))]
		pub fn resolve_dispute(
			origin: OriginFor<T>,
			task: TaskId,
			item: ItemIndex,
			label: Label,
		) -> DispatchResultWithPostInfo {
			let expert = T::ExpertOrigin::ensure_origin(origin)?;
			let terms = T::Tasks::terms(task).ok_or(Error::<T>::UnknownTask)?;
			let state = Items::<T>::get(task, item).ok_or(Error::<T>::UnknownItem)?;
			let actual = T::WeightInfo::resolve_dispute(Self::redundancy_of(&state));
			ensure!(matches!(state.phase, ItemPhase::Disputed { .. }), Error::<T>::NotDisputed);
			Self::ensure_impartial(&expert, &state, &terms)?;
			ensure!(label < terms.class_count, Error::<T>::LabelOutOfRange);
			T::Tasks::pay_expert(task, &expert, T::ExpertFee::get())?;
			Self::credit_expert_fee(&expert, T::ExpertFee::get());
			let confidence = Self::posterior_probability(task, &state, &terms, label);
			Self::settle_now(task, item, state, &terms, label, Decision::Expert, confidence, None)?;
			Ok(Some(actual).into())
		}

		/// Appeal the label the crowd accepted, or the gold answer the requester
		/// revealed, holding `AppealBond` from the
		/// caller until an expert decides, for at most `ExpertTimeout` blocks:
		/// then the appeal lapses, the bond is returned and the crowd's label
		/// stands. Refused when the task's dispute budget cannot pay an expert
		/// (the requester may top it up), as no one would decide it.
		///
		/// Origin: signed (an annotator of the item, or the task's requester,
		/// who may not appeal their own gold answer).
		///
		/// Errors: `UnknownTask`, `UnknownItem`, `NotAppealable`, `NotInvolved`,
		/// `DisputeBudgetExhausted`, `InsufficientBalance`. Event: `AppealLodged`.
		#[pallet::call_index(6)]
		pub fn appeal(origin: OriginFor<T>, task: TaskId, item: ItemIndex) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let terms = T::Tasks::terms(task).ok_or(Error::<T>::UnknownTask)?;
			let mut state = Items::<T>::get(task, item).ok_or(Error::<T>::UnknownItem)?;
			let ItemPhase::Accepted { label, confidence, appeal_ends_at } = state.phase else {
				return Err(Error::<T>::NotAppealable.into());
			};
			ensure!(
				frame_system::Pallet::<T>::block_number() <= appeal_ends_at,
				Error::<T>::NotAppealable
			);
			let annotator = state.commits.iter().any(|commit| commit.annotator == who);
			let requester_of_crowd_label = who == terms.requester && state.gold.is_none();
			ensure!(annotator || requester_of_crowd_label, Error::<T>::NotInvolved);
			ensure!(
				T::Tasks::can_pay_expert(task, T::ExpertFee::get()),
				Error::<T>::DisputeBudgetExhausted
			);
			let bond = T::AppealBond::get();
			T::Currency::hold(&HoldReason::AppealBond.into(), &who, bond)
				.map_err(|_| Error::<T>::InsufficientBalance)?;
			let times_out_at = Self::expert_deadline();
			state.phase = ItemPhase::Appealed { label, confidence, appellant: who.clone(), times_out_at };
			Self::store_item(task, item, state, &terms);
			Self::count_appeal(task, None);
			Self::deposit_event(Event::AppealLodged { task, item, appellant: who, bond });
			Ok(())
		}

		/// Decide an appeal with the expert's `label`. If it differs from the
		/// label appealed (the crowd's or the gold answer), the appeal is
		/// upheld: the item settles with `label`, the bond is returned, and
		/// each annotator who gave the overturned label loses `StakePerLabel`
		/// to the appellant and those who gave `label`, in turn (never to the
		/// requester); an overturned gold answer also forfeits its gold bond
		/// to the annotators who gave `label`. Otherwise the label appealed
		/// stands and the bond is shared by the annotators who gave it (the
		/// treasury takes it if the appellant was the only one). The expert is
		/// paid `ExpertFee` from the dispute budget.
		///
		/// Origin: a member of the expert set who neither requested the task,
		/// nor claimed, labeled or appealed the item.
		///
		/// Errors: `UnknownTask`, `UnknownItem`, `NotAppealed`, `ExpertInvolved`,
		/// `LabelOutOfRange`, and the tasks pallet's `DisputeBudgetExhausted`.
		/// Events: `AppealDecided`, `ItemSettled`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::decide_appeal(T::MaxRedundancy::get()))]
		pub fn decide_appeal(
			origin: OriginFor<T>,
			task: TaskId,
			item: ItemIndex,
			label: Label,
		) -> DispatchResultWithPostInfo {
			let expert = T::ExpertOrigin::ensure_origin(origin)?;
			let terms = T::Tasks::terms(task).ok_or(Error::<T>::UnknownTask)?;
			let state = Items::<T>::get(task, item).ok_or(Error::<T>::UnknownItem)?;
			let actual = T::WeightInfo::decide_appeal(Self::redundancy_of(&state));
			let ItemPhase::Appealed { label: accepted, confidence, appellant, .. } = state.phase.clone()
			else {
				return Err(Error::<T>::NotAppealed.into());
			};
			Self::ensure_impartial(&expert, &state, &terms)?;
			ensure!(label < terms.class_count, Error::<T>::LabelOutOfRange);
			T::Tasks::pay_expert(task, &expert, T::ExpertFee::get())?;
			Self::credit_expert_fee(&expert, T::ExpertFee::get());
			let upheld = label != accepted;
			Self::count_appeal(task, Some(upheld));
			Self::deposit_event(Event::AppealDecided { task, item, upheld });
			if upheld {
				Self::return_appeal_bond(&appellant)?;
				let right = state.revealers_of(label, &[&terms.requester]);
				if state.gold.is_some() {
					Self::forfeit_gold_bond(task, &right)?;
					for (who, outcome) in Self::gold_outcomes(&state, accepted) {
						T::Reputation::withdraw(who, terms.domain, outcome);
					}
					Self::learn_from_gold(task, &state, &terms, accepted, false);
					Self::unscore_calibration(task, item);
				}
				let mut beneficiaries = right;
				if appellant != terms.requester && !beneficiaries.contains(&appellant) {
					beneficiaries.insert(0, appellant);
				}
				let overturn = settlement::Overturn { label: accepted, beneficiaries };
				let share = Self::posterior_probability(task, &state, &terms, label);
				Self::settle_now(task, item, state, &terms, label, Decision::Expert, share, Some(&overturn))?;
			} else {
				Self::award_appeal_bond(&appellant, &state, accepted)?;
				let decided_by = state.standing_decision();
				Self::settle_now(task, item, state, &terms, accepted, decided_by, confidence, None)?;
			}
			Ok(Some(actual).into())
		}

		/// Reveal the hidden gold answer of a tallied item, before it settles
		/// (an item asking for more labels too, until its next label is
		/// committed: the answer settles it without them):
		/// `blake2_256(SCALE((item: u32, answer: u16, salt: [u8; 32])))` must
		/// equal the task's gold commitment at `gold_index`. The answer becomes
		/// the item's label and its appeal window runs at least `AppealWindow`
		/// blocks from now (a pending appeal of the crowd's label is dropped
		/// and its bond returned): the item's annotators may appeal it; when
		/// the window ends they are scored against it with the gold weight,
		/// wrong answers slashed `GoldSlash` to the treasury. A second answer
		/// for an item that has one changes nothing but forfeits its
		/// commitment's gold bond to the item's annotators who revealed.
		/// Every revealed commitment's bond not forfeited returns at close.
		///
		/// Origin: signed (the task's requester).
		///
		/// Errors: `UnknownTask`, `NotRequester`, `UnknownGold`,
		/// `GoldAlreadyRevealed`, `LabelOutOfRange`, `GoldMismatch`,
		/// `ItemAlreadySettled`, `UnknownItem`, `NotTallied`.
		/// Events: `GoldRevealed` (and `ClaimReleased` for a place claimed on
		/// the item's next round), or `SecondGoldAnswer` (and the tasks
		/// pallet's `GoldBondForfeited`).
		#[pallet::call_index(8)]
		#[pallet::weight(Pallet::<T>::reveal_gold_weight(T::MaxRedundancy::get()))]
		pub fn reveal_gold(
			origin: OriginFor<T>,
			task: TaskId,
			item: ItemIndex,
			gold_index: u32,
			answer: Label,
			salt: [u8; 32],
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let terms = T::Tasks::terms(task).ok_or(Error::<T>::UnknownTask)?;
			ensure!(who == terms.requester, Error::<T>::NotRequester);
			let commitment =
				T::Tasks::gold_commitment(task, gold_index).ok_or(Error::<T>::UnknownGold)?;
			ensure!(commitment.revealed_for.is_none(), Error::<T>::GoldAlreadyRevealed);
			ensure!(answer < terms.class_count, Error::<T>::LabelOutOfRange);
			ensure!(
				gold_commitment(item, answer, &salt) == commitment.hash,
				Error::<T>::GoldMismatch
			);
			let Some(mut state) = Items::<T>::get(task, item) else {
				ensure!(!SettledItems::<T>::contains_key(task, item), Error::<T>::ItemAlreadySettled);
				return Err(Error::<T>::UnknownItem.into());
			};
			ensure!(state.takes_gold_answer(), Error::<T>::NotTallied);
			let actual = Self::reveal_gold_weight(Self::redundancy_of(&state));
			let window_ends_at = frame_system::Pallet::<T>::block_number()
				.saturating_add(T::AppealWindow::get());
			// An accepted label's own window is never cut short.
			let appeal_ends_at = match &state.phase {
				ItemPhase::Accepted { appeal_ends_at, .. } => window_ends_at.max(*appeal_ends_at),
				_ => window_ends_at,
			};
			T::Tasks::gold_revealed(task, gold_index, item)?;
			if state.gold.is_some() {
				// Committing both answers and revealing the convenient one
				// must cost the bond of the other: it goes to the item's
				// annotators, whose item was played with.
				let wronged = state.revealers(&[&terms.requester]);
				Self::forfeit_gold_bond(task, &wronged)?;
				Self::deposit_event(Event::SecondGoldAnswer { task, item, gold_index, answer });
				return Ok(Some(actual).into());
			}
			if let ItemPhase::Appealed { appellant, .. } = &state.phase {
				Self::return_appeal_bond(appellant)?;
			}
			// A place claimed on the next round will not be labeled: free it.
			Self::release_claims(task, item, &mut state);
			// The answer scores the calibration with the posterior the item
			// has now, and the task's models learn it at once, so that later
			// tallies weigh it.
			let posterior = Self::posterior_of(task, &state, &terms);
			let confidence = posterior.probability(answer);
			Self::score_calibration(task, item, &state, &posterior, &terms, answer);
			Self::learn_from_gold(task, &state, &terms, answer, true);
			for (who, outcome) in Self::gold_outcomes(&state, answer) {
				T::Reputation::record(who, terms.domain, outcome);
			}
			state.phase = ItemPhase::Accepted { label: answer, confidence, appeal_ends_at };
			state.gold = Some(gold_index);
			Self::store_item(task, item, state, &terms);
			Self::deposit_event(Event::GoldRevealed { task, item, gold_index, answer, appeal_ends_at });
			Ok(Some(actual).into())
		}

		/// Commit a sealed label on `commit_item` and reveal the caller's label
		/// on `reveal_item`, in one transaction: how an annotator working
		/// through items one at a time sends each label once, the reveal of an
		/// earlier item riding with the commit of the next. Each part is checked
		/// as `reveal` and `commit` would (the reveal first); both or neither
		/// take effect. Charged as a `commit` and a `reveal` of the two items.
		///
		/// Origin: signed, as for `commit`, and the committer of `reveal_item`.
		///
		/// Errors: those of `reveal` and of `commit`.
		/// Events: those of `reveal` and of `commit`.
		#[pallet::call_index(12)]
		#[pallet::weight(
			T::WeightInfo::commit(T::MaxRedundancy::get())
				.saturating_add(Pallet::<T>::reveal_worst(T::MaxRedundancy::get()))
		)]
		pub fn commit_and_reveal(
			origin: OriginFor<T>,
			task: TaskId,
			commit_item: ItemIndex,
			hash: H256,
			reveal_item: ItemIndex,
			label: Label,
			salt: [u8; 32],
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let terms = Self::terms_accepting_work(task)?;
			let mut quality = TaskQuality::default();
			let revealed = Self::reveal_one(&who, task, reveal_item, label, salt, &terms, &mut quality, true)?;
			let mut run = commit_reveal::CommitRun::default();
			let redundancy = Self::commit_one(&who, task, commit_item, hash, &terms, &mut run, true)?;
			Self::finish_commits(&who, task, &terms, run)?;
			Self::write_quality(task, &quality);
			Ok(Some(Self::commit_weight(redundancy).saturating_add(Self::reveal_alone(revealed))).into())
		}

		/// Commit sealed labels on several items of one task, as `commit` would
		/// one by one; the stake behind implicit claims is locked and the
		/// task's progress written once for the whole batch. All or nothing:
		/// any failing item fails the call.
		///
		/// Origin: signed, as for `commit`.
		///
		/// Errors: `EmptyBatch`, and those of `commit` for any item.
		/// Events: `LabelsCommitted`, and `RevealOpened` for each item the batch
		/// completes.
		#[pallet::call_index(9)]
		#[pallet::weight(Pallet::<T>::commit_batch_weight(commits.len() as u32, T::MaxRedundancy::get()))]
		pub fn commit_batch(
			origin: OriginFor<T>,
			task: TaskId,
			commits: BoundedVec<(ItemIndex, H256), T::MaxBatch>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			ensure!(!commits.is_empty(), Error::<T>::EmptyBatch);
			let terms = Self::terms_accepting_work(task)?;
			let mut run = commit_reveal::CommitRun::default();
			let mut actual = T::WeightInfo::commit_batch(commits.len() as u32);
			for (item, hash) in commits.iter() {
				let redundancy = Self::commit_one(&who, task, *item, *hash, &terms, &mut run, false)?;
				actual.saturating_accrue(Self::commit_extra(redundancy));
			}
			Self::finish_commits(&who, task, &terms, run)?;
			let items = commits.iter().map(|(item, _)| *item).collect::<alloc::vec::Vec<_>>();
			// As many items as commits, so within the same bound.
			let items = BoundedVec::truncate_from(items);
			Self::deposit_event(Event::LabelsCommitted { task, annotator: who, items });
			Ok(Some(actual).into())
		}

		/// Reveal labels on several items of one task, as `reveal` would one by
		/// one; the task's counts are written once. All or nothing.
		///
		/// Origin: signed (the committer).
		///
		/// Errors: `EmptyBatch`, `UnknownTask`, and those of `reveal` for any item.
		/// Events: `LabelsRevealed`; `ItemAccepted` or `ItemDisputed` for each
		/// item the batch completes.
		#[pallet::call_index(10)]
		#[pallet::weight(Pallet::<T>::reveal_batch_weight(reveals.len() as u32, T::MaxRedundancy::get()))]
		pub fn reveal_batch(
			origin: OriginFor<T>,
			task: TaskId,
			reveals: BoundedVec<(ItemIndex, Label, [u8; 32]), T::MaxBatch>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			ensure!(!reveals.is_empty(), Error::<T>::EmptyBatch);
			let terms = T::Tasks::terms(task).ok_or(Error::<T>::UnknownTask)?;
			let mut quality = TaskQuality::default();
			let mut actual = T::WeightInfo::reveal_batch(reveals.len() as u32);
			for (item, label, salt) in reveals.iter() {
				let work = Self::reveal_one(&who, task, *item, *label, *salt, &terms, &mut quality, false)?;
				actual.saturating_accrue(Self::reveal_in_batch(work));
			}
			Self::write_quality(task, &quality);
			let labels = reveals.iter().map(|(item, label, _)| (*item, *label)).collect::<alloc::vec::Vec<_>>();
			let labels = BoundedVec::truncate_from(labels);
			Self::deposit_event(Event::LabelsRevealed { task, annotator: who, labels });
			Ok(Some(actual).into())
		}

		/// Move several items of one task on, as `finalize_item` would one by
		/// one. Items that settle together pay each annotator in one transfer
		/// and write each annotator's stake, reputation and earnings once.
		/// Items with nothing due, or no longer in progress (the chain's own
		/// agenda may have moved them in this very block), are skipped; any
		/// other failure fails the whole call.
		///
		/// Origin: signed (anyone).
		///
		/// Errors: `EmptyBatch`, `UnknownTask`, `NothingToFinalize` (no item
		/// moved), and any other error of `finalize_item` for any item.
		/// Events: those of `finalize_item` for each item moved.
		#[pallet::call_index(11)]
		#[pallet::weight(Pallet::<T>::finalize_items_weight(items.len() as u32, T::MaxRedundancy::get()))]
		pub fn finalize_items(
			origin: OriginFor<T>,
			task: TaskId,
			items: BoundedVec<ItemIndex, T::MaxBatch>,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			ensure!(!items.is_empty(), Error::<T>::EmptyBatch);
			let terms = T::Tasks::terms(task).ok_or(Error::<T>::UnknownTask)?;
			let mut settlement = Settlement::default();
			let mut labels = 0u32;
			let mut moved = 0u32;
			let mut timed_out = 0u32;
			let mut claims_extra = Weight::zero();
			for item in items.iter() {
				match Self::finalize_one(task, *item, &terms, &mut settlement) {
					Ok((redundancy, step)) => {
						labels.saturating_accrue(redundancy);
						moved.saturating_inc();
						if step.is_expert_timeout() {
							timed_out.saturating_inc();
						}
						if step.is_labeling_step() {
							claims_extra.saturating_accrue(T::WeightInfo::agenda_expired_claims(redundancy));
						}
					},
					// Nothing was written for an item skipped here.
					Err(error) if Self::is_not_due(&error) ||
						error == DispatchError::from(Error::<T>::UnknownItem) => {},
					Err(error) => return Err(error.into()),
				}
			}
			ensure!(moved > 0, Error::<T>::NothingToFinalize);
			let annotators = settlement.annotators();
			settlement.apply(task, &terms)?;
			let actual = Self::finalize_items_actual(items.len() as u32, labels, annotators)
				.saturating_add(Self::timeout_extra().saturating_mul(timed_out.into()))
				.saturating_add(claims_extra);
			Ok(Some(actual).into())
		}
	}

	impl<T: Config> Pallet<T> {
		/// What a commit on an item of `redundancy` is charged: its benchmark,
		/// measured from redundancy 2 (see the benchmark), at least that.
		pub(crate) fn commit_weight(redundancy: u32) -> Weight {
			T::WeightInfo::commit(redundancy.max(2))
		}

		/// The redundancy an item's weight is charged at: its commits (and any
		/// claims still open), at least one. A call is declared at
		/// `MaxRedundancy` and refunds the difference once the item is read.
		pub(crate) fn redundancy_of(state: &ItemState<T>) -> u32 {
			(state.commits.len().saturating_add(state.claims.len()) as u32).max(1)
		}

		pub(crate) fn terms_accepting_work(task: TaskId) -> Result<TermsOf<T>, DispatchError> {
			let terms = T::Tasks::terms(task).ok_or(Error::<T>::UnknownTask)?;
			ensure!(
				terms.accepts_work(frame_system::Pallet::<T>::block_number()),
				Error::<T>::TaskNotAcceptingWork
			);
			Ok(terms)
		}

		pub(crate) fn open_reveal(task: TaskId, item: ItemIndex, state: &mut ItemState<T>) {
			let ends_at =
				frame_system::Pallet::<T>::block_number().saturating_add(T::RevealWindow::get());
			state.phase = ItemPhase::Revealing { ends_at };
			Self::deposit_event(Event::RevealOpened { task, item, ends_at });
		}

		/// The invariants: every item's claims and commits fit its task's
		/// redundancy, one per annotator (so no item pays more than its
		/// redundancy and nobody twice); each annotator's open-claim count matches
		/// the live claims; no item is both in progress and settled; each
		/// task's quality counts agree with each other and with its settled
		/// items; each appellant's bond hold matches their pending appeals;
		/// every item in progress has its live agenda entry, and no entry
		/// waits behind the cursor; each annotator's locked stake is
		/// `StakePerLabel` for each of their claims and unsettled commits
		/// (and nobody else has any locked); every revealed gold answer
		/// opened one of its task's commitments.
		#[cfg(any(feature = "try-runtime", feature = "std", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::btree_map::BTreeMap;
			use frame_support::traits::fungible::InspectHold;
			let mut claims_by_annotator: BTreeMap<T::AccountId, u32> = BTreeMap::new();
			let mut labels_in_flight: BTreeMap<T::AccountId, u32> = BTreeMap::new();
			let mut bonds: BTreeMap<T::AccountId, T::Balance> = BTreeMap::new();
			for (task, item, state) in Items::<T>::iter() {
				if let ItemPhase::Appealed { appellant, .. } = &state.phase {
					let bond = bonds.entry(appellant.clone()).or_default();
					*bond = bond.saturating_add(T::AppealBond::get());
				}
				let terms = T::Tasks::terms(task).ok_or("an item of an unknown task")?;
				ensure!(item < terms.item_count, "an item beyond its task's item count");
				ensure!(
					state.places_taken() <= u32::from(terms.max_redundancy),
					"more claims and commits than the most redundancy"
				);
				ensure!(!SettledItems::<T>::contains_key(task, item), "an item both open and settled");
				// One place per annotator per item: nobody can be paid twice for it.
				let mut people: alloc::vec::Vec<&T::AccountId> = state
					.claims
					.iter()
					.map(|claim| &claim.annotator)
					.chain(state.commits.iter().map(|commit| &commit.annotator))
					.collect();
				let places = people.len();
				people.sort();
				people.dedup();
				ensure!(people.len() == places, "an annotator holds two places on one item");
				for claim in state.claims.iter() {
					claims_by_annotator.entry(claim.annotator.clone()).or_default().saturating_inc();
				}
				for who in people {
					labels_in_flight.entry(who.clone()).or_default().saturating_inc();
				}
				// Every item in flight is on the agenda (no later than its next
				// step fell due when it was written: the pallet tests check it).
				let at = state.agenda_at.ok_or("an item off the agenda")?;
				ensure!(Agenda::<T>::contains_key(at, (task, item)), "an item's agenda entry is missing");
			}
			// A gold answer's calibration score lasts while its item is open.
			for (task, item, _) in GoldScores::<T>::iter() {
				let gold = Items::<T>::get(task, item).and_then(|state| state.gold);
				ensure!(gold.is_some(), "a gold calibration score without its open gold item");
			}
			// Each task's phase counters count its items in progress.
			let mut counted: BTreeMap<TaskId, types::PhaseCounts> = BTreeMap::new();
			for (task, _, state) in Items::<T>::iter() {
				let kind = types::PhaseKind::of(&state.phase);
				ensure!(state.counted_as == Some(kind), "an item counted under another phase");
				counted.entry(task).or_default().shift(None, Some(kind));
			}
			for (task, counts) in PhaseCountsOf::<T>::iter() {
				ensure!(counts.total() > 0, "a task's phase counters stayed behind with nothing in progress");
				ensure!(
					counted.remove(&task).unwrap_or_default() == counts,
					"a task's phase counters differ from its items in progress"
				);
			}
			ensure!(counted.is_empty(), "items in progress of a task without phase counters");
			let mut totals = types::PhaseCounts::default();
			for counts in PhaseCountsOf::<T>::iter_values() {
				totals.absorb(&counts);
			}
			// Summed from version 3 on; below, a migration is still summing them.
			if Self::on_chain_storage_version() >= 3 {
				ensure!(totals == PhaseTotals::<T>::get(), "the chain's phase totals differ from the tasks' counters");
			}
			// A claim waiting for its draw holds its stake and an open claim.
			for (_, who) in PendingClaims::<T>::get() {
				claims_by_annotator.entry(who.clone()).or_default().saturating_inc();
				labels_in_flight.entry(who).or_default().saturating_inc();
			}
			// Live or stale (their item moved on or settled, which the agenda
			// skips), no entry may wait behind the cursor.
			if let Some(cursor) = AgendaCursor::<T>::get() {
				ensure!(
					Agenda::<T>::iter_keys().all(|(at, _)| at >= cursor),
					"an agenda entry behind the cursor"
				);
			}
			for (annotator, open) in OpenClaims::<T>::iter() {
				ensure!(open > 0, "an open-claim count of zero kept in storage");
				ensure!(
					claims_by_annotator.remove(&annotator).unwrap_or(0) == open,
					"an open-claim count differs from the live claims"
				);
			}
			ensure!(
				claims_by_annotator.values().all(|count| *count == 0),
				"live claims without an open-claim count"
			);
			for (task, quality) in TaskQualities::<T>::iter() {
				ensure!(
					quality.labels_agreeing <= quality.labels_revealed &&
						quality.gold_labels_correct <= quality.gold_labels &&
						quality.disputes <= quality.items_tallied &&
						quality.appeals_upheld <= quality.appeals,
					"a task's quality counts contradict each other"
				);
				ensure!(
					SettledItems::<T>::iter_prefix(task).count() as u32 == quality.items_settled(),
					"a task's settled count differs from its settled items"
				);
			}
			let mut locked: BTreeMap<T::AccountId, T::Balance> = T::Stake::all_locked().into_iter().collect();
			for (who, labels) in labels_in_flight {
				ensure!(
					locked.remove(&who).unwrap_or_default() ==
						T::StakePerLabel::get().saturating_mul(labels.into()),
					"an annotator's locked stake differs from StakePerLabel times their labels in flight"
				);
			}
			ensure!(locked.is_empty(), "stake locked with no label in flight");
			// An item's gold answer is a commitment revealed for that item.
			for (task, item, state) in Items::<T>::iter() {
				if let Some(gold_index) = state.gold {
					ensure!(
						T::Tasks::gold_commitment(task, gold_index).and_then(|gold| gold.revealed_for) == Some(item),
						"an item's gold answer is not a commitment revealed for it"
					);
				}
			}
			for (appellant, bond) in bonds {
				ensure!(
					T::Currency::balance_on_hold(&HoldReason::AppealBond.into(), &appellant) == bond,
					"an appellant's bond hold differs from their pending appeals"
				);
			}
			Ok(())
		}
	}
}
