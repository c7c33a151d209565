//! The runtime APIs the node and clients call into the runtime with.

use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
use pallet_grandpa::AuthorityId as GrandpaId;
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult,
};
use sp_version::RuntimeVersion;

use labelchain_primitives::{
	task::{DomainId, ItemIndex, TaskId},
	runtime_api::{
		AnnotatorSummary, BudgetSummary, GoldRevealState, ItemPage, ItemSummary, ItemSummaryPage, LabelTally, LabelingApiError,
		QualitySummary, TaskPage, TaskSummary, WorkPage,
	},
};

use crate::{
	genesis_config_presets, labeling_api, opaque::SessionKeys, AccountId, Aura, Balance, Block, Executive,
	Grandpa, InherentDataExt, Nonce, Runtime, RuntimeCall, RuntimeGenesisConfig, System,
	TransactionPayment, VERSION,
};

impl_runtime_apis! {
	impl labelchain_primitives::runtime_api::LabelingApi<Block> for Runtime {
		fn task(task: TaskId) -> Option<TaskSummary> {
			labeling_api::task(task)
		}

		fn open_tasks(start: TaskId, max: u32, annotator: Option<AccountId>) -> TaskPage {
			labeling_api::open_tasks(start, max, annotator)
		}

		fn item(task: TaskId, item: ItemIndex) -> Result<ItemSummary, LabelingApiError> {
			labeling_api::item(task, item)
		}

		fn annotator(who: AccountId, domain: DomainId) -> AnnotatorSummary {
			labeling_api::annotator(who, domain)
		}

		fn annotator_work(who: AccountId, task: TaskId, start: ItemIndex, max: u32) -> Result<WorkPage, LabelingApiError> {
			labeling_api::annotator_work(who, task, start, max)
		}

		fn gold_commitment(task: TaskId, index: u32) -> Option<labelchain_primitives::task::GoldCommitment> {
			labeling_api::gold_commitment(task, index)
		}

		fn gold_reveal_state(task: TaskId, item: ItemIndex) -> Result<GoldRevealState, LabelingApiError> {
			labeling_api::gold_reveal_state(task, item)
		}

		fn claimable_items(
			who: AccountId,
			task: TaskId,
			start: ItemIndex,
			max: u32,
		) -> Result<ItemPage, LabelingApiError> {
			labeling_api::claimable_items(who, task, start, max)
		}

		fn task_quality(task: TaskId) -> Option<QualitySummary> {
			labeling_api::task_quality(task)
		}

		fn item_tally(task: TaskId, item: ItemIndex) -> Result<Vec<LabelTally>, LabelingApiError> {
			labeling_api::item_tally(task, item)
		}

		fn finalizable_items(task: TaskId, start: ItemIndex, max: u32) -> Result<ItemPage, LabelingApiError> {
			labeling_api::finalizable_items(task, start, max)
		}

		fn task_budget(
			item_count: u32,
			max_redundancy: u8,
			reward_per_label: Balance,
			dispute_budget: Balance,
			gold_count: u32,
		) -> Result<BudgetSummary, LabelingApiError> {
			labeling_api::task_budget(item_count, max_redundancy, reward_per_label, dispute_budget, gold_count)
		}

		fn items(task: TaskId, start: ItemIndex, max: u32) -> Result<ItemSummaryPage, LabelingApiError> {
			labeling_api::items(task, start, max)
		}

		fn chain_activity() -> labelchain_primitives::runtime_api::ChainActivity {
			crate::chain_activity::chain_activity()
		}
	}

	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(
			id: frame_support::view_functions::ViewFunctionId,
			input: Vec<u8>,
		) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		// Equivocation reports need key ownership proofs, which need a session
		// history; this chain does not keep one, so it accepts no reports.
		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			None
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}

		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}

		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}

		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}

		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			genesis_config_presets::preset_names()
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::BenchmarkList;
			use frame_support::traits::StorageInfoTrait;
			use frame_system_benchmarking::extensions::Pallet as SystemExtensionsBench;
			use crate::{
				AnnotatorStake, Balances, Council, Enactment, LabelVoting, Reputation, Tasks, TransactionPayment,
				Utility, ValidatorSet,
			};

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);
			(list, crate::AllPalletsWithSystem::storage_info())
		}

		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig,
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::BenchmarkBatch;
			use sp_storage::TrackedStorageKey;
			use frame_support::traits::WhitelistedStorageKeys;
			use frame_system_benchmarking::extensions::Pallet as SystemExtensionsBench;
			use crate::{
				AnnotatorStake, Balances, Council, Enactment, LabelVoting, Reputation, Tasks, TransactionPayment,
				Utility, ValidatorSet,
			};

			// Keys every block reads anyway (block number, events, ...) are not
			// charged to the call being measured.
			let whitelist: Vec<TrackedStorageKey> =
				crate::AllPalletsWithSystem::whitelisted_storage_keys();
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			let weight = Executive::try_runtime_upgrade(checks)
				.expect("try-runtime is a test tool: a failing upgrade check must stop it");
			(weight, crate::configs::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect,
		) -> Weight {
			Executive::try_execute_block(block, state_root_check, signature_check, select)
				.expect("try-runtime is a test tool: a failing block must stop it")
		}
	}
}
