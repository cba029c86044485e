#!/usr/bin/env bash
# Builds the service jar and runs it: embedded PostgreSQL under ./data and logged mail unless configured otherwise.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/use-jdk.sh
mvn -B -q -ntp -DskipTests package
exec "$JAVA_HOME/bin/java" -jar bootstrap/target/accounts.jar "$@"
