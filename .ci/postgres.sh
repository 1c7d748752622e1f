# shellcheck shell=bash
# Installs PostgreSQL from Debian's packages when it is missing, starts a
# throw-away cluster on 127.0.0.1, creates a database and exports
# GOEDGESPREK_POSTGRES_DSN so that the PostgreSQL store suite always runs.

PG_PORT=${PG_PORT:-54329}
PG_DIR=""
PG_BIN=""
PG_USER_RUN=""

pg_bin_dir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

start_postgres() {
  if [ -n "${GOEDGESPREK_POSTGRES_DSN:-}" ]; then
    echo "using GOEDGESPREK_POSTGRES_DSN from the environment"
    return 0
  fi
  PG_BIN=$(pg_bin_dir)
  if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    echo "installing PostgreSQL from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
    PG_BIN=$(pg_bin_dir)
  fi
  PG_DIR=$(mktemp -d /tmp/goedgesprek-pg.XXXXXX)
  if [ "$(id -u)" = "0" ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home "$PG_DIR" postgres
    chown postgres "$PG_DIR"
    PG_USER_RUN="runuser -u postgres --"
  fi
  $PG_USER_RUN "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres >/dev/null
  $PG_USER_RUN "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
  "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres goedgesprek
  export GOEDGESPREK_POSTGRES_DSN="postgres://postgres@127.0.0.1:$PG_PORT/goedgesprek?sslmode=disable"
  echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') running on 127.0.0.1:$PG_PORT"
}

stop_postgres() {
  if [ -n "$PG_DIR" ] && [ -d "$PG_DIR/data" ]; then
    $PG_USER_RUN "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
