#!/usr/bin/env bash
# Builds the web app (web/) and serves it on http://127.0.0.1:5173; the page
# talks to ws://127.0.0.1:9944 unless told otherwise (its settings, or
# `?node=ws://…&gateway=http://…` in the address).
#   scripts/start-web.sh              the app only (a node runs already)
#   scripts/start-web.sh --dev-node   also a dev chain sealing a block a second
# WEB_PORT sets the page's port.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT/web"
[ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error
log "building the web app into web/dist"
npm run --silent build
if [ "${1:-}" = "--dev-node" ]; then
	"$REPO_ROOT/scripts/build.sh"
	log "starting a dev chain (a block a second) on ws://127.0.0.1:9944; its log: $CARGO_TARGET_DIR/web-dev-node.log"
	"$NODE_DEBUG" --dev --tmp --sealing 1000 --rpc-cors all >"$CARGO_TARGET_DIR/web-dev-node.log" 2>&1 &
	node_pid=$!
	trap 'kill "$node_pid" 2>/dev/null || true' EXIT
fi
log "serving the web app on http://127.0.0.1:${WEB_PORT:-5173} (Ctrl-C stops it)"
npx vite preview --host 127.0.0.1 --port "${WEB_PORT:-5173}" --strictPort
