//! Replays real crowdsourcing data through LabelChain's labeling pallets, in
//! the native runtime, and measures how well the chain's consensus recovers
//! the truth and whether its rewards follow the workers' accuracy.
//!
//! Without the `native` feature only the runtime-free parts are built (data
//! sets, the replay plan, the driver that replays it on a chain, the report):
//! what the client's live replay over RPC shares with the native one.

pub mod dataset;
pub mod dawid_skene;
pub mod driver;
#[cfg(feature = "native")]
pub mod native;
pub mod orders;
pub mod outcome;
pub mod plan;
pub mod report;
pub mod stats;

pub use dataset::Dataset;
pub use dawid_skene::{dawid_skene, DsItem};
pub use outcome::{DecidedBy, ItemResult, Outcome};
pub use plan::{GoldBound, Plan};
#[cfg(feature = "native")]
pub use native::{replay, Settings};
pub use report::{figures, Figures};

#[cfg(feature = "native")]
/// The variants a data set is replayed in: experts off and on, and both with
/// 30 % simulated spammers added.
pub fn variants(base: &Settings) -> Vec<(&'static str, Settings)> {
	let with = |experts: bool, spammer_share: f64| Settings { experts, spammer_share, ..base.clone() };
	vec![
		("no experts", with(false, 0.0)),
		("experts", with(true, 0.0)),
		("no experts, 30% spammers", with(false, 0.3)),
		("experts, 30% spammers", with(true, 0.3)),
	]
}
