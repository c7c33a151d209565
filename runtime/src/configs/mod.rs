//! One `impl Config` per pallet, grouped by concern.

mod annotator_stake;
mod consensus;
mod expert_set;
pub mod label_voting;
mod migrations;
mod monetary;
mod reputation;
mod system;
mod tasks;
pub mod treasury;
mod utility;

pub use system::{RuntimeBlockLength, RuntimeBlockWeights};
