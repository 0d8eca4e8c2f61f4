#!/usr/bin/env bash
# Startpunt as a cluster on this machine: PostgreSQL 15 + PostGIS in a folder of its own, Meilisearch, two web nodes
# and nginx in front, all on loopback. Installs what it needs (apt: postgresql, postgresql-15-postgis-3, nginx; npm:
# the Meilisearch binary), runs the migrations and the demo seed, prints the URL and stays in the foreground;
# Ctrl-C stops everything it started. Settings (environment):
#   PORT=8080            nginx's port                     NODES=2        number of web nodes
#   CLUSTER_DIR=.cluster  database, logs, mail, nginx files  DEMO=true     demo providers, offers and accounts
#   NO_BUILD=1           use the existing Release build     STARTPUNT_*  passed to every node without the prefix,
#                                                           e.g. STARTPUNT_Reminders__Interval=00:10:00
# When everything answers it writes $CLUSTER_DIR/cluster.env (URLs, ports and process ids; the tests read it).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
PORT="${PORT:-8080}"
NODES="${NODES:-2}"
DEMO="${DEMO:-true}"
dir="$(realpath -m "${CLUSTER_DIR:-.cluster}")"
mkdir -p "$dir"
rm -f "$dir/cluster.env"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
wait_http() { # url, seconds, pid
  for _ in $(seq 1 $(( $2 * 10 ))); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    if [ -n "${3:-}" ] && ! kill -0 "$3" 2>/dev/null; then echo "process $3 exited before $1 answered" >&2; return 1; fi
    sleep 0.1
  done
  echo "no answer from $1" >&2; return 1
}

echo "== installing what the cluster needs" >&2
scripts/postgres.sh install
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ] || ! command -v curl >/dev/null 2>&1; then
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq nginx curl >/dev/null
fi
meilisearch="$(scripts/meilisearch.sh)"
dll="$root/src/Startpunt.Web/bin/Release/net10.0/Startpunt.Web.dll"
if [ "${NO_BUILD:-0}" != 1 ] || [ ! -f "$dll" ]; then
  dotnet build src/Startpunt.Web -c Release -nologo -clp:ErrorsOnly >&2
fi
# The nodes run what an operator deploys: the published app with its wwwroot as content root (the build folder has no
# wwwroot of its own outside Development, and the nodes would serve pages without scripts or styles).
echo "== publishing the Release build to $dir/app" >&2
rm -rf "$dir/app"
dotnet publish src/Startpunt.Web -c Release --no-build -nologo -clp:ErrorsOnly -o "$dir/app" >&2
dll="$dir/app/Startpunt.Web.dll"

pids=()
cleanup() {
  trap - EXIT INT TERM
  echo "== stopping the cluster" >&2
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  scripts/postgres.sh stop "$dir/postgres"
  rm -f "$dir/cluster.env"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== PostgreSQL 15 + PostGIS in $dir/postgres" >&2
pg_port="$(free_port)"
admin="$(scripts/postgres.sh start "$dir/postgres" "$pg_port")"
if ! psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'startpunt'" | grep -q 1; then
  psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qc "CREATE DATABASE startpunt" >&2
fi
connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=startpunt"

echo "== Meilisearch" >&2
meili_port="$(free_port)"
meili_key="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
"$meilisearch" --http-addr "127.0.0.1:$meili_port" --db-path "$dir/meilisearch" --master-key "$meili_key" --no-analytics \
  --log-level WARN --max-indexing-memory 256MiB >"$dir/meilisearch.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$meili_port/health" 30 $!

# Every node: the same database, search and mail; STARTPUNT_X__Y=v in this script's environment becomes X__Y=v.
node_env=(
  ASPNETCORE_ENVIRONMENT=Production "ASPNETCORE_CONTENTROOT=$dir/app"
  "Paths__ContentDirectory=$root/content" "Paths__OpenDataDirectory=$(realpath -m "$root/../shared/data")"
  Database__Provider=PostgreSQL "ConnectionStrings__Startpunt=$connection"
  Database__MigrateOnStart=false "Database__SeedDemo=$DEMO" "Installation__Demo=$DEMO"
  "Installation__PublicBaseUrl=http://127.0.0.1:$PORT"
  "Search__Meilisearch__Url=http://127.0.0.1:$meili_port" "Search__Meilisearch__Key=$meili_key"
  "Mail__PickupDirectory=$dir/mail" "Mail__BaseUrl=http://127.0.0.1:$PORT"
  Logging__LogLevel__Default=Information Logging__LogLevel__Microsoft.AspNetCore=Warning
  Logging__LogLevel__Microsoft.EntityFrameworkCore=Warning
)
while IFS='=' read -r name value; do
  [[ "$name" == STARTPUNT_* ]] && node_env+=("${name#STARTPUNT_}=$value")
done < <(env)

echo "== migrations and demo seed (migrate)" >&2
env "${node_env[@]}" dotnet "$dll" migrate >"$dir/migrate.log" 2>&1 || { tail -30 "$dir/migrate.log" >&2; exit 1; }

upstreams=""
: >"$dir/cluster.env.tmp"
for i in $(seq 1 "$NODES"); do
  port="$(free_port)"
  env "${node_env[@]}" ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet "$dll" >"$dir/node$i.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  upstreams="$upstreams server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"
  printf 'NODE%s_URL=http://127.0.0.1:%s\nNODE%s_PID=%s\n' "$i" "$port" "$i" "$pid" >>"$dir/cluster.env.tmp"
done
for i in $(seq 1 "$NODES"); do
  url="$(grep "^NODE${i}_URL=" "$dir/cluster.env.tmp" | cut -d= -f2)"
  pid="$(grep "^NODE${i}_PID=" "$dir/cluster.env.tmp" | cut -d= -f2)"
  wait_http "$url/health/ready" 180 "$pid" || { tail -30 "$dir/node$i.log" >&2; exit 1; }
done

echo "== nginx on 127.0.0.1:$PORT" >&2
mkdir -p "$dir/nginx/temp" "$dir/nginx/logs"
chmod -R a+rwx "$dir/nginx/temp"
sed -e "s|\${STARTPUNT_UPSTREAMS}|$upstreams|" -e "s|\${STARTPUNT_LISTEN}|127.0.0.1:$PORT|" \
  deploy/nginx/startpunt.conf.template >"$dir/nginx/startpunt.conf"
cat >"$dir/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log $dir/nginx/logs/access.log;
    client_body_temp_path $dir/nginx/temp/body;
    proxy_temp_path $dir/nginx/temp/proxy;
    fastcgi_temp_path $dir/nginx/temp/fastcgi;
    uwsgi_temp_path $dir/nginx/temp/uwsgi;
    scgi_temp_path $dir/nginx/temp/scgi;
    include /etc/nginx/mime.types;
    include $dir/nginx/startpunt.conf;
}
CONF
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
"$nginx_bin" -p "$dir/nginx" -c "$dir/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
wait_http "http://127.0.0.1:$PORT/health/live" 30 $!

{ cat "$dir/cluster.env.tmp"
  echo "PROXY_URL=http://127.0.0.1:$PORT"
  echo "POSTGRES=$connection"
  echo "MAIL_DIRECTORY=$dir/mail"
  echo "MEILISEARCH_URL=http://127.0.0.1:$meili_port"
  echo "MEILISEARCH_KEY=$meili_key"
  echo "NODES=$NODES"
} >"$dir/cluster.env.next"
rm -f "$dir/cluster.env.tmp"
# Whole or not at all: the tests read it as soon as it exists.
mv "$dir/cluster.env.next" "$dir/cluster.env"
echo "Startpunt (PostgreSQL, Meilisearch, $NODES nodes behind nginx): http://127.0.0.1:$PORT"
echo "Logs in $dir; Ctrl-C stops everything." >&2
# In the foreground until Ctrl-C (or until every process has ended).
wait
