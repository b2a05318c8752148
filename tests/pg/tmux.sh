#!/bin/sh
# tmux.sh: the full-screen program on PostgreSQL in a real terminal (tmux,
# private socket), where the key wait watches the terminal and the
# server's socket together (ui/display.c): keys, an escape sequence and a
# lone Escape still arrive, and what a second clerk parks leaves the first
# clerk's queue within seconds, by the server's notification. No server
# or no tmux: SKIP, saying why.
. "$top_srcdir/tests/lib.sh"
command -v tmux >/dev/null 2>&1 || t_skip_all "tmux not installed"
. "$top_srcdir/tests/pg/lib-pg.sh"
. "$top_srcdir/tests/tui/lib-tmux.sh"
trap 'tm kill-server 2>/dev/null; srv stop; rm -rf "$T" "$PGDIR"' EXIT
cd "$T" || exit 1
psql -X -q -v ON_ERROR_STOP=1 -d postgres \
	-c "CREATE ROLE urikake_owner LOGIN; CREATE ROLE urikake_clerk NOLOGIN" \
	-c "CREATE DATABASE tui OWNER urikake_owner ENCODING 'UTF8' LOCALE 'C' TEMPLATE template0" \
	>"$T/.out" 2>&1 || t_skip_all "cannot create the roles and a database: $(head -1 "$T/.out")"
PG="postgresql:///tui?host=$PGHOST&port=$PGPORT&user=urikake_owner"
"$URIKAKE" --db "$PG" init >/dev/null 2>&1 &&
	URIKAKE_TODAY=2026-03-31 "$URIKAKE" --db "$PG" --user demo demo >/dev/null 2>&1 ||
	t_skip_all "cannot make the demo company on the server"

start() { # start SESSION USER
	tm new-session -d -s "$1" -x 100 -y 30 \
		"env TERM=xterm-256color URIKAKE_TODAY=2026-03-31 XDG_CONFIG_HOME=$T/cfg $URIKAKE --db '$PG' --user $2"
}
tm new-session -d -s keep "sleep 600"
start a tanaka
wait_for a "auto-matched"
t_report $? "the first screen on PostgreSQL"
first=$(tm capture-pane -p -t a | sed -n 4p | cut -c1-40)
tm send-keys -t a '?'
wait_for a "any other key closes"
t_report $? "a key arrives while the wait watches the server's socket too (the help)"
tm send-keys -t a Escape
i=0
while [ $i -lt 50 ] && tm capture-pane -p -t a | grep -q "any other key closes"; do
	sleep 0.1
	i=$((i + 1))
done
tm capture-pane -p -t a >"$T/cap"
! grep -q "any other key closes" "$T/cap" && grep -q "auto-matched" "$T/cap"
t_report $? "… and a lone Escape closes it"
tm capture-pane -p -t a >"$T/top"
tm send-keys -t a Down
i=0
while [ $i -lt 50 ] && tm capture-pane -p -t a | cmp -s - "$T/top"; do
	sleep 0.1
	i=$((i + 1))
done
tm capture-pane -p -t a | cmp -s - "$T/top"
[ $? -ne 0 ]
t_report $? "… and an arrow key's escape sequence moves the cursor"
tm send-keys -t a Up
start b suzuki
wait_for b "auto-matched"
park_first b
t_report $? "a second clerk parks the first deposit"
row_left a "$first"
t_report $? "the first clerk's queue follows within seconds"
tm send-keys -t a q
tm send-keys -t b q
t_done
