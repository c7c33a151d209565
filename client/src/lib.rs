//! LabelChain's client library: the runtime's types generated from its
//! metadata, accounts, a connection to a node, sending pre-signed
//! transactions fast, and reading what blocks include. The
//! throughput load generator (`labelchain-throughput`) is built on it.

pub mod accounts;
pub mod amount;
pub mod blocks;
pub mod ipfs;
pub mod node;
pub mod runtime;
pub mod submit;
pub mod transact;
