#!/usr/bin/env bash
# Runs every test: unit and integration tests on SQLite and on a throwaway PostgreSQL that this
# script starts and removes (the S3 attachment store's against s3rver, which they start themselves),
# and the browser journeys in Debian's Chromium.
# Extra arguments go to `dotnet test` (e.g. --filter FullyQualifiedName~Instruments).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-test-deps.sh
pgdir=$(mktemp -d /tmp/concord-pg.XXXXXX)
log=$(mktemp /tmp/concord-test.XXXXXX.log)
trap 'scripts/postgres.sh stop "$pgdir"; rm -f "$log"' EXIT
export CONCORD_TEST_POSTGRES=$(scripts/postgres.sh start "$pgdir")
# The launcher of the S3-compatible server that the S3 attachment store's tests start (installed above).
export CONCORD_TEST_S3RVER="$PWD/tests/s3rver/serve.js"
# Each test class starts an app; without this each one watches its settings files, and a few hundred
# watchers exhaust the kernel's inotify instances (128 by default) on a busy machine.
export DOTNET_hostBuilder__reloadConfigOnChange=false
dotnet tool restore >/dev/null
set +e
dotnet test Concord.slnx --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One closing line over all test projects, in the plain form CI reads.
count() { { grep -oE "^ +$1: +[0-9]+" "$log" || true; } | awk '{s+=$2} END {print s+0}'; }
passed=$(count Passed)
failed=$(count Failed)
# CI shows only the end of the output: repeat each failed test with the start of its message and stack there.
if [ "$failed" != 0 ]; then
  echo "Failed tests (first lines of each):"
  # A test's result line is indented by two spaces; the app's own log lines ("Failed executing DbCommand") by more.
  # The cap is awk's own: cut by `head`, awk would die of SIGPIPE and fail the script under pipefail.
  awk '/^  Failed [^ ]/ {n=25} n > 0 && shown < 200 {print; n--; shown++}' "$log"
fi
echo "Tests: $passed passed, $failed failed"
exit "$status"
