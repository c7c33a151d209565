# Shared by the scripts: where things are and how cargo is invoked.
# shellcheck shell=bash

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The build cache lives outside the clone so fresh clones (and CI) reuse it.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/labelchain/target}"
NODE_DEBUG="$CARGO_TARGET_DIR/debug/labelchain-node"
NODE_RELEASE="$CARGO_TARGET_DIR/release/labelchain-node"

log() { printf '\n==> %s\n' "$*" >&2; }
