//! Weights of upstream pallets measured on this project's machine
//! (scripts/benchmark-weights.sh), so that their calls and the labeling
//! pallets' are priced by the same measurements. The labeling pallets keep
//! their generated weights in their own crates.

pub mod pallet_balances;
