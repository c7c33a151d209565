//! One `impl Config` per pallet, grouped by concern.

mod consensus;
pub mod labeling;
mod monetary;
mod system;
mod utility;

pub use system::{RuntimeBlockLength, RuntimeBlockWeights};
