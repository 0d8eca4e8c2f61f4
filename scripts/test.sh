#!/usr/bin/env bash
# Installs what the tests need (Debian's Chromium, the npm assets, the HSDS schema validator) and runs every test: unit, integration, end to end.
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

echo "== build"
dotnet build Startpunt.sln -c Release -nologo -clp:ErrorsOnly

results="$(mktemp -d)"
status=0
for project in tests/Startpunt.Tests e2e/Startpunt.E2E; do
  echo "== test $project"
  dotnet test "$project" -c Release --no-build -nologo --logger "console;verbosity=minimal" 2>&1 | tee -a "$results/out.txt" || status=1
done

# One closing line for the whole run, summed over the test projects.
awk -F'[:,]' '/(Passed|Failed)! +- +Failed:/ { failed += $2; passed += $4; skipped += $6 }
  END { printf "Tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$results/out.txt"
exit $status
