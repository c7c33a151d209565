//! libFuzzer's target: each input is a run of the labeling harness; a broken
//! rule panics, which libFuzzer keeps as a crash.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
	labelchain_fuzz::run(data);
});
