#!/bin/sh
# cli-suites.sh: every command-line suite (tests/cli/*.sh) once more, on
# PostgreSQL: a throwaway server (tests/pg/server.sh) and $URIKAKE set to
# tests/pg/urikake-pg.sh, which gives each SQLite path a test names a
# database of its own on the server; the suites' own look into the
# database (t_sql, t_dump in tests/lib.sh) follows it there. Each suite's
# checks are passed on as this test's, named "SUITE: check"; a check that
# only SQLite has (file modes, a corrupt file, PRAGMAs) is skipped by the
# suite itself, saying why. A suite that stops before its plan fails here.
# The failures still known on PostgreSQL are listed below (TAP TODO, so
# they are reported, not hidden). No server: SKIP, saying why.
. "$top_srcdir/tests/lib.sh"
# the 20 clerks of hostile.sh and the other lane's commands at once
PG_MAX_CONNECTIONS=60
export PG_MAX_CONNECTIONS
. "$top_srcdir/tests/pg/lib-pg.sh"
command -v flock >/dev/null 2>&1 || t_skip_all "no flock (util-linux)"

# Known failures on PostgreSQL: SUITE|CHECK|why (none may pass silently:
# an unexpected pass is reported too).
known='
'

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

# pass SUITE: its TAP output (in $T/SUITE.out) as checks of this test.
pass() {
	planned=
	while IFS= read -r line; do
		case $line in
		'ok '* | 'not ok '*)
			st=${line%%[0-9]*}
			rest=${line#"$st"}
			rest=${rest#*[0-9] }
			rest=${rest#- }
			desc=${rest%% \# *}
			why=$(printf '%s\n' "$known" | grep -F "$1|$desc|" | cut -d'|' -f3)
			t_n=$((t_n + 1))
			if [ -n "$why" ]; then
				echo "${st}$t_n - $1: $desc # TODO $why"
			else
				echo "${st}$t_n - $1: $rest"
				[ "$st" = "ok " ] || t_failed=$((t_failed + 1))
			fi
			;;
		'1..0 #'*)
			planned=0
			t_skip "$1" "${line#*# SKIP }"
			;;
		1..*) planned=${line#1..} ;;
		*) echo "# $line" ;;
		esac
	done <"$T/$1.out"
}

# run SUITE LANE: SUITE on the server, from a directory of its own (on the
# server the demo writes its bank files in the current directory), its
# output in $T/SUITE.out, .err, .rc, .s (seconds); then its databases dropped.
run() {
	URIKAKE_PG_STATE=$T/$2
	export URIKAKE_PG_STATE
	mkdir "$T/cwd-$1"
	started=$(date +%s)
	(cd "$T/cwd-$1" && sh "$top_srcdir/tests/cli/$1.sh") >"$T/$1.out" 2>"$T/$1.err"
	echo $? >"$T/$1.rc"
	echo $(($(date +%s) - started)) >"$T/$1.s"
	while read -r db; do
		psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
	done <"$URIKAKE_PG_STATE/dbs"
	: >"$URIKAKE_PG_STATE/dbs"
}

# lane NAME: takes the next suite from $T/queue until none is left. Two
# lanes: the suites mostly wait on the server, one at a time they took 7
# minutes (the demo's many statements: bank.sh and demo.sh).
lane() {
	mkdir "$T/$1"
	: >"$T/$1/dbs"
	while s=$(flock "$T/queue.lock" sh -c 'head -n 1 "$0"; sed -i 1d "$0"' "$T/queue") &&
		[ -n "$s" ]; do
		run "$s" "$1"
	done
}

# PG_CLI_SUITES="bank match" runs only those (while working on them).
suites=${PG_CLI_SUITES:-$(cd "$top_srcdir/tests/cli" && ls ./*.sh | sed 's|^\./||; s|\.sh$||' |
	grep -v -x lib-mail)}
# the slow ones first, so that the lanes end together
printf '%s\n' $suites | grep -x -e bank -e demo >"$T/queue"
printf '%s\n' $suites | grep -v -x -e bank -e demo >>"$T/queue"
lane l1 &
lane l2
wait
for s in $suites; do
	before=$t_n
	pass "$s"
	if [ "$planned" != 0 ] && [ "$planned" != $((t_n - before)) ]; then
		t_report 1 "$s: the suite ran to its end (exit $(cat "$T/$s.rc"), plan 1..$planned)"
		sed 's/^/# /' "$T/$s.err" | tail -5
	fi
	echo "# $s: $((t_n - before)) checks, $(cat "$T/$s.s") s"
done
t_done
