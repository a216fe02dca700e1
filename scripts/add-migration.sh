#!/usr/bin/env bash
# Adds a migration for both databases: scripts/add-migration.sh AddSomething
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" --project src/Concord.Web --context SqliteConcordDb --output-dir Data/Migrations/Sqlite
dotnet ef migrations add "$name" --project src/Concord.Web --context PostgresConcordDb --output-dir Data/Migrations/Postgres
scripts/compile-model.sh
