#!/bin/sh
# cli-suites.sh: every command-line suite (tests/cli/*.sh) once more, on
# PostgreSQL: a throwaway server (tests/pg/server.sh) and $URIKAKE set to
# tests/pg/urikake-pg.sh, which gives each SQLite path a test names a
# database of its own on the server; the suites' own look into the
# database (t_sql, t_dump in tests/lib.sh) follows it there. Each suite's
# checks are passed on as this test's, named "SUITE: check"
# (tests/pg/lib-suites.sh); a check that only SQLite has (file modes, a
# corrupt file, PRAGMAs) is skipped by the suite itself, saying why. A
# suite that stops before its plan fails here. The failures still known
# on PostgreSQL are listed below (TAP TODO, so they are reported, not
# hidden). No server: SKIP, saying why.
. "$top_srcdir/tests/lib.sh"
# the 20 clerks of hostile.sh and the other lane's commands at once
PG_MAX_CONNECTIONS=60
export PG_MAX_CONNECTIONS
. "$top_srcdir/tests/pg/lib-pg.sh"

# Known failures on PostgreSQL: SUITE: CHECK|why (none may pass silently:
# an unexpected pass is reported too).
known='
'
. "$top_srcdir/tests/pg/lib-suites.sh"

# PG_CLI_SUITES="bank match" runs only those (while working on them).
suites=${PG_CLI_SUITES:-$(cd "$top_srcdir/tests/cli" && ls ./*.sh | sed 's|^\./||; s|\.sh$||' |
	grep -v -x lib-mail)}
# the slow ones first (one at a time the suites took 7 minutes, the demo's
# many statements: bank.sh and demo.sh)
run_suites tests/cli $(printf '%s\n' $suites | grep -x -e bank -e demo) \
	$(printf '%s\n' $suites | grep -v -x -e bank -e demo)
t_done
