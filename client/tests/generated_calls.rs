//! The generated calls encode exactly what the runtime decodes: a call built
//! from `labelchain_client::runtime` and encoded with the committed metadata
//! decodes, natively, into the runtime's own `RuntimeCall` with the same
//! fields.

use codec::Decode;
use labelchain_client::runtime;
use subxt::{ext::frame_decode::extrinsics::encode_call_data, transactions::Payload, Metadata};

fn metadata() -> Metadata {
	let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/metadata/labelchain.scale")).expect("metadata file");
	Metadata::decode(&mut &bytes[..]).expect("valid metadata")
}

fn encode(payload: &impl Payload, metadata: &Metadata) -> Vec<u8> {
	encode_call_data(payload.pallet_name(), payload.call_name(), payload.call_data(), metadata, metadata.types())
		.expect("encodes against the metadata")
}

#[test]
fn a_generated_label_call_decodes_as_the_runtimes_call() {
	let metadata = metadata();
	let (hash, salt) = ([7u8; 32], [9u8; 32]);
	let call = runtime::tx().label_voting().commit_and_reveal(4, 11, subxt::utils::H256(hash), 10, 1, salt);
	let decoded = labelchain_runtime::RuntimeCall::decode(&mut &encode(&call, &metadata)[..]).expect("the runtime decodes it");
	assert_eq!(
		decoded,
		labelchain_runtime::RuntimeCall::LabelVoting(pallet_label_voting::Call::commit_and_reveal {
			task: 4,
			commit_item: 11,
			hash: sp_core_h256(hash),
			reveal_item: 10,
			label: 1,
			salt,
		})
	);
}

#[test]
fn a_generated_batch_call_decodes_as_the_runtimes_call() {
	let metadata = metadata();
	let commits = vec![(0u32, subxt::utils::H256([1; 32])), (5, subxt::utils::H256([2; 32]))];
	let call = runtime::tx().label_voting().commit_batch(3, runtime::runtime_types::bounded_collections::bounded_vec::BoundedVec(commits));
	let decoded = labelchain_runtime::RuntimeCall::decode(&mut &encode(&call, &metadata)[..]).expect("the runtime decodes it");
	let labelchain_runtime::RuntimeCall::LabelVoting(pallet_label_voting::Call::commit_batch { task, commits }) = decoded else {
		panic!("not a commit_batch: {decoded:?}");
	};
	assert_eq!(task, 3);
	assert_eq!(commits.into_inner(), vec![(0, sp_core_h256([1; 32])), (5, sp_core_h256([2; 32]))]);
}

fn sp_core_h256(bytes: [u8; 32]) -> sp_core::H256 {
	sp_core::H256(bytes)
}
