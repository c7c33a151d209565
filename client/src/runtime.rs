//! LabelChain's calls, storage, events, constants and runtime APIs as Rust
//! types, generated at compile time from the runtime's metadata in
//! `metadata/labelchain.scale` (kept current by `tests/metadata.rs`). Use
//! `runtime::tx()`, `runtime::storage()`, `runtime::runtime_apis()` and the types under
//! `runtime::runtime_types`.

// Rebuild when the metadata file changes (the macro itself does not watch it).
const _METADATA: &[u8] = include_bytes!("../metadata/labelchain.scale");

#[subxt::subxt(runtime_metadata_path = "metadata/labelchain.scale", derive_for_all_types = "Clone")]
pub mod labelchain {}

pub use labelchain::*;
