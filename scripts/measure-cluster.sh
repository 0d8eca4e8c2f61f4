#!/usr/bin/env bash
# The results page through nginx with two web nodes beside one node on its own: scripts/run-cluster.sh (PostgreSQL +
# PostGIS, Meilisearch, two nodes, nginx, demo data) on free ports, then wrk against nginx and against node 1 directly
# with the same URLs. Usage: scripts/measure-cluster.sh [seconds] [connections]   (needs wrk and a Release build)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"; connections="${2:-8}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

dir="$(mktemp -d)"; chmod 755 "$dir"   # PostgreSQL runs as its own user and needs to reach its folder
NO_BUILD=1 PORT="${PORT:-8099}" CLUSTER_DIR="$dir" STARTPUNT_Logging__LogLevel__Default=Warning scripts/run-cluster.sh >"$dir/cluster.log" 2>&1 &
cluster=$!
trap 'kill -TERM $cluster 2>/dev/null; wait $cluster 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 480); do [ -f "$dir/cluster.env" ] && break; kill -0 $cluster 2>/dev/null || { cat "$dir/cluster.log" >&2; exit 1; }; sleep 0.5; done
[ -f "$dir/cluster.env" ] || { echo "the cluster did not come up" >&2; exit 1; }
# shellcheck disable=SC1091
. "$dir/cluster.env"

cat >"$dir/urls.lua" <<'LUA'
local paths = {
  "/zoeken?postcode=1621AB&afstand=25&product=dagbesteding",
  "/zoeken?postcode=2801&afstand=50&sorteer=wachttijd",
  "/zoeken?postcode=1501&afstand=25&q=zorgboerderij",
  "/zoeken?postcode=5481&afstand=10",
  "/zoeken?postcode=8331&afstand=25&product=dagbesteding",
}
local i = 0
request = function() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1]) end
LUA

run() {
  local name="$1" base="$2"
  for _ in 1 2 3 4 5 6 7 8 9 10; do curl -fs "$base/zoeken?postcode=1621AB&afstand=25" >/dev/null; done   # warm up
  echo "### $name ($base), $connections connections, ${seconds}s"
  wrk -t2 -c"$connections" -d"${seconds}s" --timeout 5s --latency -s "$dir/urls.lua" "$base" | grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors" || true
}
echo "load average before: $(cat /proc/loadavg)"
run "through nginx, two nodes" "$PROXY_URL"
run "one node directly" "$NODE1_URL"
echo "load average after: $(cat /proc/loadavg)"
