#!/usr/bin/env bash
# Memory allocated per request: what the garbage collector has to clean up after each page or API call, which on a
# 2-core server is CPU taken from the requests themselves. Unlike req/s it hardly moves with the machine's other load,
# so two builds can be compared on a shared machine. Runs each scenario of bench/load.sh under wrk and reads the
# runtime's own counters (dotnet-counters: bytes allocated, collections) over the same window.
#   bench/alloc.sh --reuse DIR [--app DIR]... [--only WORD] [--seconds 20]
# --reuse DIR: a PostgreSQL loaded and kept by `bench/load.sh --keep DIR`. --app DIR (repeatable): apps published with
# `dotnet publish src/Concord.Web -c Release -o DIR`, measured in turn (default: this checkout, published now).
# Prints a table: scenario, app, req/s, KB allocated per request, collections per 1,000 requests.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
reuse=""; apps=(); only=""; seconds=20
while [ $# -gt 0 ]; do
  case "$1" in
    --reuse) reuse=$2; shift 2 ;;
    --app) apps+=("$2"); shift 2 ;;
    --only) only=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$reuse" ] || { echo "--reuse DIR is needed: a database loaded by bench/load.sh --keep DIR" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: bench/load.sh installs it" >&2; exit 1; }

work=$(mktemp -d /tmp/concord-alloc.XXXXXX)
app_pid=""
cleanup() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# dotnet-counters from the NuGet feed, into the work folder: a tool of the benchmark, not of Concord.
dotnet tool install dotnet-counters --tool-path "$work/tools" >/dev/null
counters="$work/tools/dotnet-counters"
if [ ${#apps[@]} -eq 0 ]; then
  dotnet publish src/Concord.Web -c Release -o "$work/app" 2>&1 | grep -E " error " || true
  apps=("$work/app")
fi
[ -f bench/Concord.Bench/bin/Release/net10.0/Concord.Bench.dll ] || dotnet build -c Release bench/Concord.Bench 2>&1 | grep -E " error " || true
bench="dotnet $repo/bench/Concord.Bench/bin/Release/net10.0/Concord.Bench.dll"
connection=$(cat "$reuse/connection")

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
mkdir -p "$work/elsewhere"
start() {
  (cd "$work/elsewhere" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" Accounts__PublicUrl="$base" \
    Database__Provider=Postgres ConnectionStrings__Concord="$connection" Database__SeedDemo=false \
    RateLimits__ApiPerMinute=100000000 RateLimits__SignInPerMinute=1000 Logging__LogLevel__Default=Warning \
    dotnet "$1/Concord.Web.dll" > "$work/app.log" 2>&1) &
  app_pid=$!
  for _ in $(seq 1 600); do curl -sf "$base/health/live" >/dev/null 2>&1 && return; kill -0 $app_pid 2>/dev/null || break; sleep 0.2; done
  cat "$work/app.log"; exit 1
}
stop() { kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=""; }

# Sessions and a token, made once by the first app (they are rows in the database, valid for every app).
start "${apps[0]}"
$bench load-setup --connection "$connection" --url "$base" --out "$work" >/dev/null
detail=$(curl -s -H "Authorization: Bearer $(cat "$work/reader.token")" "$base/api/commitments?size=1&sort=Updated" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
stop

scenarios=(
  "API: one commitment by id|/api/commitments/$detail|token"
  "API: list of 50, in progress, by due date|/api/commitments?status=InProgress&sort=Due&size=50|token"
  "home page, signed-in reader|/|reader"
  "commitments list page|/commitments|reader"
  "search \`hop tac\`|/search?q=hop%20tac|reader"
  "search \`ban can\`|/search?q=ban%20can|reader"
)

echo "| scenario | app | req/s | KB allocated per request | collections per 1,000 requests |"
echo "|---|---|---:|---:|---:|"
for s in "${scenarios[@]}"; do
  IFS='|' read -r name path auth <<< "$s"
  [ -z "$only" ] || [[ "${name,,}" == *"${only,,}"* ]] || continue
  case "$auth" in token) header="Authorization: Bearer $(cat "$work/reader.token")" ;; *) header="Cookie: $(cat "$work/reader.cookie")" ;; esac
  for app in "${apps[@]}"; do
    start "$app"
    # Warm first (tiered compilation), then count over a window inside a longer run.
    wrk -t2 -c16 -d8s -H "$header" -H "Accept-Encoding: br, gzip" "$base$path" >/dev/null
    wrk -t2 -c16 -d"$((seconds + 4))s" -H "$header" -H "Accept-Encoding: br, gzip" "$base$path" > "$work/wrk.txt" &
    wrk_pid=$!
    sleep 2
    rm -f "$work/counters.csv"
    "$counters" collect -p "$app_pid" --counters System.Runtime --refresh-interval 5 --duration "00:00:$(printf %02d "$seconds")" --format csv -o "$work/counters.csv" >/dev/null 2>&1
    wait "$wrk_pid"
    stop
    python3 - "$name" "$(basename "$app")" "$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")" "$work/counters.csv" <<'PY'
import csv, sys
name, app, rps, path = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
allocated, collections = [], []
for row in csv.reader(open(path)):
    if len(row) < 5: continue
    if 'total_allocated' in row[2]: allocated.append(float(row[4]) / 5)
    if 'gc.collections' in row[2]: collections.append(float(row[4]) / 5)
intervals = max(1, len(allocated))
per_second = sum(allocated) / intervals
gcs_per_second = sum(collections) / intervals
print(f"| {name} | {app} | {rps:.0f} | {per_second / rps / 1024:.0f} | {gcs_per_second / rps * 1000:.0f} |")
PY
  done
done
