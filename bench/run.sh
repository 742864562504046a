#!/usr/bin/env bash
# Builds the benchmarks and prints their figures. Usage: bench/run.sh [rounds of the tool comparison, default 5]
# PostgreSQL: MIGRATE_BENCH_POSTGRES_URL (default jdbc:postgresql://127.0.0.1:5432/postgres), _USER, _PASSWORD.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -Pbench -pl bench -am -DskipTests package
classpath="bench/target/classes:$(ls bench/target/lib/*.jar | tr '\n' ':')"
echo "# $(nproc) cores, $(java -version 2>&1 | head -n 1), $(date -u +%Y-%m-%d)"
java -cp "$classpath" dev.migrate.bench.GraphBenchmark 15
java -cp "$classpath" dev.migrate.bench.IntrospectionBenchmark 1000 10
java -cp "$classpath" dev.migrate.bench.ToolsBenchmark 1000 "${1:-5}"
