//! The client's types are generated at compile time from
//! `client/metadata/labelchain.scale` (see `src/runtime.rs`). This checks that
//! file is the runtime's current metadata (V16, which includes the runtime
//! APIs), so the generated calls, storage and events cannot drift from the
//! chain. After changing the runtime, refresh it with
//!   UPDATE_METADATA=1 cargo test -p labelchain-client --test metadata

use std::path::Path;

#[test]
fn the_committed_metadata_is_the_runtimes() {
	let current = labelchain_runtime::Runtime::metadata_at_version(16).expect("the runtime offers metadata V16");
	let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("metadata/labelchain.scale");
	if std::env::var_os("UPDATE_METADATA").is_some() {
		std::fs::write(&path, &*current).expect("writes the metadata");
	}
	let committed = std::fs::read(&path).expect("client/metadata/labelchain.scale exists");
	assert!(
		committed == *current,
		"client/metadata/labelchain.scale is stale: run UPDATE_METADATA=1 cargo test -p labelchain-client --test metadata"
	);
}
