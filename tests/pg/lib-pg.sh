# lib-pg.sh: sourced by the tests of tests/pg after tests/lib.sh. Starts a
# throwaway PostgreSQL server (tests/pg/server.sh) for the whole test, in a
# directory of its own outside $T (the server may run as another user),
# stopped and removed at exit; no server: the test SKIPs, saying why.
# Then PGHOST, PGPORT, PGUSER are exported and pg_url DB gives the
# postgresql:// URL of database DB on it.
command -v psql >/dev/null 2>&1 || t_skip_all "no psql: install the postgresql package"
PGDIR=$(mktemp -d "${TMPDIR:-/tmp}/urikake-pg.XXXXXX")
srv() { sh "$top_srcdir/tests/pg/server.sh" "$1" "$PGDIR"; }
trap 'srv stop; rm -rf "$T" "$PGDIR"' EXIT
trap 'exit 1' INT TERM HUP # the server is stopped on an interrupted run too
srv start 2>"$T/why" || t_skip_all "no PostgreSQL server could start: $(tr '\n' ' ' <"$T/why")"
eval "$(srv env)"
export PGHOST PGPORT PGUSER
pg_url() { echo "postgresql:///$1?host=$PGHOST&port=$PGPORT&user=$PGUSER"; }
