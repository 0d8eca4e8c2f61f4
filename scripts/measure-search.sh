#!/usr/bin/env bash
# Measures what one resident search costs on the demo data: the app in Release on its own SQLite file, loaded by wrk
# on loopback for a fixed time. Usage: scripts/measure-search.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"; connections="${2:-4}"; port=5099
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk"; exit 1; }

work="$(mktemp -d)"
dotnet publish src/Startpunt.Web -c Release -o "$work/app" -nologo -clp:ErrorsOnly >/dev/null
export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
       ConnectionStrings__Startpunt="Data Source=$work/bench.db" Database__MigrateOnStart=true Database__SeedDemo=true \
       Paths__ContentDirectory="$PWD/content" Paths__OpenDataDirectory="$PWD/../shared/data" Logging__LogLevel__Default=Warning
(cd "$work/app" && exec dotnet Startpunt.Web.dll) & app=$!
trap 'kill $app 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 60); do curl -fs "http://127.0.0.1:$port/health/live" >/dev/null && break; sleep 0.5; done

run() {
  local name="$1" url="$2"
  curl -fs "$url" >/dev/null; curl -fs -H "HX-Request: true" "$url" >/dev/null   # warm up
  echo "### $name"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$url" | grep -E "Requests/sec|50%|90%|99%"
  echo "rss_kb $(ps -o rss= -p $app)"
}
base="http://127.0.0.1:$port"
run "results page: Hoorn, 25 km, dagbesteding" "$base/zoeken?postcode=1621AB&afstand=25&product=dagbesteding"
run "results page: Gouda, 50 km, all products, sorted by waiting time" "$base/zoeken?postcode=2801&afstand=50&sorteer=wachttijd"
run "results page: Zaandam, free text 'zorgboerderij'" "$base/zoeken?postcode=1501&afstand=25&q=zorgboerderij"
run "trivial endpoint (ceiling): /health/live" "$base/health/live"
