#!/usr/bin/env bash
# Regenerates chain-specs/ from the runtime's genesis presets. Never edit the
# JSON by hand: change the presets and run this.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$REPO_ROOT"
"$REPO_ROOT/scripts/build.sh"
log "chain-specs/local.json (four validators, raw)"
"$NODE_DEBUG" export-chain-spec --chain local --raw > chain-specs/local.json.new
mv chain-specs/local.json.new chain-specs/local.json
