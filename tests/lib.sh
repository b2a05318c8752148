# lib.sh: TAP helpers for the shell tests. Source it, call the t_* helpers,
# end with t_done. $URIKAKE is the binary under test (set by make check).
: "${URIKAKE:=${top_builddir:-.}/urikake}"
: "${top_srcdir:=.}"
t_n=0
t_failed=0
T=$(mktemp -d "${TMPDIR:-/tmp}/urikake-test.XXXXXX")
trap 'rm -rf "$T"' EXIT

t_report() { # t_report STATUS DESC
	t_n=$((t_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $t_n - $2"
	else
		echo "not ok $t_n - $2"
		t_failed=$((t_failed + 1))
	fi
}

# t_ok DESC CMD...: passes when CMD exits 0.
t_ok() {
	d=$1; shift
	"$@" >"$T/.out" 2>"$T/.err"; rc=$?
	t_report $rc "$d"
	[ $rc -eq 0 ] || { echo "# exit $rc"; sed 's/^/# /' "$T/.err" | head -20; }
}

# t_exit DESC CODE CMD...: passes when CMD exits with CODE; output in $T/.out, $T/.err.
t_exit() {
	d=$1; want=$2; shift 2
	"$@" >"$T/.out" 2>"$T/.err"; rc=$?
	[ $rc -eq "$want" ]; t_report $? "$d"
	[ $rc -eq "$want" ] || { echo "# exit $rc, want $want"; sed 's/^/# /' "$T/.err" | head -20; }
}

# t_is DESC GOT WANT
t_is() {
	[ "$2" = "$3" ]; t_report $? "$1"
	[ "$2" = "$3" ] || { echo "# got:  $2" | head -20; echo "# want: $3" | head -20; }
}

# t_grep DESC PATTERN FILE: passes when FILE has a line matching PATTERN.
t_grep() {
	grep -q -e "$2" "$3"; rc=$?
	t_report $rc "$1"
	[ $rc -eq 0 ] || { echo "# no '$2' in:"; sed 's/^/#   /' "$3" | head -20; }
}

# `export customers` without its last, derived columns (collector, rating,
# rating_reasons, hold), which change with the day and the payments.
drop_rating() {
	sed -E -e 's/,collector,rating,rating_reasons,hold$//' \
		-e 's/,(sales|accounting)?,[A-E],("[^"]*"|[^",]*),(yes|no)$//'
}

t_skip_all() { echo "1..0 # SKIP $1"; exit 0; }

# t_skip DESC REASON: a check that does not apply here, a TAP skip saying why.
t_skip() {
	t_n=$((t_n + 1))
	echo "ok $t_n - $1 # SKIP $2"
}

# The store the suite runs on: SQLite files, or PostgreSQL databases behind
# them when tests/pg/cli-suites.sh runs it (through tests/pg/urikake-pg.sh,
# which leaves a one-line marker at the database's path).
t_on_pg() { [ -n "${URIKAKE_PG_STATE:-}" ]; }
t_pgdb() { # t_pgdb DB: the PostgreSQL database behind the path DB, if any
	[ -f "$1" ] && [ "$(head -c 11 "$1" 2>/dev/null)" = "urikake-pg " ] || return 1
	"$URIKAKE" --db "$1" --version >/dev/null # a copied marker: its own database first
	cut -d' ' -f2 "$1"
}

# t_sql DB [SQL]: runs SQL (else standard input) on DB's store, rows as
# sqlite3 prints them (columns joined by |). Keep SQL portable.
t_sql() {
	if t_pg=$(t_pgdb "$1"); then
		if [ $# -gt 1 ]; then
			psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$t_pg" -c "$2"
		else
			psql -X -q -t -A -v ON_ERROR_STOP=1 -d "$t_pg" -f -
		fi
	else
		sqlite3 "$@"
	fi
}

# t_dump DB: the whole database as text, to compare before and after
# (on PostgreSQL without the sequences, which a rolled-back insert moves).
t_dump() {
	if t_pg=$(t_pgdb "$1"); then
		pg_dump -d "$t_pg" | grep -v -e '^SELECT pg_catalog.setval' -e '^--' -e '^\\'
	else
		sqlite3 "$1" .dump
	fi
}

t_done() {
	echo "1..$t_n"
	[ $t_failed -eq 0 ]
}
