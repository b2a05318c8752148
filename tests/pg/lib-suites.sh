# lib-suites.sh: runs another directory's shell suites once more on
# PostgreSQL (sourced by tests/pg/cli-suites.sh and tui-suites.sh after
# tests/lib.sh and lib-pg.sh). Makes the roles and the template databases
# tests/pg/urikake-pg.sh copies, sets $URIKAKE to that wrapper, runs the
# suites in two lanes and passes on each suite's checks as this test's,
# named "SUITE: check". The caller sets $known: the failures still known
# on PostgreSQL, one "SUITE: CHECK|why" a line (TAP TODO, so they are
# reported, not hidden; an unexpected pass is reported too). A suite that
# stops before its plan fails here. No server: SKIP, saying why.
command -v flock >/dev/null 2>&1 || t_skip_all "no flock (util-linux)"

psql -X -q -v ON_ERROR_STOP=1 -d postgres \
	-c "CREATE ROLE urikake_owner LOGIN; CREATE ROLE urikake_clerk NOLOGIN" \
	-c "CREATE DATABASE urikake_empty OWNER urikake_owner ENCODING 'UTF8' LOCALE 'C' TEMPLATE template0" \
	-c "CREATE DATABASE urikake_init OWNER urikake_owner TEMPLATE urikake_empty" \
	>"$T/.out" 2>&1 || t_skip_all "cannot create the roles and databases: $(head -1 "$T/.out")"
"$URIKAKE" --db "postgresql:///urikake_init?host=$PGHOST&port=$PGPORT&user=urikake_owner" init \
	>"$T/.out" 2>&1 || t_skip_all "init fails on the server: $(head -1 "$T/.out")"

URIKAKE_REAL=$URIKAKE
URIKAKE=$top_srcdir/tests/pg/urikake-pg.sh
export URIKAKE_REAL URIKAKE

# run DIR SUITE LANE: DIR/SUITE.sh on the server, from a directory of its
# own (on the server the demo writes its bank files in the current
# directory), its output in $T/SUITE.out, .err, .rc, .s (seconds); then
# its databases dropped.
run() {
	URIKAKE_PG_STATE=$T/$3
	export URIKAKE_PG_STATE
	mkdir "$T/cwd-$2"
	started=$(date +%s)
	(cd "$T/cwd-$2" && sh "$top_srcdir/$1/$2.sh") >"$T/$2.out" 2>"$T/$2.err"
	echo $? >"$T/$2.rc"
	echo $(($(date +%s) - started)) >"$T/$2.s"
	while read -r db; do
		psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
	done <"$URIKAKE_PG_STATE/dbs"
	: >"$URIKAKE_PG_STATE/dbs"
}

# lane DIR NAME: takes the next suite from $T/queue until none is left.
lane() {
	mkdir "$T/$2"
	: >"$T/$2/dbs"
	while s=$(flock "$T/queue.lock" sh -c 'head -n 1 "$0"; sed -i 1d "$0"' "$T/queue") &&
		[ -n "$s" ]; do
		run "$1" "$s" "$2"
	done
}

# run_suites DIR SUITE...: the suites of DIR, in that order (the slow ones
# first, so that the lanes end together), two at a time — they mostly
# wait on the server — then their checks passed on.
run_suites() {
	dir=$1
	shift
	printf '%s\n' "$@" >"$T/queue"
	lane "$dir" l1 &
	lane "$dir" l2
	wait
	for s; do
		before=$t_n
		pg_pass_tap "$T/$s.out" "$s: "
		if [ "$planned" != 0 ] && [ "$planned" != $((t_n - before)) ]; then
			t_report 1 "$s: the suite ran to its end (exit $(cat "$T/$s.rc"), plan 1..$planned)"
			sed 's/^/# /' "$T/$s.err" | tail -5
		fi
		echo "# $s: $((t_n - before)) checks, $(cat "$T/$s.s") s"
	done
}
