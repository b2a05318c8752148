#!/bin/sh
# tui-suites.sh: every screen suite (tests/tui/*.sh) once more, on
# PostgreSQL, as cli-suites.sh runs the command line's (tests/pg/
# lib-suites.sh): $URIKAKE is tests/pg/urikake-pg.sh, so the headless
# scripts, the tmux sessions and the commands a script runs as another
# clerk all reach the suite's databases on the server, and every dumped
# screen must equal the same expected file as on SQLite. A check that
# only SQLite has is skipped by the suite itself, saying why. The
# failures still known on PostgreSQL are listed below (TAP TODO, so they
# are reported, not hidden). No server: SKIP, saying why.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/pg/lib-pg.sh"

# Known failures on PostgreSQL: SUITE: CHECK|why (none may pass silently:
# an unexpected pass is reported too).
known='
'
. "$top_srcdir/tests/pg/lib-suites.sh"

# PG_TUI_SUITES="screens mail" runs only those (while working on them).
suites=${PG_TUI_SUITES:-$(cd "$top_srcdir/tests/tui" && ls ./*.sh | sed 's|^\./||; s|\.sh$||' |
	grep -v '^lib-')}
# the slow ones first, so that the lanes end together
run_suites tests/tui $(printf '%s\n' $suites | grep -x -e panes -e screens) \
	$(printf '%s\n' $suites | grep -v -x -e panes -e screens)
t_done
