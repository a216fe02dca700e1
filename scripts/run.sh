#!/usr/bin/env bash
# Runs Concord on the embedded SQLite database (concord.db in the repository folder),
# loading the Vietnam-Laos demo history on first start. Open the URL it prints.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-5080}
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export ConnectionStrings__Concord=${ConnectionStrings__Concord:-"Data Source=$PWD/concord.db"}
echo "Concord will be at http://localhost:$port (first start builds and loads the demo history)"
exec dotnet run --project src/Concord.Web -c Release -- --urls "http://localhost:$port"
