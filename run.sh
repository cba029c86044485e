#!/usr/bin/env bash
# Builds the service jar and runs it: embedded PostgreSQL under ./data and logged mail unless configured otherwise.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/use-jdk.sh
mvn -B -q -ntp -DskipTests package
# A fixed heap, as a deployment would set it: the default (a quarter of the machine's memory) lets the heap, and so
# the process, grow far past what the service needs (256 MiB holds 64 busy clients, see the README's Performance).
# A 20 ms pause target: G1's default of 200 ms let one young collection under load stop the service for 60-110 ms,
# as long as a liveness probe's whole budget. JAVA_OPTS replaces both.
# Two malloc arenas: glibc gives each thread that allocates natively (JIT compilers, the hasher's libargon2, GC
# workers) an arena of its own, up to 8 per core, and keeps what was freed in each (README, Performance).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec "$JAVA_HOME/bin/java" ${JAVA_OPTS:--Xmx256m -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError} -jar bootstrap/target/accounts.jar "$@"
