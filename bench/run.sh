#!/usr/bin/env bash
# Loads a synthetic programme of 500,000 commitments into a throwaway PostgreSQL with the app's own
# generator, measures search, the commitments list and the home page against it (bench/Concord.Bench),
# writes bench/results/YYYY-MM-DD.md and removes the server. Not part of the tests or of CI.
#   bench/run.sh [--commitments 500000] [--reports-per-commitment 10] [--runs 5] [--keep DIR] [--reuse DIR]
# --keep DIR leaves the loaded server running with its data in DIR; --reuse DIR measures that server
# again without loading (stop it at the end with scripts/postgres.sh stop DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
commitments=500000
reports=10
runs=5
keep=""
reuse=""
while [ $# -gt 0 ]; do
  case "$1" in
    --commitments) commitments=$2; shift 2 ;;
    --reports-per-commitment) reports=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    --reuse) reuse=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

dotnet build -c Release bench/Concord.Bench 2>&1 | grep -E " error |Build succeeded" | sort -u
results="bench/results/$(date +%F).md"

if [ -n "$reuse" ]; then
  dir=$reuse
  connection=$(cat "$dir/connection")
else
  dir=${keep:-$(mktemp -d /tmp/concord-bench.XXXXXX)}
  [ -n "$keep" ] || trap 'scripts/postgres.sh stop "$dir"' EXIT
  server=$(scripts/postgres.sh start "$dir")
  port=$(echo "$server" | sed 's/.*Port=\([0-9]*\).*/\1/')
  psql -q -h 127.0.0.1 -p "$port" -U postgres -c 'CREATE DATABASE concord_bench'
  connection=${server/Database=postgres/Database=concord_bench}
  echo "$connection" > "$dir/connection"
  date +%d/%m/%Y > "$dir/as-of"
  # The generator as docs/synthetic-data.md runs it; its output goes into the results. Release runs as
  # Production, which refuses to start without a public address; no link is sent from here.
  Database__Provider=Postgres ConnectionStrings__Concord="$connection" Accounts__PublicUrl=https://bench.invalid \
    dotnet run --no-build --project src/Concord.Web -c Release -- generate \
      --commitments "$commitments" --reports-per-commitment "$reports" --seed 42 --as-of "$(cat "$dir/as-of")" | tee "$dir/generate.log"
fi

dotnet bench/Concord.Bench/bin/Release/net10.0/Concord.Bench.dll --connection "$connection" --as-of "$(cat "$dir/as-of")" \
  --runs "$runs" --out "$results" --load-log "$dir/generate.log"
