//! `labeling_*` JSON-RPC methods: a thin layer over the runtime's
//! `LabelingApi`, for requesters' and annotators' clients that speak plain
//! JSON. Every method takes an optional block hash (default: the best block).
//!
//! Errors: `-32602` for bad arguments (also raised by jsonrpsee for malformed
//! ones), and the codes in [`codes`] for answers the runtime refuses.

use std::sync::Arc;

use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorCode, ErrorObjectOwned},
};
use labelchain_primitives::{
	task::{DomainId, ItemIndex, TaskId},
	runtime_api::{
		AnnotatorSummary, BudgetSummary, ChainActivity, GoldRevealState, ItemPage, ItemSummary, ItemSummaryPage, LabelTally,
		LabelingApi as LabelingRuntimeApi,
		LabelingApiError, QualitySummary, TaskPage, TaskSummary, WorkPage, MAX_PAGE,
	},
};
use sp_api::{ApiError, ApiExt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

use super::address::Address;

/// The error codes of the `labeling_*` methods, besides JSON-RPC's own.
pub mod codes {
	/// The runtime call failed: an unknown block, a runtime without the API,
	/// or one with an older API version than the method needs.
	pub const RUNTIME_ERROR: i32 = 8000;
	/// No task has this id.
	pub const UNKNOWN_TASK: i32 = 8001;
	/// The item index is not below the task's item count.
	pub const ITEM_OUT_OF_RANGE: i32 = 8002;
	/// The annotator may not claim in the task now; the data says why.
	pub const NOT_CLAIMABLE: i32 = 8003;
}

/// How many entries a page has when the caller does not say.
const DEFAULT_PAGE: u32 = 20;

#[rpc(server, namespace = "labeling")]
pub trait LabelingRpc<BlockHash> {
	/// A task with its money and item counts.
	#[method(name = "task")]
	fn task(&self, task: TaskId, at: Option<BlockHash>) -> RpcResult<TaskSummary>;

	/// Tasks taking work, from id `start` (default 0), at most `max` (default
	/// 20, at most 100); with `annotator`, only those they may claim in.
	#[method(name = "openTasks")]
	fn open_tasks(
		&self,
		start: Option<TaskId>,
		max: Option<u32>,
		annotator: Option<Address>,
		at: Option<BlockHash>,
	) -> RpcResult<TaskPage>;

	/// An item's state, or its final record once settled.
	#[method(name = "item")]
	fn item(&self, task: TaskId, item: ItemIndex, at: Option<BlockHash>) -> RpcResult<ItemSummary>;

	/// An annotator's stake, reputation in `domain` (default 0), earnings and
	/// open claims.
	#[method(name = "annotator")]
	fn annotator(
		&self,
		who: Address,
		domain: Option<DomainId>,
		at: Option<BlockHash>,
	) -> RpcResult<AnnotatorSummary>;

	/// The items of `task` on which `who` holds a claim or an unsettled
	/// commit, from `start` (default 0), at most `max` (default 20, at most
	/// 100); `next` is where the following page starts. Needs labeling API
	/// version 7.
	#[method(name = "annotatorWork")]
	fn annotator_work(
		&self,
		who: Address,
		task: TaskId,
		start: Option<ItemIndex>,
		max: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<WorkPage>;

	/// Items of `task` that `who` may claim now, from `start` (default 0), at
	/// most `max` (default 20, at most 100).
	#[method(name = "claimableItems")]
	fn claimable_items(
		&self,
		who: Address,
		task: TaskId,
		start: Option<ItemIndex>,
		max: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<ItemPage>;

	/// A task's label quality: agreement rate, gold accuracy, dispute rate.
	#[method(name = "taskQuality")]
	fn task_quality(&self, task: TaskId, at: Option<BlockHash>) -> RpcResult<QualitySummary>;

	/// The labels revealed so far on an item not yet settled, each with how
	/// many gave it and its share of the revealed vote weight under
	/// reputations now (parts per billion, rounded down; head counts if no
	/// revealer has any weight): what an expert weighs. Empty before any
	/// reveal and once settled. Needs labeling API version 2.
	#[method(name = "itemTally")]
	fn item_tally(&self, task: TaskId, item: ItemIndex, at: Option<BlockHash>) -> RpcResult<Vec<LabelTally>>;

	/// Whether the requester may reveal `item`'s gold answer in the next
	/// block (`now`), `later`, or no more (`revealed`, `settled`, `never`):
	/// the voting pallet's rule, so that no client copies it. Needs
	/// labeling API version 9.
	#[method(name = "goldRevealState")]
	fn gold_reveal_state(&self, task: TaskId, item: ItemIndex, at: Option<BlockHash>) -> RpcResult<GoldRevealState>;

	/// Items of `task` that `finalize_item` would move on in the next block
	/// (a reveal or appeal window ended, a claim expired, a reveal due to
	/// open), from `start` (default 0), at most `max` (default 20, at most
	/// 100); a page looks at up to 10,000 items and says where to go on.
	/// Needs labeling API version 3.
	#[method(name = "finalizableItems")]
	fn finalizable_items(
		&self,
		task: TaskId,
		start: Option<ItemIndex>,
		max: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<ItemPage>;

	/// Consecutive items of `task` from `start` (default 0), at most `max`
	/// (default 20, at most 100), each as `labeling_item` gives it, and where
	/// the next page starts. Needs labeling API version 3.
	#[method(name = "items")]
	fn items(
		&self,
		task: TaskId,
		start: Option<ItemIndex>,
		max: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<ItemSummaryPage>;

	/// What a task of `item_count` items, at most `redundancy` annotators each,
	/// `reward_per_label` and `dispute_budget` (decimal strings of the
	/// smallest unit, as amounts are everywhere in these answers) and
	/// `gold_count` gold commitments would hold: labels with their protocol
	/// fee, the dispute budget, the gold bonds and the storage deposit.
	/// Needs labeling API version 6 (the storage deposit, 7).
	#[method(name = "taskBudget")]
	fn task_budget(
		&self,
		item_count: u32,
		redundancy: u8,
		reward_per_label: String,
		dispute_budget: String,
		gold_count: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<BudgetSummary>;

	/// The whole chain's labeling at a block: open and cancelled tasks,
	/// items in progress by phase, those waiting for experts, how many
	/// blocks each agenda is behind, whether a storage migration runs, and
	/// what the block did (labels revealed, items and labels settled): what
	/// the node's `labelchain_*` Prometheus metrics export. Needs labeling
	/// API version 10.
	#[method(name = "chainActivity")]
	fn chain_activity(&self, at: Option<BlockHash>) -> RpcResult<ChainActivity>;
}

/// Serves the `labeling_*` methods from a client's runtime.
pub struct Labeling<C, Block> {
	client: Arc<C>,
	_block: std::marker::PhantomData<Block>,
}

impl<C, Block> Labeling<C, Block> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _block: Default::default() }
	}
}

impl<C, Block> Labeling<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: LabelingRuntimeApi<Block>,
{
	/// Runs `call` against the runtime at `at` (default: the best block).
	fn at<R>(
		&self,
		at: Option<Block::Hash>,
		call: impl FnOnce(&C::Api, Block::Hash) -> Result<R, ApiError>,
	) -> RpcResult<R> {
		self.at_version(1, at, call)
	}

	/// Runs `call`, which needs version `least` of the labeling API, against
	/// the runtime at `at` (default: the best block).
	fn at_version<R>(
		&self,
		least: u32,
		at: Option<Block::Hash>,
		call: impl FnOnce(&C::Api, Block::Hash) -> Result<R, ApiError>,
	) -> RpcResult<R> {
		let hash = at.unwrap_or_else(|| self.client.info().best_hash);
		let api = self.client.runtime_api();
		let version = api
			.api_version::<dyn LabelingRuntimeApi<Block>>(hash)
			.map_err(runtime_error)?;
		match version {
			None => Err(ErrorObjectOwned::owned(
				codes::RUNTIME_ERROR,
				"the runtime at this block has no labeling API",
				None::<()>,
			)),
			Some(version) if version < least => Err(ErrorObjectOwned::owned(
				codes::RUNTIME_ERROR,
				format!("the runtime at this block has labeling API version {version}; this method needs {least}"),
				None::<()>,
			)),
			Some(_) => call(&api, hash).map_err(runtime_error),
		}
	}
}

fn runtime_error(error: impl ToString) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(codes::RUNTIME_ERROR, "runtime call failed", Some(error.to_string()))
}

fn unknown_task(task: TaskId) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(codes::UNKNOWN_TASK, format!("no task has id {task}"), None::<()>)
}

fn refused(error: LabelingApiError, task: TaskId) -> ErrorObjectOwned {
	match error {
		LabelingApiError::UnknownTask => unknown_task(task),
		LabelingApiError::ItemOutOfRange => ErrorObjectOwned::owned(
			codes::ITEM_OUT_OF_RANGE,
			format!("the item index is beyond task {task}'s items"),
			None::<()>,
		),
		reason => ErrorObjectOwned::owned(
			codes::NOT_CLAIMABLE,
			format!("the annotator may not claim in task {task} now"),
			Some(reason),
		),
	}
}

/// An amount given as a decimal string of the smallest unit (JSON numbers
/// cannot hold a `u128`), or an invalid-params error naming `what`.
fn amount(what: &str, text: &str) -> RpcResult<labelchain_primitives::Balance> {
	text.parse().map_err(|_| {
		ErrorObjectOwned::owned(
			ErrorCode::InvalidParams.code(),
			format!("{what} must be a decimal string of the smallest unit, not {text:?}"),
			None::<()>,
		)
	})
}

/// `max` if given, else the default page; an error unless within 1..=100.
fn page_size(max: Option<u32>) -> RpcResult<u32> {
	let max = max.unwrap_or(DEFAULT_PAGE);
	if (1..=MAX_PAGE).contains(&max) {
		Ok(max)
	} else {
		Err(ErrorObjectOwned::owned(
			ErrorCode::InvalidParams.code(),
			format!("max must be between 1 and {MAX_PAGE}"),
			None::<()>,
		))
	}
}

impl<C, Block> LabelingRpcServer<Block::Hash> for Labeling<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: LabelingRuntimeApi<Block>,
{
	fn task(&self, task: TaskId, at: Option<Block::Hash>) -> RpcResult<TaskSummary> {
		self.at_version(8, at, |api, hash| api.task(hash, task))?.ok_or_else(|| unknown_task(task))
	}

	fn open_tasks(
		&self,
		start: Option<TaskId>,
		max: Option<u32>,
		annotator: Option<Address>,
		at: Option<Block::Hash>,
	) -> RpcResult<TaskPage> {
		let max = page_size(max)?;
		self.at_version(8, at, |api, hash| api.open_tasks(hash, start.unwrap_or(0), max, annotator.clone().map(|Address(who)| who)))
	}

	fn item(&self, task: TaskId, item: ItemIndex, at: Option<Block::Hash>) -> RpcResult<ItemSummary> {
		self.at(at, |api, hash| api.item(hash, task, item))?.map_err(|error| refused(error, task))
	}

	fn annotator(
		&self,
		who: Address,
		domain: Option<DomainId>,
		at: Option<Block::Hash>,
	) -> RpcResult<AnnotatorSummary> {
		self.at(at, |api, hash| api.annotator(hash, who.0.clone(), domain.unwrap_or(0)))
	}

	fn annotator_work(
		&self,
		who: Address,
		task: TaskId,
		start: Option<ItemIndex>,
		max: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<WorkPage> {
		let max = page_size(max)?;
		self.at_version(7, at, |api, hash| api.annotator_work(hash, who.0.clone(), task, start.unwrap_or(0), max))?
			.map_err(|error| refused(error, task))
	}

	fn claimable_items(
		&self,
		who: Address,
		task: TaskId,
		start: Option<ItemIndex>,
		max: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<ItemPage> {
		let max = page_size(max)?;
		self.at(at, |api, hash| api.claimable_items(hash, who.0.clone(), task, start.unwrap_or(0), max))?
			.map_err(|error| refused(error, task))
	}

	fn task_quality(&self, task: TaskId, at: Option<Block::Hash>) -> RpcResult<QualitySummary> {
		self.at(at, |api, hash| api.task_quality(hash, task))?.ok_or_else(|| unknown_task(task))
	}

	fn item_tally(&self, task: TaskId, item: ItemIndex, at: Option<Block::Hash>) -> RpcResult<Vec<LabelTally>> {
		self.at_version(2, at, |api, hash| api.item_tally(hash, task, item))?
			.map_err(|error| refused(error, task))
	}

	fn gold_reveal_state(&self, task: TaskId, item: ItemIndex, at: Option<Block::Hash>) -> RpcResult<GoldRevealState> {
		self.at_version(9, at, |api, hash| api.gold_reveal_state(hash, task, item))?
			.map_err(|error| refused(error, task))
	}

	fn finalizable_items(
		&self,
		task: TaskId,
		start: Option<ItemIndex>,
		max: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<ItemPage> {
		let max = page_size(max)?;
		self.at_version(3, at, |api, hash| api.finalizable_items(hash, task, start.unwrap_or(0), max))?
			.map_err(|error| refused(error, task))
	}

	fn items(
		&self,
		task: TaskId,
		start: Option<ItemIndex>,
		max: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<ItemSummaryPage> {
		let max = page_size(max)?;
		self.at_version(3, at, |api, hash| api.items(hash, task, start.unwrap_or(0), max))?
			.map_err(|error| refused(error, task))
	}

	fn task_budget(
		&self,
		item_count: u32,
		redundancy: u8,
		reward_per_label: String,
		dispute_budget: String,
		gold_count: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<BudgetSummary> {
		let reward = amount("rewardPerLabel", &reward_per_label)?;
		let disputes = amount("disputeBudget", &dispute_budget)?;
		self.at_version(6, at, |api, hash| {
			api.task_budget(hash, item_count, redundancy, reward, disputes, gold_count.unwrap_or(0))
		})?
		.map_err(|error| {
			ErrorObjectOwned::owned(ErrorCode::InvalidParams.code(), "the budget overflows a balance", Some(error))
		})
	}

	fn chain_activity(&self, at: Option<Block::Hash>) -> RpcResult<ChainActivity> {
		self.at_version(10, at, |api, hash| api.chain_activity(hash))
	}
}
