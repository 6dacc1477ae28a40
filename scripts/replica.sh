#!/usr/bin/env bash
# A local streaming replica (hot standby) of the PostgreSQL 15 server at PRIMARY_HOST:PRIMARY_PORT,
# for the tests, the bench and a development setup of DATABASE_REPLICA_URL.
#
#   scripts/replica.sh start    # base backup (pg_basebackup -R) on first start, then run the standby
#   scripts/replica.sh stop     # stop it (the data folder stays; start again resumes streaming)
#   scripts/replica.sh status   # running or not, replay lag; exit 0 only when it streams
#   scripts/replica.sh destroy  # stop it and remove its data folder
#
# Environment (all optional):
#   PRIMARY_HOST 127.0.0.1, PRIMARY_PORT 5432, PRIMARY_USER postgres — the primary, trust or .pgpass
#   REPLICA_PORT 5433
#   REPLICA_DIR  ${TMPDIR:-/tmp}/pobyt-replica — its data folder and log
#   PG_BIN       the PostgreSQL 15 binaries (default: pg_config --bindir, else /usr/lib/postgresql/15/bin)
#
# The primary needs wal_level=replica (PostgreSQL's default), max_wal_senders > 0 (default 10) and a
# pg_hba.conf line letting PRIMARY_USER connect for replication from 127.0.0.1. When that line is
# missing and this script may write the primary's pg_hba.conf (CI runs as root on the database host),
# it appends `host replication <user> 127.0.0.1/32 trust` once and reloads the primary. Run as root,
# the standby runs as the `postgres` system user (PostgreSQL refuses to run as root).
set -euo pipefail

PRIMARY_HOST=${PRIMARY_HOST:-127.0.0.1}
PRIMARY_PORT=${PRIMARY_PORT:-5432}
PRIMARY_USER=${PRIMARY_USER:-postgres}
REPLICA_PORT=${REPLICA_PORT:-5433}
REPLICA_DIR=${REPLICA_DIR:-${TMPDIR:-/tmp}/pobyt-replica}
DATA="$REPLICA_DIR/data"
LOG="$REPLICA_DIR/replica.log"

if [ -z "${PG_BIN:-}" ]; then
  if [ -x /usr/lib/postgresql/15/bin/pg_ctl ]; then PG_BIN=/usr/lib/postgresql/15/bin
  elif command -v pg_config >/dev/null 2>&1; then PG_BIN=$(pg_config --bindir)
  else PG_BIN=$(dirname "$(command -v pg_ctl)"); fi
fi

# As root, run the server's own commands as the postgres system user.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

psql_primary() { psql -X -q -At -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U "$PRIMARY_USER" -d postgres "$@"; }
psql_replica() { psql -X -q -At -h 127.0.0.1 -p "$REPLICA_PORT" -U "$PRIMARY_USER" -d postgres "$@"; }

running() { [ -f "$DATA/postmaster.pid" ] && as_owner "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

# Can PRIMARY_USER open a replication connection? (IDENTIFY_SYSTEM over the replication protocol.)
can_replicate() {
  psql -X -q -At "host=$PRIMARY_HOST port=$PRIMARY_PORT user=$PRIMARY_USER replication=true dbname=postgres" \
    -c 'IDENTIFY_SYSTEM' >/dev/null 2>&1
}

ensure_primary() {
  pg_isready -q -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" || { echo "replica: primary $PRIMARY_HOST:$PRIMARY_PORT is not reachable" >&2; exit 1; }
  local level senders
  level=$(psql_primary -c 'show wal_level')
  senders=$(psql_primary -c 'show max_wal_senders')
  if [ "$level" = minimal ] || [ "$senders" = 0 ]; then
    echo "replica: the primary has wal_level=$level, max_wal_senders=$senders; set wal_level=replica and max_wal_senders>0 and restart it" >&2
    exit 1
  fi
  can_replicate && return 0
  local hba
  hba=$(psql_primary -c 'show hba_file')
  if [ ! -w "$hba" ]; then
    echo "replica: $PRIMARY_USER may not connect for replication and $hba is not writable here; add" >&2
    echo "  host replication $PRIMARY_USER 127.0.0.1/32 trust   (or scram-sha-256 with a .pgpass)" >&2
    exit 1
  fi
  local line="host replication $PRIMARY_USER 127.0.0.1/32 trust"
  if ! grep -qxF "$line" "$hba"; then
    echo "replica: adding '$line' to $hba and reloading the primary" >&2
    # Appended: the lines for database "all" do not match replication connections.
    printf '# pobyt scripts/replica.sh: the local streaming replica\n%s\n' "$line" >>"$hba"
  fi
  psql_primary -c 'select pg_reload_conf()' >/dev/null
  for _ in $(seq 1 20); do can_replicate && return 0; sleep 0.25; done
  echo "replica: replication is still refused after reloading the primary (an earlier pg_hba.conf line rejects it?)" >&2
  exit 1
}

base_backup() {
  rm -rf "$DATA"
  echo "replica: base backup of $PRIMARY_HOST:$PRIMARY_PORT into $DATA" >&2
  # -R writes primary_conninfo and standby.signal; -X stream copies the WAL written meanwhile.
  as_owner "$PG_BIN/pg_basebackup" -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U "$PRIMARY_USER" -D "$DATA" -R -X stream -c fast
  chmod 700 "$DATA"
  # A packaged server (Debian) keeps its configuration outside the data folder: the standby gets its
  # own. A hot standby needs these at least as high as on the primary.
  local conf="$DATA/postgresql.conf" s
  : >"$conf.new"
  for s in max_connections max_worker_processes max_wal_senders max_prepared_transactions max_locks_per_transaction; do
    echo "$s = $(psql_primary -c "show $s")" >>"$conf.new"
  done
  cat >>"$conf.new" <<CONF
port = $REPLICA_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$REPLICA_DIR'
hot_standby = on
hot_standby_feedback = on
max_standby_streaming_delay = 1s
wal_receiver_status_interval = 1s
cluster_name = 'pobyt-replica'
shared_buffers = 32MB
CONF
  printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' >"$DATA/pg_hba.conf.new"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$conf.new" "$DATA/pg_hba.conf.new"; fi
  mv "$conf.new" "$conf"
  mv "$DATA/pg_hba.conf.new" "$DATA/pg_hba.conf"
  as_owner touch "$DATA/pg_ident.conf"
}

streaming() { [ "$(psql_replica -c 'select status from pg_stat_wal_receiver' 2>/dev/null)" = streaming ]; }

start() {
  if running; then
    echo "replica: already running on port $REPLICA_PORT ($DATA)"
    return 0
  fi
  ensure_primary
  mkdir -p "$REPLICA_DIR"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$REPLICA_DIR"; fi
  [ -f "$DATA/standby.signal" ] || base_backup
  local attempt
  for attempt in 1 2; do
    : >"$LOG" 2>/dev/null || true
    if [ "$(id -u)" = 0 ]; then chown postgres: "$LOG"; fi
    as_owner "$PG_BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start >/dev/null
    for _ in $(seq 1 60); do streaming && break; sleep 0.5; done
    streaming && break
    # Stopped for long, the primary may have recycled the WAL it needs (no replication slot is kept,
    # so a forgotten replica cannot fill the primary's disk): take a new base backup once.
    if [ "$attempt" = 1 ] && grep -q 'has already been removed' "$LOG"; then
      echo "replica: the primary no longer has the WAL this standby needs; taking a new base backup" >&2
      as_owner "$PG_BIN/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null || true
      base_backup
      continue
    fi
    echo "replica: started but not streaming; see $LOG" >&2
    tail -n 20 "$LOG" >&2 || true
    exit 1
  done
  status
}

stop() {
  if running; then
    as_owner "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w -t 60 stop >/dev/null
    echo "replica: stopped"
  else
    echo "replica: not running"
  fi
}

status() {
  if ! running; then
    echo "replica: not running ($DATA)"
    return 3
  fi
  local rec lag
  rec=$(psql_replica -c 'select pg_is_in_recovery()' 2>/dev/null || true)
  if [ "$rec" != t ]; then
    echo "replica: running on port $REPLICA_PORT but not a standby (pg_is_in_recovery: ${rec:-no answer})" >&2
    return 1
  fi
  lag=$(psql_replica -c "select coalesce(pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()), 0)::bigint" 2>/dev/null || echo '?')
  local sender
  sender=$(psql_primary -c "select state from pg_stat_replication where application_name = 'pobyt-replica' or client_addr = '127.0.0.1' limit 1" 2>/dev/null || true)
  echo "replica: streaming on 127.0.0.1:$REPLICA_PORT from $PRIMARY_HOST:$PRIMARY_PORT (sender ${sender:-?}; received but not replayed: $lag bytes)"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  destroy)
    stop
    rm -rf "$DATA"
    echo "replica: removed $DATA"
    ;;
  *)
    echo "usage: $0 start|stop|status|destroy" >&2
    exit 2
    ;;
esac
