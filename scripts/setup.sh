#!/usr/bin/env bash
# Installs what a fresh machine lacks to build, run and test LabelChain:
# Debian packages for the native dependencies and Chromium, the Rust wasm targets and
# rust-src for the runtime, the end-to-end tests' npm packages, and the
# replay's pinned Python packages (crowd-kit) in a venv; with FUZZ=1, cargo-fuzz.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
# chromium: the web app's browser tests drive it headless (no browser can be
# downloaded at run time here).
for package in protobuf-compiler clang libclang-dev chromium; do
	dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
	log "installing Debian packages: ${missing[*]}"
	as_root apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# rust-toolchain.toml names the channel; RUSTUP_AUTO_INSTALL may be off, so
# install it only when it is missing (never update a working toolchain here).
channel=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)
if ! rustup run "$channel" rustc --version >/dev/null 2>&1; then
	log "installing Rust $channel"
	rustup toolchain install "$channel" --profile minimal
fi
log "Rust wasm targets and rust-src"
rustup target add --toolchain "$channel" wasm32-unknown-unknown wasm32v1-none
rustup component add --toolchain "$channel" rust-src

if ! command -v npm >/dev/null 2>&1; then
	log "installing Node.js and npm"
	as_root apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
fi
log "end-to-end test packages (e2e/package-lock.json) and the web app's (web/package-lock.json)"
(cd e2e && npm ci --no-audit --no-fund --loglevel=error)
(cd web && npm ci --no-audit --no-fund --loglevel=error)

log "the replay's Python packages (replay/analysis/requirements.txt) in $LABELCHAIN_PYTHON_ENV"
# Debian's python3 makes venvs only with python3-venv (ensurepip) installed.
if [ ! -x "$LABELCHAIN_PYTHON" ] && ! python3 -m venv "$LABELCHAIN_PYTHON_ENV" 2>/dev/null; then
	as_root apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv
	rm -rf "$LABELCHAIN_PYTHON_ENV"
	python3 -m venv "$LABELCHAIN_PYTHON_ENV"
fi
# Installs only what the pinned list lacks, so a warm venv takes seconds.
"$LABELCHAIN_PYTHON" -m pip install -q --disable-pip-version-check -r replay/analysis/requirements.txt

# Only for the coverage-guided fuzzer (docs/fuzzing.md), which CI does not
# build: `FUZZ=1 scripts/setup.sh` adds a nightly toolchain and cargo-fuzz.
if [ -n "${FUZZ:-}" ]; then
	log "nightly Rust and cargo-fuzz, for fuzz/libfuzzer"
	rustup run nightly rustc --version >/dev/null 2>&1 || rustup toolchain install nightly --profile minimal
	command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
fi

log "setup done"
