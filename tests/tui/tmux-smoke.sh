#!/bin/sh
# tmux-smoke.sh: the real terminal path — urikake in tmux (private socket)
# under several TERM values, a resize, two processes on one database (what
# one clerk parks disappears from the other's screen within seconds), and
# the terminal cursor at the insertion point of prompts and form fields.
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/tui/lib-tui.sh"
command -v tmux >/dev/null 2>&1 || t_skip_all "tmux not installed"
. "$top_srcdir/tests/tui/lib-tmux.sh"
trap 'tm kill-server 2>/dev/null; rm -rf "$T"' EXIT

tui_demo_db "$T/demo.db" || t_skip_all "cannot build the demo database"
start() { # start SESSION TERM USER [ENV...]
	s=$1 term=$2 user=$3
	shift 3
	tm new-session -d -s "$s" -x 80 -y 24 \
		"env TERM=$term $* URIKAKE_TODAY=2026-03-31 XDG_CONFIG_HOME=$T/cfg $URIKAKE --db $T/demo.db --user $user"
}
tm new-session -d -s keep "sleep 600"
for term in xterm-256color tmux-256color screen vt100; do
	if ! infocmp "$term" >/dev/null 2>&1; then
		t_n=$((t_n + 1))
		echo "ok $t_n # SKIP no terminfo entry for $term"
		continue
	fi
	start "t$term" "$term" tester
	wait_for "t$term" "auto-matched"
	t_report $? "first screen under TERM=$term"
	tm send-keys -t "t$term" q
done
start a xterm-256color tanaka LC_ALL= LANG= LC_CTYPE=
wait_for a "C.UTF-8"
t_report $? "LANG unset: switches to C.UTF-8 and says so"
wait_for a "株式会社"
t_report $? "CJK names drawn"
# rule_drawn SESSION LABEL: the detail's rule is a line (U+2500), never the
# qqqq of an alternate character set the terminal did not switch to.
rule_drawn() {
	wait_for "$1" "^──" && ! grep -q "^qq" "$T/cap"
	t_report $? "$2: the detail's rule is drawn as a line, not qq"
}
rule_drawn a "LANG unset"
tm resize-window -t a -x 132 -y 43 2>/dev/null || tm resize-pane -t a -x 132 -y 43
wait_for a "Best proposal.*$"
t_report $? "redrawn after a resize"
first=$(tm capture-pane -p -t a | sed -n 4p | cut -c1-40)
start b xterm-256color suzuki
wait_for b "auto-matched"
park_first b
t_report $? "second clerk parks the first deposit"
row_left a "$first"
t_report $? "the first clerk's queue follows within seconds"
tm send-keys -t a q
tm send-keys -t b q
# The terminal's own cursor sits at the insertion point of the field being
# typed in (an input method opens its candidates there), counted in cells.
cursor() { tm display -p -t "$1" '#{cursor_x},#{cursor_y},#{cursor_flag}'; }
# wait_cursor SESSION WANT: poll (up to 5 s) until the cursor is at WANT.
wait_cursor() {
	i=0
	while [ $i -lt 50 ] && [ "$(cursor "$1")" != "$2" ]; do
		sleep 0.1
		i=$((i + 1))
	done
	echo "$(cursor "$1")"
}
tui_catalogues "$T/locale" || rm -rf "$T/locale"
for lang in ja zh_CN; do
	if [ ! -d "$T/locale" ]; then
		t_report 0 "cursor in $lang # SKIP cannot compile the catalogues (msgfmt)"
		continue
	fi
	tm new-session -d -s "c$lang" -x 80 -y 24 \
		"env TERM=xterm-256color URIKAKE_TODAY=2026-03-31 XDG_CONFIG_HOME=$T/cfg URIKAKE_LOCALEDIR=$T/locale $URIKAKE --lang $lang --db $T/demo.db --user tester"
	wait_for "c$lang" "C00001"
	t_is "cursor in $lang: hidden while no field has focus" "$(cursor "c$lang" | cut -d, -f3)" 0
	tm send-keys -t "c$lang" 2
	sleep 0.5
	tm send-keys -t "c$lang" /
	tm send-keys -t "c$lang" -l "株式会社"
	t_is "cursor in $lang: after 4 wide characters typed at the / prompt (1 + 8 cells)" \
		"$(wait_cursor "c$lang" 9,23,1)" "9,23,1"
	tm send-keys -t "c$lang" Escape
	sleep 0.3
	tm send-keys -t "c$lang" a
	wait_for "c$lang" "C-e"
	empty=$(cursor "c$lang")
	x=${empty%%,*} rest=${empty#*,}
	tm send-keys -t "c$lang" -l "電話した"
	t_is "cursor in $lang: in the note field, 8 cells on after 4 wide characters" \
		"$(wait_cursor "c$lang" "$((x + 8)),$rest")" "$((x + 8)),$rest"
	tm send-keys -t "c$lang" Left Left
	t_is "cursor in $lang: two characters back is 4 cells back" \
		"$(wait_cursor "c$lang" "$((x + 4)),$rest")" "$((x + 4)),$rest"
	tm send-keys -t "c$lang" Escape
	t_is "cursor in $lang: hidden again once the form is closed" \
		"$(wait_cursor "c$lang" "79,23,0" | cut -d, -f3)" 0
	tm send-keys -t "c$lang" q
done
# A locale not generated here: the status line says how to, in the language.
start lja xterm-256color tester LANG=ja_JP.UTF-8@x LC_ALL= LANGUAGE= URIKAKE_LOCALEDIR=$T/locale
wait_for lja "locale-gen ja_JP"
t_report $? "a locale not generated: the first screen says how to generate it (ja)"
grep -q "自動消込" "$T/cap"
t_report $? "... in Japanese all the same"
rule_drawn lja "a locale not generated (ja)"
tm send-keys -t lja q
start lzh xterm-256color tester LANG=zh_CN.UTF-8@x LC_ALL= LANGUAGE= URIKAKE_LOCALEDIR=$T/locale
wait_for lzh "locale-gen zh_CN"
t_report $? "... (zh_CN)"
rule_drawn lzh "a locale not generated (zh_CN)"
tm send-keys -t lzh q
t_done
