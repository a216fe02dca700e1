#!/usr/bin/env bash
# Load benchmark: Concord's pages and API under wrk, and PostgreSQL running the same SQL under pgbench,
# interleaved scenario by scenario, on data made by the app's generator. Writes bench/results/load-<date>-<label>.md.
#   bench/load.sh [--commitments 500000] [--reports-per-commitment 10] [--duration 10] [--connections 16]
#                 [--warmup 60] [--label NAME] [--keep DIR] [--reuse DIR] [--app DIR] [--only WORD]
# --keep DIR leaves the loaded PostgreSQL running with its data in DIR; --reuse DIR measures it again without
# loading (stop it with scripts/postgres.sh stop DIR). --app DIR measures an app published there earlier
# (dotnet publish src/Concord.Web -c Release -o DIR), e.g. another commit's. --only WORD runs only the scenarios
# whose name holds WORD, in any case (e.g. search, translations). See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
commitments=500000
reports=10
duration=10
# Seconds of load before each measured run, not counted: a server runs for days, and the first minute or so after a
# start is the runtime compiling the hot paths again (tiered compilation), which measures the start, not the page.
# dotnet-counters under the commitments list's load: the JIT took 4.5-8.5 s of CPU per 10 s for the first 70-80 s,
# then under 0.7 s (bench/results/load-2026-12-04-warmup.md). 10 s of warm-up measured a server still compiling.
warmup=60
connections=16
label=run
keep=""
reuse=""
app=""
only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --commitments) commitments=$2; shift 2 ;;
    --reports-per-commitment) reports=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --label) label=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    --reuse) reuse=$2; shift 2 ;;
    --app) app=$(cd "$2" && pwd); shift 2 ;;
    --only) only=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

if ! command -v wrk >/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
  apt-get install -y --no-install-recommends wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y --no-install-recommends wrk >/dev/null; }
fi
command -v pgbench >/dev/null || { echo "pgbench is missing: run scripts/install-test-deps.sh" >&2; exit 1; }

work=$(mktemp -d /tmp/concord-load.XXXXXX)
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$work"
  if [ -z "$reuse" ] && [ -z "$keep" ] && [ -n "${dir:-}" ]; then scripts/postgres.sh stop "$dir"; fi
}
trap cleanup EXIT

if [ -n "$app" ]; then
  ln -s "$app" "$work/app"
else
  echo "publishing Concord (Release)..."
  dotnet publish src/Concord.Web -c Release -o "$work/app" 2>&1 | grep -E " error |warn.*error" || true
fi
[ -f bench/Concord.Bench/bin/Release/net10.0/Concord.Bench.dll ] && [ -n "$app" ] || dotnet build -c Release bench/Concord.Bench 2>&1 | grep -E " error " || true
bench="dotnet $repo/bench/Concord.Bench/bin/Release/net10.0/Concord.Bench.dll"

if [ -n "$reuse" ]; then
  dir=$reuse
  connection=$(cat "$dir/connection")
else
  dir=${keep:-$(mktemp -d /tmp/concord-load-db.XXXXXX)}
  server=$(scripts/postgres.sh start "$dir")
  pgport=$(echo "$server" | sed 's/.*Port=\([0-9]*\).*/\1/')
  psql -q -h 127.0.0.1 -p "$pgport" -U postgres -c 'CREATE DATABASE concord_bench'
  connection=${server/Database=postgres/Database=concord_bench}
  echo "$connection" > "$dir/connection"
  date +%d/%m/%Y > "$dir/as-of"
  echo "loading $commitments commitments x $reports reports..."
  # The generator as docs/synthetic-data.md runs it, in Production (no demo accounts).
  (cd "$work" && ASPNETCORE_ENVIRONMENT=Production Accounts__PublicUrl=http://localhost Database__Provider=Postgres ConnectionStrings__Concord="$connection" \
    dotnet app/Concord.Web.dll generate --commitments "$commitments" --reports-per-commitment "$reports" --seed 42 --as-of "$(cat "$dir/as-of")" \
    | grep -vE '^(warn|info|fail):|^      ' > "$dir/generate.log")
fi
pgport=$(echo "$connection" | sed 's/.*Port=\([0-9]*\).*/\1/')
dbname=$(echo "$connection" | sed 's/.*Database=\([^;]*\).*/\1/')
pg() { psql -X -q -t -A -h 127.0.0.1 -p "$pgport" -U postgres -d "$dbname" -c "$1"; }
pglog="$dir/server.log"

# Concord as an operator runs it: published, Production, started from a folder other than its own.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
mkdir -p "$work/elsewhere"
(cd "$work/elsewhere" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" Accounts__PublicUrl="$base" \
  Database__Provider=Postgres ConnectionStrings__Concord="$connection" Database__SeedDemo=false \
  RateLimits__ApiPerMinute=100000000 RateLimits__SignInPerMinute=1000 Logging__LogLevel__Default=Warning Logging__LogLevel__Concord.Data.DatabaseSetup=Information \
  dotnet "$work/app/Concord.Web.dll" > "$work/app.log" 2>&1) &
app_pid=$!
# A start applies pending migrations first (and then analyzes, and makes what they need, such as the translation
# counts of a database that never had them): minutes at this scale, so it is waited for and timed.
started=$(date +%s)
for _ in $(seq 1 1800); do curl -sf "$base/health/live" >/dev/null 2>&1 && break; kill -0 $app_pid 2>/dev/null || break; sleep 0.5; done
curl -sf "$base/health/live" >/dev/null || { cat "$work/app.log"; exit 1; }
start_seconds=$(( $(date +%s) - started ))
# What the start logged it did, e.g. "Translation counts made from the records in 12.3 s" on a database that had none.
start_work=$(grep -o 'Translation counts made from the records in [0-9.]* s' "$work/app.log" || true)
echo "Concord answers after $start_seconds s${start_work:+ ($start_work)}"

# Resident memory, and of it the process's own: anonymous (heaps, stacks) and shared (the runtime's second mapping of
# its JIT'd code, W^X), without the files it maps (the runtime's and Concord's DLLs, shared with the page cache and any
# other process that maps them). "RSS (own)" in MB.
memory() { awk '/^VmRSS/ {r=$2} /^RssAnon/ {a=$2} /^RssShmem/ {s=$2} END {print int(r/1024) " (" int((a+s)/1024) ")"}' /proc/$1/status; }
rss_start=$(memory $app_pid)

$bench load-setup --connection "$connection" --url "$base" --out "$work"
reader="Cookie: $(cat "$work/reader.cookie")"
coordinator="Cookie: $(cat "$work/coordinator.cookie")"
token="Authorization: Bearer $(cat "$work/reader.token")"

# A commitment the reader may see, with its reports; the busiest area among commitments in progress.
detail=$(curl -s -H "$token" "$base/api/commitments?size=1&sort=Updated" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
area=$(pg 'SELECT "AreaId" FROM "Commitments" WHERE "Status" = 1 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1')

scenarios=(
  "API: one commitment by id|/api/commitments/$detail|token"
  "API: list of 50, status + area, by due date|/api/commitments?status=InProgress&area=$area&sort=Due&size=50|token"
  "home page, signed-in reader|/|reader"
  "/translations, coordinator|/translations|coordinator"
  "search \`hop tac\`|/search?q=hop%20tac|reader"
  "search \`ban can\`|/search?q=ban%20can|reader"
  "commitments list page|/commitments|reader"
)

header_for() { case "$1" in token) echo "$token" ;; reader) echo "$reader" ;; coordinator) echo "$coordinator" ;; esac; }
ticks() { awk '{print $14 + $15}' /proc/$app_pid/stat; }

rows=""
n=0
for s in "${scenarios[@]}"; do
  IFS='|' read -r name path auth <<< "$s"
  n=$((n + 1))
  [ -z "$only" ] || [[ "${name,,}" == *"${only,,}"* ]] || continue
  header=$(header_for "$auth")
  url="$base$path"
  echo "== $name"
  # The SQL of one request (after one to warm caches), from PostgreSQL's own log.
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "$header" "$url")
  pg "ALTER SYSTEM SET log_min_duration_statement = 0" && pg "ALTER SYSTEM SET log_line_prefix = '%m [%p] db=%d app=%a '" && pg "SELECT pg_reload_conf()" >/dev/null
  sleep 0.3
  offset=$(stat -L -c %s "$pglog")
  curl -s -o /dev/null -H "$header" -H "Accept-Encoding: br, gzip" "$url"
  sleep 0.3
  pg "ALTER SYSTEM RESET log_min_duration_statement" && pg "ALTER SYSTEM RESET log_line_prefix" && pg "SELECT pg_reload_conf()" >/dev/null
  read -r statements discards < <(python3 bench/load/capture.py "$pglog" "$offset" "$work/s$n.sql" "$dbname")

  # Concord under wrk, with its CPU time and peak memory, once warm.
  [ "$warmup" -gt 0 ] && wrk -t2 -c"$connections" -d"${warmup}s" --timeout 10s -H "$header" -H "Accept-Encoding: br, gzip" "$url" >/dev/null
  : > "$work/rss"
  ( while kill -0 $app_pid 2>/dev/null; do memory $app_pid >> "$work/rss"; sleep 0.5; done ) &
  sampler=$!
  before=$(ticks)
  result=$(wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s -s bench/load/report.lua -H "$header" -H "Accept-Encoding: br, gzip" "$url" | grep '^RESULT' || echo "RESULT requests=0 duration_us=1 p50_ms=0 p95_ms=0 p99_ms=0 bytes=0 status_errors=0 socket_errors=0")
  after=$(ticks)
  kill $sampler 2>/dev/null; wait $sampler 2>/dev/null || true
  # The peak of each, which need not be in the same sample.
  rss="$(sort -n "$work/rss" | tail -n 1 | cut -d' ' -f1) ($(tr -d '()' < "$work/rss" | sort -k2 -n | tail -n 1 | cut -d' ' -f2))"
  eval "$(echo "$result" | sed 's/^RESULT //; s/ /\n/g')"
  rps=$(python3 -c "print(f'{$requests / ($duration_us / 1e6):.1f}')")
  cpu=$(python3 -c "print(f'{($after - $before) / 100 / ($duration_us / 1e6) * 100:.0f}')")

  # PostgreSQL alone, running the same statements as one transaction per request.
  if [ "$statements" -gt 0 ]; then
    # Bounded: a transaction PostgreSQL cannot finish in the time is reported as no figure, not waited for.
    tps=$( (timeout $((duration * 4)) pgbench -n -M prepared -c "$connections" -j 2 -T "$duration" -f "$work/s$n.sql" -h 127.0.0.1 -p "$pgport" -U postgres "$dbname" 2>&1 || true) \
      | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -n 1)
  else
    tps=""
  fi
  share=$( [ -n "$tps" ] && python3 -c "print(f'{100 * $rps / $tps:.0f} %')" || echo "-")
  echo "   $code  $rps req/s  p50 $p50_ms  p95 $p95_ms  p99 $p99_ms ms  $statements statements (+$discards DISCARD ALL)  cpu $cpu %  rss $rss MB  pgbench ${tps:-?} tps"
  rows+="| $name | $code | $rps | $p50_ms | $p95_ms | $p99_ms | $((status_errors + socket_errors)) | $statements + $discards | $cpu % | $rss | ${tps:-} | $share |"$'\n'
done

# Checks a user would notice, beside the numbers.
due_code=$(curl -s -o /dev/null -w '%{http_code}' -H "$token" "$base/api/commitments?sort=due&size=1")
python3 bench/load/first_visit.py "$base/" > "$work/first-visit"
first_total=$(awk '/^TOTAL/ {print $2}' "$work/first-visit")
css_code=$(curl -s -o /dev/null -w '%{http_code}' "$base$(curl -s "$base/" | grep -o 'href="/css/[^"]*"' | head -n 1 | sed 's/href="//; s/"$//')")
rss_end=$(memory $app_pid)
kill $app_pid; wait $app_pid 2>/dev/null || true; app_pid=""

# Cold start on SQLite, on an empty database and on the one that start left: the median of five starts of each.
read -r cold_empty cold_existing < <(bench/cold-start.sh --app "$work/app" --runs 5 | sed -n 's/^MEDIAN .* empty=\([0-9.]*\) existing=\([0-9.]*\) .*/\1 \2/p')

out="bench/results/load-$(date +%F)-$label.md"
{
  echo "# Load benchmark of $(date '+%F %H:%M') ($label)"
  echo
  echo "Written by \`bench/load.sh\` (see bench/README.md). Concord published in Release, Production settings, started"
  echo "from another folder; \`wrk -t2 -c$connections -d${duration}s\` per scenario, after ${warmup} s of the same load not measured, with a session cookie or a personal access"
  echo "token of the Lao side and \`Accept-Encoding: br, gzip\`; then \`pgbench -M prepared -c$connections -j2 -T$duration\`"
  echo "running the SQL Concord sent for one such request (captured from PostgreSQL's log, parameters inlined) as one"
  echo "transaction. **statements** = statements Concord sent for one request + \`DISCARD ALL\` resets; **CPU** = Concord's"
  echo "CPU time over the run (200 % = both cores); **RSS (own)** = Concord's peak resident memory during the run,"
  echo "and in brackets the peak of its own part (anonymous and shared memory: what it allocated itself, without the DLLs it maps from files);"
  echo "**share** = Concord's req/s as a share of pgbench's transactions/s for the same SQL."
  echo
  echo "- machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- data: $(pg 'SELECT count(*) FROM "Commitments"') commitments, $(pg 'SELECT count(*) FROM "ProgressReports"') progress reports, database $(pg "SELECT pg_size_pretty(pg_database_size('$dbname'))")"
  echo "- $(grep -m1 "^generate" "$dir/generate.log" 2>/dev/null || echo "data loaded earlier")"
  echo
  echo "| scenario | status | req/s | p50 ms | p95 ms | p99 ms | errors | statements | CPU | RSS (own) MB | pgbench tps | share |"
  echo "|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|"
  printf '%s' "$rows"
  echo
  echo "| check | result |"
  echo "|---|---|"
  echo "| start until \`/health/live\` answers (pending migrations included) | $start_seconds s${start_work:+; $start_work} |"
  echo "| memory after start / at the end, RSS (own) | $rss_start MB / $rss_end MB |"
  echo "| first visit of the home page, anonymous, empty cache | $first_total bytes |"
  echo "| \`GET /api/commitments?sort=due\` | $due_code |"
  echo "| CSS of the app started from another folder | $css_code |"
  echo "| cold start on SQLite until \`/health/live\` answers, median of 5 (bench/cold-start.sh): empty database / existing database | $cold_empty s / $cold_existing s |"
  echo
  echo "First visit, file by file (status, bytes with headers, encoding, Cache-Control):"
  echo
  echo '```'
  tail -n +2 "$work/first-visit"
  echo '```'
} > "$out"
cat "$out"
