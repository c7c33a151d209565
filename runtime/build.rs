//! Builds the runtime to wasm; the node embeds the blob in its chain specs.

fn main() {
	#[cfg(feature = "std")]
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}
