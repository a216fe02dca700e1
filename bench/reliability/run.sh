#!/usr/bin/env bash
# Concord's reliability suite, one command: publishes the app in Release, starts a throwaway PostgreSQL
# (scripts/postgres.sh), and runs Concord.Reliability, which starts the published app as its own process
# (dotnet Concord.Web.dll) on PostgreSQL and then on SQLite and checks:
#   - 20 concurrent editors on one commitment for 60 s: no acknowledged save lost or out of order, no 5xx;
#   - kill -9 of the app during writes: every acknowledged write present after restart, integrity ok;
#   - pg_ctl restart -m fast under load: recovery time, answers meanwhile, no duplicates.
# Prints the figures and writes bench/results/reliability-YYYY-MM-DD.md. Exit status 0 when every check held.
#   bench/reliability/run.sh [--seconds 60] [--editors 20] [--writers 8] [--kills 3] [--providers Postgres,Sqlite]
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d /tmp/concord-reliability.XXXXXX)
# Apart from the work folder: as root, postgres.sh hands its folder to the postgres user.
pgdir=$(mktemp -d /tmp/concord-reliability-pg.XXXXXX)
trap 'scripts/postgres.sh stop "$pgdir"; rm -rf "$work"' EXIT

dotnet build -c Release bench/reliability/Concord.Reliability 2>&1 | grep -E " error |Build succeeded" | sort -u
# Published as an operator publishes it (ReadyToRun, for this machine), not from the build above, which has no platform.
dotnet publish -c Release src/Concord.Web -o "$work/app" 2>&1 | grep -E " error |->" | tail -n 1

server=$(scripts/postgres.sh start "$pgdir")
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
# The app's log files stay beside the results when something fails; the databases go with the work folder.
dotnet bench/reliability/Concord.Reliability/bin/Release/net10.0/Concord.Reliability.dll \
  --app "$work/app/Concord.Web.dll" --work "$work" --pg "$server" --pg-data "$pgdir/data" --pg-bin "$bin" \
  --out "bench/results/reliability-$(date +%F).md" "$@" || { status=$?; mkdir -p bench/results/reliability-logs; cp "$work"/*.log bench/results/reliability-logs/ 2>/dev/null || true; exit $status; }
