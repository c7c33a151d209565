//! LabelChain's client library: the runtime's types generated from its
//! metadata, accounts, a connection to a node, items and their CIDs and CAR
//! archives, task manifests, the salts behind commitments, sending
//! pre-signed transactions fast, and reading what blocks include. The
//! `labelchain` command line and the throughput load generator
//! (`labelchain-throughput`) are built on it.

pub mod accounts;
pub mod amount;
pub mod blocks;
pub mod content;
pub mod gateway;
pub mod ipfs;
pub mod manifest;
pub mod node;
pub mod runtime;
pub mod secrets;
pub mod submit;
pub mod transact;
