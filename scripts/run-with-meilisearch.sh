#!/usr/bin/env bash
# Runs the portal with a local Meilisearch: installs the server binary if needed (scripts/meilisearch.sh), starts it
# on 127.0.0.1:7700 with its data in data/meilisearch, and runs the portal with Search:Meilisearch:Url and :Key set.
# At the first start the portal builds the index from the database. Ctrl+C stops both.
#   scripts/run-with-meilisearch.sh                  the portal, as `dotnet run` would
#   scripts/run-with-meilisearch.sh -- reindex       rebuild the index (new index, then swap) and exit
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(scripts/meilisearch.sh)"
port="${MEILI_PORT:-7700}"
key="${MEILI_MASTER_KEY:-startpunt-local-development-key}"
mkdir -p data/meilisearch
# --max-indexing-memory: without a cap Meilisearch sizes its indexing buffers to the machine, and even a one-offer
# update then takes a second or two (docs/performance.md).
"$bin" --http-addr "127.0.0.1:$port" --db-path data/meilisearch/data.ms --dump-dir data/meilisearch/dumps \
  --master-key "$key" --no-analytics --max-indexing-memory 256MiB --log-level WARN &
meili=$!
trap 'kill "$meili" 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.1; done
echo "Meilisearch answers on http://127.0.0.1:$port (data in data/meilisearch)"
export Search__Meilisearch__Url="http://127.0.0.1:$port" Search__Meilisearch__Key="$key"
dotnet run --project src/Startpunt.Web "$@"
