//! One `impl Config` per pallet, grouped by concern.

mod annotator_stake;
pub mod consensus;
pub mod council;
mod expert_set;
pub mod label_voting;
mod migrations;
mod monetary;
mod reputation;
pub mod session;
mod system;
mod tasks;
pub mod treasury;
mod utility;

pub use system::{RuntimeBlockLength, RuntimeBlockWeights};
