//! Weights measured on this project's machine (scripts/benchmark-weights.sh):
//! upstream pallets' calls, a storage read and write of the node's database,
//! and the base costs of a block and a transaction, so that every call is
//! priced by the same measurements. The labeling pallets keep their generated
//! weights in their own crates. Every file here is generated: measure again
//! rather than edit.

pub mod block_weights;
pub mod extrinsic_weights;
pub mod frame_system_extensions;
pub mod pallet_balances;
pub mod pallet_collective;
pub mod pallet_transaction_payment;
pub mod pallet_utility;
// The CLI's template documents struct fields inside an expression.
#[allow(unused_doc_comments)]
pub mod paritydb_weights;
