#!/bin/sh
# server.sh: a throwaway PostgreSQL server for the tests.
#   server.sh start DIR   initdb + pg_ctl start in DIR (created, or empty);
#                         its Unix socket in DIR only, no TCP port,
#                         trust authentication, fsync off, at most
#                         $PG_MAX_CONNECTIONS (20) clients, a buffer cache
#                         of $PG_SHARED_BUFFERS (16MB). On failure says
#                         why on stderr and exits 1 (the tests then SKIP).
#   server.sh env DIR     the libpq variables to reach it, as shell
#                         assignments for eval (PGHOST, PGPORT, PGUSER).
#   server.sh stop DIR    stops it (fast shutdown); DIR is left to the caller.
# initdb and the server refuse to run as root: run by root (a container,
# a CI job), they run as the `postgres` system user the postgresql package
# creates (else `nobody`), and DIR is handed to that user.
set -u
PORT=5433
SUPERUSER=postgres

die() { echo "$*" >&2; exit 1; }

# The directory of initdb and pg_ctl: the PATH's, else Debian's newest.
pg_bindir() {
	if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
		dirname "$(command -v pg_ctl)"
		return 0
	fi
	d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
	[ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && echo "$d"
}

# as_server CMD...: CMD as the user the server runs as, in DIR.
as_server() {
	if [ -n "$run_as" ]; then
		(cd "$dir" && runuser -u "$run_as" -- "$@")
	else
		(cd "$dir" && "$@")
	fi
}

start() {
	bin=$(pg_bindir) || die "no PostgreSQL server programs (initdb, pg_ctl): install the postgresql package"
	mkdir -p "$dir" || die "cannot create $dir"
	[ -z "$(ls -A "$dir")" ] || die "$dir is not empty"
	if [ -n "$run_as" ]; then
		command -v runuser >/dev/null 2>&1 || die "running as root and no runuser to drop privileges"
		chown "$run_as" "$dir" || die "cannot hand $dir to $run_as"
		as_server test -w "$dir" ||
			die "$run_as cannot reach $dir (a parent directory keeps it out)"
	fi
	as_server "$bin/initdb" -D "$dir/data" -U "$SUPERUSER" -A trust -E UTF8 --locale=C \
		--no-sync >"$dir/initdb.log" 2>&1 ||
		die "initdb failed: $(tail -n 3 "$dir/initdb.log" | tr '\n' ' ')"
	cat >>"$dir/data/postgresql.conf" <<-EOF
		listen_addresses = ''
		unix_socket_directories = '$dir'
		port = $PORT
		fsync = off
		synchronous_commit = off
		full_page_writes = off
		shared_buffers = ${PG_SHARED_BUFFERS:-16MB}
		max_connections = ${PG_MAX_CONNECTIONS:-20}
	EOF
	as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start \
		>/dev/null 2>&1 ||
		die "the server did not start: $(tail -n 3 "$dir/server.log" 2>/dev/null | tr '\n' ' ')"
}

stop() {
	bin=$(pg_bindir) || return 0
	[ -f "$dir/data/postmaster.pid" ] || return 0
	as_server "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1
}

[ $# -eq 2 ] || die "usage: server.sh start|stop|env DIR"
case $2 in
/*) dir=$2 ;;
*) dir=$(pwd)/$2 ;;
esac
run_as=
if [ "$(id -u)" -eq 0 ]; then
	run_as=nobody
	id postgres >/dev/null 2>&1 && run_as=postgres
fi
case $1 in
start) start ;;
stop) stop ;;
env) echo "PGHOST='$dir' PGPORT=$PORT PGUSER=$SUPERUSER" ;;
*) die "usage: server.sh start|stop|env DIR" ;;
esac
