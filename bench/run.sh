#!/usr/bin/env bash
# One benchmark run (bench/README.md): builds the service jar and the benchmark without running tests, then
# measures hash ceilings, starts bootstrap/target/accounts.jar and drives it over HTTP; results go to bench/results/.
# Settings are BENCH_* environment variables; ACCOUNTS_* variables reach the service (e.g. ACCOUNTS_HASHER=java).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/use-jdk.sh
if [ "${BENCH_SKIP_BUILD:-false}" != "true" ]; then
  echo "Building the service jar and the benchmark (tests skipped)..."
  mvn -B -ntp -q -DskipTests package -pl bootstrap,bench -am
fi
exec java --enable-native-access=ALL-UNNAMED -jar bench/target/accounts-bench.jar
