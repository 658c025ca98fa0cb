#!/bin/sh
# kill-harness.sh: the kill -9 harness (KillHarness). Builds benchmarks/target/benchmarks.jar with
# ./mvnw (tests skipped), then runs 50 rounds by default; arguments pass through:
#   benchmarks/kill-harness.sh [--rounds N] [--seed S] [--kinds random,h2.after-commit,...] [--dir D]
# Exit status 0 when nothing acknowledged was lost and every check passed, 1 otherwise.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/.mvn/jdk.sh"
solo_select_jdk

(cd "$ROOT" && ./mvnw -q -pl benchmarks -am package -Dmaven.test.skip=true >&2)

exec "$JAVA_HOME/bin/java" \
  --add-modules jdk.incubator.vector \
  --enable-native-access=ALL-UNNAMED \
  -cp "$ROOT/benchmarks/target/benchmarks.jar" \
  dev.solosuccess.benchmarks.KillHarness "$@"
