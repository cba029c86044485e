#!/usr/bin/env bash
# Builds the service jar and runs it: embedded PostgreSQL under ./data and logged mail unless configured otherwise.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/use-jdk.sh
mvn -B -q -ntp -DskipTests package
# A fixed heap, as a deployment would set it: the default (a quarter of the machine's memory) lets the heap, and so
# the process, grow far past what the service needs (256 MiB holds 64 busy clients, see the README's Performance).
# JAVA_OPTS replaces it.
exec "$JAVA_HOME/bin/java" ${JAVA_OPTS:--Xmx256m -XX:+ExitOnOutOfMemoryError} -jar bootstrap/target/accounts.jar "$@"
