#!/usr/bin/env bash
# Builds the service jar and runs it: embedded PostgreSQL under ./data and logged mail unless configured otherwise.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/use-jdk.sh
mvn -B -q -ntp -DskipTests package
# The JVM options are in dist/jvm.options, shared with the systemd unit, the image and the benchmark: a bounded heap,
# a 20 ms pause target, freed native memory handed back (README, Performance). JAVA_OPTS replaces them.
# Two malloc arenas: glibc gives each thread that allocates natively (JIT compilers, the hasher's libargon2, GC
# workers) an arena of its own, up to 8 per core, and keeps what was freed in each (README, Performance).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec "$JAVA_HOME/bin/java" ${JAVA_OPTS:-@dist/jvm.options} -jar bootstrap/target/accounts.jar "$@"
