#!/usr/bin/env bash
# Cold start on SQLite: the time from starting the published app until /health/live answers 200, on an empty
# database (the start migrates it and loads the demo) and on the database that start left (the demo already there).
# Median of --runs starts of each. See bench/README.md, "Cold start".
#   bench/cold-start.sh [--runs 5] [--app DIR]...
# Without --app it publishes this commit (dotnet publish src/Concord.Web -c Release). Each --app DIR is an app
# published earlier, e.g. another commit's; with several, their starts take turns, so that they share the machine's
# load alike. The last line per app is machine-readable: "MEDIAN <dir> empty=<s> existing=<s> runs=<n> cpu_empty=<s>
# cpu_existing=<s>", the CPU seconds being what the process had used when it answered: on a busy machine the wall time
# grows with the others' load, the CPU time much less.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5
apps=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --app) apps+=("$(cd "$2" && pwd)"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d -t concord-cold.XXXXXX)
trap 'rm -rf "$work"' EXIT
if [ ${#apps[@]} -eq 0 ]; then
  echo "publishing Concord (Release)..." >&2
  dotnet publish src/Concord.Web -c Release -o "$work/app" 2>&1 | grep -E " error |warn.*error" >&2 || true
  apps=("$work/app")
fi
# Started as an operator would: from a folder other than its own, not in Development (Staging: the demo is loaded,
# as on a first start of scripts/run.sh), on a SQLite file.
mkdir -p "$work/elsewhere"

# Prints the seconds until /health/live answered and the CPU seconds the process had used by then.
start() {
  local app=$1 db=$2 port started p answered cpu
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  started=$(date +%s.%N)
  (cd "$work/elsewhere" && exec env ASPNETCORE_ENVIRONMENT=Staging ASPNETCORE_URLS="http://127.0.0.1:$port" \
    ConnectionStrings__Concord="Data Source=$db" dotnet "$app/Concord.Web.dll" > "$work/app.log" 2>&1) &
  p=$!
  until curl -sf "http://127.0.0.1:$port/health/live" >/dev/null 2>&1; do
    kill -0 $p 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
    sleep 0.02
  done
  answered=$(date +%s.%N)
  cpu=$(awk '{print ($14 + $15) / 100}' /proc/$p/stat)
  kill $p; wait $p 2>/dev/null || true
  python3 -c "print(f'{$answered - $started:.2f} {$cpu:.2f}')"
}

for i in $(seq 1 "$runs"); do
  for n in "${!apps[@]}"; do
    db="$work/cold-$n.db"
    rm -f "$db" "$db-shm" "$db-wal"
    read -r empty empty_cpu < <(start "${apps[$n]}" "$db")
    read -r existing existing_cpu < <(start "${apps[$n]}" "$db")
    echo "RUN ${apps[$n]} $i empty=$empty (cpu $empty_cpu) existing=$existing (cpu $existing_cpu) load=$(cut -d' ' -f1 /proc/loadavg)"
    echo "${apps[$n]} $empty $existing $empty_cpu $existing_cpu" >> "$work/times"
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
column() { awk -v a="$1" -v c="$2" '$1 == a {print $c}' "$work/times" | median; }
for app in "${apps[@]}"; do
  echo "MEDIAN $app empty=$(column "$app" 2) existing=$(column "$app" 3) runs=$runs cpu_empty=$(column "$app" 4) cpu_existing=$(column "$app" 5)"
done
