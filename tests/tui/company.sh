#!/bin/sh
# company.sh: the full-screen program on a database that keeps several
# client companies (issue 17), in a real terminal (tmux): with none asked
# for it opens on a list of those open to the user (a company granted to
# another user is not there) — q quits, Enter works in the one chosen —
# and the status line shows the company's code and name; --company opens
# that company's panes directly.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tui.sh"
command -v tmux >/dev/null 2>&1 || t_skip_all "tmux not installed"
. "$top_srcdir/tests/tui/lib-tmux.sh"
trap 'tm kill-server 2>/dev/null; rm -rf "$T"' EXIT

tui_demo_db "$T/c.db" || t_skip_all "cannot build the demo database"
u() { URIKAKE_TODAY=2026-03-31 "$URIKAKE" --db "$T/c.db" "$@"; }
printf 'code,name\nC00001,Acme Shoji\n' >"$T/cust.csv"
u company add acme "Acme Holdings" >/dev/null &&
	u --company acme import customers "$T/cust.csv" >/dev/null &&
	u company add beta "Beta Trading" >/dev/null &&
	u company grant beta someone-else >/dev/null ||
	t_skip_all "cannot add a company"
start() { # start SESSION [OPTION...]
	s=$1
	shift
	tm new-session -d -s "$s" -x 100 -y 30 \
		"env TERM=xterm-256color URIKAKE_TODAY=2026-03-31 XDG_CONFIG_HOME=$T/cfg $URIKAKE --db $T/c.db --user tester $*; sleep 600"
}
tm new-session -d -s keep "sleep 600"

start pick
wait_for pick "Choose the company"
t_report $? "with two companies and none asked for, a list of them at the start"
grep -q "acme *Acme Holdings" "$T/cap" && grep -q "main *main" "$T/cap"
t_report $? "… each with its code and name"
! grep -q "beta\|Beta Trading" "$T/cap"
t_report $? "… but not beta, open only to another user"
tm send-keys -t pick q
i=0
while [ $i -lt 50 ] && ! tm capture-pane -p -t pick | grep -q "^\$" ; do sleep 0.1; i=$((i + 1)); done
sleep 0.5
! tm capture-pane -p -t pick | grep -q "Choose the company\|auto-matched"
t_report $? "q quits the program"

start acme
wait_for acme "Choose the company"
tm send-keys -t acme Enter
wait_for acme "acme Acme Holdings · tester"
t_report $? "Enter works in the first one: the status line shows its code and name"
grep -q "unmatched 0 " "$T/cap"
t_report $? "… and its queue, empty (the demo's deposits are main's)"
tm send-keys -t acme 2
wait_for acme "C00001"
! grep -q "株式会社" "$T/cap"
t_report $? "… its aging pane: none of main's customers"

start down
wait_for down "Choose the company"
tm send-keys -t down Down Enter
wait_for down "main main · tester"
t_report $? "Down then Enter chooses the second one, main"

# At 80 columns the name would push the counts off: the code alone, in
# the database's place.
tm new-session -d -s narrow -x 80 -y 24 \
	"env TERM=xterm-256color URIKAKE_TODAY=2026-03-31 XDG_CONFIG_HOME=$T/cfg $URIKAKE --db $T/c.db --user tester --company main; sleep 600"
wait_for narrow "^ main · tester · as of 2026-03-31 "
t_report $? "80 columns: the company's code alone in the status line"
grep -q "by you 0 *\$" "$T/cap"
t_report $? "… and the counts whole"

start main --company main
wait_for main "main main · tester"
t_report $? "--company main: no list, main's status line"
! grep -q "unmatched 0 " "$T/cap" && ! grep -q "Choose the company" "$T/cap"
t_report $? "… with main's deposits in the queue"
t_done
