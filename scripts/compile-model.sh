#!/usr/bin/env bash
# Writes EF's model of each database as code (src/Concord.Web/Data/CompiledModels/Sqlite, .../Postgres), which Concord
# loads at start instead of building the model. Run it after any change to the model (a mapping, an entity's
# properties); scripts/add-migration.sh runs it. CompiledModelTests fails when it was forgotten.
# The query filters are added as the model loads (Data/CompiledModels/CompiledModelFilters.cs): EF cannot write them.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  folder="src/Concord.Web/Data/CompiledModels/$provider"
  # dotnet ef builds Concord first, with the files it is about to replace; those it does not write again (a type
  # no longer mapped) are removed afterwards.
  mkdir -p "$folder"
  marker=$(mktemp)
  dotnet ef dbcontext optimize --project src/Concord.Web --context "${provider}ConcordDb" \
    --output-dir "Data/CompiledModels/$provider" --namespace "Concord.Data.CompiledModels.$provider" -- --for-compiled-model
  find "$folder" -name '*.cs' ! -newer "$marker" -delete
  rm -f "$marker"
done
