# lib-tmux.sh: the program in a real terminal — tmux on a private socket —
# for tests/tui/tmux-smoke.sh and tests/pg/tmux.sh (sourced after
# tests/lib.sh, which makes $T).
sock="urikake-test-$$"
tm() { tmux -L "$sock" -f /dev/null "$@"; }

# wait_for SESSION TEXT: poll the pane (up to 10 s) until TEXT shows.
wait_for() {
	i=0
	while [ $i -lt 100 ]; do
		tm capture-pane -p -t "$1" >"$T/cap" 2>/dev/null && grep -q -e "$2" "$T/cap" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# park_first SESSION: that clerk parks the deposit under the cursor as a
# refund; true once the message line says so.
park_first() {
	tm send-keys -t "$1" x
	tm send-keys -t "$1" -l "refund"
	tm send-keys -t "$1" Enter
	wait_for "$1" "Parked"
}

# row_left SESSION TEXT: wait (up to 5 s) until the queue's first row no
# longer shows TEXT; true when it went.
row_left() {
	i=0
	while [ $i -lt 50 ] && tm capture-pane -p -t "$1" | sed -n 4p | grep -qF "$2"; do
		sleep 0.1
		i=$((i + 1))
	done
	! tm capture-pane -p -t "$1" | sed -n 4p | grep -qF "$2"
}
