#!/usr/bin/env bash
# Runs every test: unit, persistence (real PostgreSQL), mail (GreenMail), end-to-end, architecture.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/use-jdk.sh
exec mvn -B -ntp verify "$@"
