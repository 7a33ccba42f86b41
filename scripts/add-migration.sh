#!/usr/bin/env bash
# Adds a migration of the given name for both database providers, so SQLite and SQL Server never
# drift apart. Run from anywhere; needs no database server (see the design-time factories in Core/Data).
#   scripts/add-migration.sh AddSomething
set -euo pipefail

if [[ $# -ne 1 || -z "$1" ]]; then
    echo "usage: $0 MigrationName" >&2
    exit 2
fi
name="$1"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

dotnet tool restore >/dev/null
dotnet build CallCenter.Core --nologo -v q

for provider in Sqlite SqlServer; do
    dotnet tool run dotnet-ef migrations add "$name" \
        --project CallCenter.Core \
        --startup-project CallCenter.Core \
        --context "${provider}CallCenterDbContext" \
        --output-dir "Data/Migrations/${provider}" \
        --no-build
done
