# lib-pgbench.sh: sourced by the PostgreSQL benchmarks (pg-bench.sh,
# pg-load.sh) after they set W (their scratch directory) and CONNS (the
# connections they need). Starts a throwaway server (tests/pg/server.sh),
# stopped at exit; none can start: the benchmark says why and exits 0
# (measurements, not tests). pg_newdb NAME makes an empty database with
# the roles of data/schema-pg.sql and prints its URL.
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
PGDIR=$(mktemp -d "${TMPDIR:-/tmp}/urikake-pgbench.XXXXXX")
# The server's buffer cache as large as the page cache SQLite's match
# --auto takes (256 MiB, db_tune_bulk): with the tests' 16MB a run at full
# size measured the server's cache misses (48 s against 36 s, section 6
# of doc/store-dialects.md).
srv() {
	PG_MAX_CONNECTIONS=$CONNS PG_SHARED_BUFFERS=256MB sh "$top_srcdir/tests/pg/server.sh" "$1" \
		"$PGDIR"
}
trap 'srv stop; rm -rf "$W" "$PGDIR"' EXIT
trap 'exit 1' INT TERM HUP
if ! command -v psql >/dev/null 2>&1 || ! srv start 2>"$W/why"; then
	echo "$(basename "$0"): skipped, no PostgreSQL server: $(tr '\n' ' ' <"$W/why" 2>/dev/null)"
	exit 0
fi
eval "$(srv env)"
export PGHOST PGPORT PGUSER
psql -X -q -v ON_ERROR_STOP=1 -d postgres \
	-c "CREATE ROLE urikake_owner LOGIN; CREATE ROLE urikake_clerk NOLOGIN" >/dev/null

pg_newdb() {
	psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $1 OWNER urikake_owner
		ENCODING 'UTF8' LOCALE 'C' TEMPLATE template0" >/dev/null
	echo "postgresql:///$1?host=$PGHOST&port=$PGPORT&user=urikake_owner"
}
