#!/usr/bin/env bash
# The district-scale load run, in one command (README, "Performance"):
#
#   src/test/load/run-load.sh [scale] [seconds]        e.g. 0.1 (10 %), 1.0 (the default district), 5.0
#
# 1. builds the service and the load harness (Maven profile -Pload: Gatling);
# 2. once per scale, makes a template database on the PostgreSQL at PGHOST:PGPORT (superuser PGUSER,
#    default postgres on 127.0.0.1:5432): the service migrates it and seeds the demo district (Flyway
#    owns the schema), then generate-district.sql bulk-loads the district and SealHistory seals the
#    generated audit history; the load time is printed;
# 3. copies the template into a fresh database for this run, starts the packaged service on it in the
#    demo profile (its embedded Keycloak has the demo users; rate limit off for the run), and runs the
#    Gatling MixedWorkload with real tokens: first the baseline (a trivial authenticated GET), then the
#    mixed workload for [seconds] (default 120);
# 4. runs each operation's main SQL with pgbench (pgbench/*.sql) at the same concurrency, verifies the
#    audit chain through the API, reads the service's resident memory, stops the service, and prints
#    the table: throughput, p50/p95/p99 and errors per operation, and the ratios to both baselines.
#
# Environment: PGHOST, PGPORT, PGUSER; SERVICE_JAVA_OPTS (the service's JVM flags, default as in the
# Deployment's container); PORT (default 8097) and KEYCLOAK_PORT (8197) of the service
# under test; MVN (default ./mvnw -B -q), e.g. to run Maven under a lock on a shared machine; SKIP_BUILD=1
# reuses the last -Pload build; PREPARE_ONLY=1 stops once the template database is loaded; VERIFY=0 skips the
# verification of the audit chain after the run (at 500 %, 25,000,000 events take several minutes).
set -euo pipefail

SCALE="${1:-0.1}"
SECONDS_MIXED="${2:-120}"
BASELINE_SECONDS="${BASELINE_SECONDS:-30}"
USERS_PER_ROLE="${USERS_PER_ROLE:-2}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
PORT="${PORT:-8097}"
KEYCLOAK_PORT="${KEYCLOAK_PORT:-8197}"
MVN="${MVN:-./mvnw -B -q}"
# The JVM as it runs in the Deployment's container (1 GiB memory limit, no CPU limit): heap at 60 % of
# the memory, and the collector the JVM picks below 1,792 MB of memory (Serial), not the one it would
# pick on this machine with its whole memory (G1, heap up to a quarter of it).
SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS:--XX:MaxRAM=1g -XX:MaxRAMPercentage=60 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}"
cd "$(dirname "$0")/../../.."
ROOT="$(pwd)"
LOAD="$ROOT/src/test/load"
OUT="$ROOT/target/load"
TAG="s$(echo "$SCALE" | tr -c '0-9\n' '_')"
TEMPLATE="student_support_load_${TAG}_template"
DB="student_support_load_${TAG}"
OWNER=student_support_owner
APP=student_support_app
mkdir -p "$OUT"

log() { printf '\n== %s  %s\n' "$(date -u +%H:%M:%S)" "$*"; }
psql_q() { psql -X -v ON_ERROR_STOP=1 -qtA "$@"; }

SERVICE_PID=
stop_service() {
  if [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID"
    for _ in $(seq 1 60); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 1; done
  fi
  SERVICE_PID=
}
trap stop_service EXIT

start_service() { # database, log file, extra environment...
  local db="$1" logfile="$2"; shift 2
  env "$@" QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" \
    QUARKUS_DATASOURCE_USERNAME=$APP QUARKUS_DATASOURCE_PASSWORD=app-secret \
    QUARKUS_FLYWAY_USERNAME=$OWNER QUARKUS_FLYWAY_PASSWORD=owner-secret \
    PORT="$PORT" KEYCLOAK_PORT="$KEYCLOAK_PORT" \
    java $SERVICE_JAVA_OPTS -Dquarkus.profile=demo -jar "${APP_DIR:-target/quarkus-app}/quarkus-run.jar" >"$logfile" 2>&1 &
  SERVICE_PID=$!
  for _ in $(seq 1 180); do
    if curl -sf "http://localhost:$PORT/q/health/ready" >/dev/null; then return 0; fi
    kill -0 "$SERVICE_PID" 2>/dev/null || { tail -30 "$logfile"; echo "the service did not start" >&2; exit 1; }
    sleep 2
  done
  echo "the service was not ready within 6 minutes (log: $logfile)" >&2; exit 1
}

token() {
  curl -sf -d grant_type=password -d client_id=student-support-web -d "username=$1" -d password=demo-password \
    "http://127.0.0.1:$KEYCLOAK_PORT/realms/student-support/protocol/openid-connect/token" | jq -r .access_token
}

if [ -z "${SKIP_BUILD:-}" ] || [ ! -f target/load-classpath.txt ]; then
  log "build (service and load harness)"
  $MVN -Pload package dependency:build-classpath -Dmdep.outputFile=target/load-classpath.txt -Dmdep.includeScope=test
fi
CP="target/test-classes:target/classes:$(cat target/load-classpath.txt)"

psql_q -d postgres -c "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$OWNER') THEN CREATE ROLE $OWNER LOGIN PASSWORD 'owner-secret'; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$APP') THEN CREATE ROLE $APP LOGIN PASSWORD 'app-secret'; END IF;
END \$\$"

if [ "$(psql_q -d postgres -c "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '$TEMPLATE'")" != "loaded scale $SCALE" ]; then
  log "template database $TEMPLATE: migrate and seed the demo district through the service"
  psql_q -d postgres -c "DROP DATABASE IF EXISTS $TEMPLATE" -c "CREATE DATABASE $TEMPLATE OWNER $OWNER"
  start_service "$TEMPLATE" "$OUT/service-migrate.log" DEMO_DATA=true
  stop_service
  log "generate the district at scale $SCALE"
  started=$(date +%s)
  psql -X -v ON_ERROR_STOP=1 -v scale="$SCALE" -d "$TEMPLATE" -f "$LOAD/generate-district.sql" >"$OUT/generate.log"
  grep -E '^generating' "$OUT/generate.log" || true
  sql_done=$(date +%s)
  java -cp "$CP" org.studentsupport.audittrail.SealHistory "jdbc:postgresql://$PGHOST:$PGPORT/$TEMPLATE" "$PGUSER" demo-checkpoint-key
  psql_q -d "$TEMPLATE" -c "VACUUM ANALYZE"
  loaded=$(date +%s)
  psql_q -d postgres -c "COMMENT ON DATABASE $TEMPLATE IS 'loaded scale $SCALE'"
  echo "load time: $((loaded - started)) s (SQL $((sql_done - started)) s, sealing and VACUUM ANALYZE $((loaded - sql_done)) s)" | tee "$OUT/load-time-$TAG.txt"
  psql_q -d "$TEMPLATE" -c "SELECT 'rows: ' || string_agg(t || ' ' || n, ', ') FROM (VALUES
      ('student', (SELECT count(*) FROM student)), ('class_section', (SELECT count(*) FROM class_section)),
      ('school', (SELECT count(*) FROM school)), ('dir_service', (SELECT count(*) FROM dir_service)),
      ('referral', (SELECT count(*) FROM referral)), ('referral_transition', (SELECT count(*) FROM referral_transition)),
      ('audit_event', (SELECT count(*) FROM audit_event))) v (t, n)" | tee -a "$OUT/load-time-$TAG.txt"
else
  log "template database $TEMPLATE is loaded (scale $SCALE); reusing it"
fi

if [ -n "${PREPARE_ONLY:-}" ]; then exit 0; fi

log "fresh database $DB from the template"
psql_q -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB TEMPLATE $TEMPLATE OWNER $OWNER"
start_service "$DB" "$OUT/service.log" RATE_LIMIT_PER_MINUTE=0 DEMO_DATA=false
echo "service pid $SERVICE_PID, RSS after start $(( $(ps -o rss= -p "$SERVICE_PID") / 1024 )) MiB"

BASELINE_PATH=/api/v1/me
if ! grep -q '^  /api/v1/me:' openapi/openapi.yaml; then
  BASELINE_PATH=/api/v1/review-tiers
  echo "GET /api/v1/me is not in this build; the baseline is GET $BASELINE_PATH (authenticated, answered from memory)"
fi

log "Gatling: baseline ${BASELINE_SECONDS} s, then the mixed workload ${SECONDS_MIXED} s"
# Gatling from the -Pload build's classpath (the same as `./mvnw -Pload gatling:test -Dload.…=…`, without a second Maven run)
rm -rf target/gatling/mixedworkload-*
java --add-opens=java.base/java.lang=ALL-UNNAMED -XX:MaxInlineLevel=20 -XX:MaxTrivialSize=12 \
  -Dslf4j.provider=ch.qos.logback.classic.spi.LogbackServiceProvider -Dlogback.configurationFile="$LOAD/logback-load.xml" -Dgatling.failures="$OUT/failures.log" \
  -Dload.baseUrl="http://localhost:$PORT" -Dload.keycloakUrl="http://127.0.0.1:$KEYCLOAK_PORT" \
  -Dload.jdbcUrl="jdbc:postgresql://$PGHOST:$PGPORT/$DB?user=$PGUSER" -Dload.seconds="$SECONDS_MIXED" \
  -Dload.baselineSeconds="$BASELINE_SECONDS" -Dload.baselinePath="$BASELINE_PATH" -Dload.usersPerRole="$USERS_PER_ROLE" \
  -cp "$CP" io.gatling.app.Gatling --simulation org.studentsupport.load.MixedWorkload \
  --results-folder "$ROOT/target/gatling" --run-description "scale $SCALE" >"$OUT/gatling.log" 2>&1 || true
grep -A3 'Global Information' "$OUT/gatling.log" | head -4 || true
RUN_DIR="$(ls -td target/gatling/mixedworkload-* | head -1)"
RSS_MB=$(( $(ps -o rss= -p "$SERVICE_PID") / 1024 ))

VERIFY='{"intact": "not verified (VERIFY=0)"}'
VERIFY_SECONDS=0
if [ "${VERIFY:-1}" != 0 ]; then
log "audit chain verification through the API (a verification job: 202, then its Location until done)"
verify_started=$(date +%s)
JOB_URL=$(curl -s -o /dev/null -w '%header{location}' -H "Authorization: Bearer $(token super.riverton)" \
  -H 'Content-Type: application/json' -H 'Prefer: respond-async' -d '{}' "http://localhost:$PORT/api/v1/audit/verifications")
VERIFY='{"intact": "no answer"}'
for _ in $(seq 1 600); do
  JOB=$(curl -s -H "Authorization: Bearer $(token super.riverton)" "$JOB_URL" || echo '{}')
  case "$(echo "$JOB" | jq -r '.state // empty')" in
    done) VERIFY=$(echo "$JOB" | jq -c .result); break ;;
    failed) VERIFY=$(echo "$JOB" | jq -c '{intact: ("failed: " + .error)}'); break ;;
  esac
  sleep 2
done
VERIFY_SECONDS=$(( $(date +%s) - verify_started ))
echo "$VERIFY" | jq -c '{intact, checkedEvents, checkpointsChecked, firstFailure}'
echo "verification took $VERIFY_SECONDS s"
fi

log "pgbench: each operation's main SQL, $((2 * USERS_PER_ROLE)) clients, 10 s each"
: >"$OUT/pgbench.tsv"
VARS=$(psql_q -d "$DB" -F ' ' -c "SELECT
    (SELECT id FROM class_section c WHERE sourced_id LIKE 'ld-cls-%' AND school_id = (SELECT id FROM school WHERE sourced_id = 'sch-elm') ORDER BY id LIMIT 1),
    (SELECT st.id FROM student st JOIN school s ON s.id = st.school_id WHERE s.sourced_id = 'sch-elm' AND st.sourced_id LIKE 'ld-%' ORDER BY st.id LIMIT 1),
    (SELECT id FROM school WHERE sourced_id = 'sch-elm'), (SELECT id FROM district WHERE sourced_id = 'dst-riverton'),
    '3f1c2a9e-5b7d-4e21-9a4c-1d2e3f4a5b01'")
read -r CLASS STUDENT SCHOOL DISTRICT ORG <<<"$VARS"
for script in "$LOAD"/pgbench/*.sql; do
  name=$(sed -n 's/^-- operation: //p' "$script")
  # A script that uses rows up (a transition, a send) runs as many transactions as there are rows for it, at most 10 s
  # worth; the others for 10 s.
  duration="-T 10"
  consumes=$(sed -n 's/^-- consumes: //p' "$script" | sed "s/:org/$ORG/g; s/:school/$SCHOOL/g")
  if [ -n "$consumes" ]; then
    available=$(psql_q -d "$DB" -c "$consumes")
    per_client=$(( available / (2 * USERS_PER_ROLE) ))
    [ "$per_client" -gt 2500 ] && per_client=2500
    if [ "$per_client" -lt 10 ]; then echo "pgbench $name: only $available rows to use; skipped"; continue; fi
    duration="-t $per_client"
  fi
  rm -f "$OUT"/pgbench_log.*
  pgbench -n -c $((2 * USERS_PER_ROLE)) -j 2 $duration -l --log-prefix="$OUT/pgbench_log" -f "$script" \
    -D class="$CLASS" -D student="$STUDENT" -D school="$SCHOOL" -D district="$DISTRICT" -D org="$ORG" "$DB" >"$OUT/pgbench-last.txt" 2>&1 \
    || { cat "$OUT/pgbench-last.txt"; exit 1; }
  tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$OUT/pgbench-last.txt" | head -1)
  cat "$OUT"/pgbench_log.* | awk '{print $3 / 1000}' | sort -n | awk -v name="$name" -v tps="$tps" \
    '{v[NR] = $1} END {printf "%s\t%s\t%.3f\t%.3f\t%.3f\n", name, tps, v[int(NR * 0.5) + 1], v[int(NR * 0.95) + 1], v[int(NR * 0.99) + 1]}' \
    >>"$OUT/pgbench.tsv"
done
rm -f "$OUT"/pgbench_log.*
stop_service

log "results: scale $SCALE, mixed workload $SECONDS_MIXED s at $USERS_PER_ROLE users per role (report: $RUN_DIR/index.html)"
cat "$OUT/load-time-$TAG.txt" 2>/dev/null || true
echo "service RSS after the run: $RSS_MB MiB (target <= 400 MiB)"
echo "audit chain: $(echo "$VERIFY" | jq -c '{intact, checkedEvents}') in $VERIFY_SECONDS s (a verification job)"
java -cp "$CP" org.studentsupport.load.LoadReport "$RUN_DIR" "$OUT/pgbench.tsv"
