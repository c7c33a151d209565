# Shared by the scripts: where things are and how cargo is invoked.
# shellcheck shell=bash

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The build cache lives outside the clone so fresh clones (and CI) reuse it.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/labelchain/target}"
NODE_DEBUG="$CARGO_TARGET_DIR/debug/labelchain-node"
NODE_RELEASE="$CARGO_TARGET_DIR/release/labelchain-node"
# The replay's Python analysis (crowd-kit's Dawid-Skene) runs from this venv,
# also outside the clone; the replay finds its interpreter through this.
export LABELCHAIN_PYTHON_ENV="${LABELCHAIN_PYTHON_ENV:-$HOME/.cache/labelchain/python}"
export LABELCHAIN_PYTHON="${LABELCHAIN_PYTHON:-$LABELCHAIN_PYTHON_ENV/bin/python}"

log() { printf '\n==> %s\n' "$*" >&2; }
