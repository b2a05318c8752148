#!/bin/sh
# faults.sh: what an unlucky office and a hostile user do (issue 13) — a
# full disk (a small tmpfs) and a full standard output (/dev/full), a
# kill -9 in the middle of a batch, planted symbolic links and existing
# files at -o, an empty or foreign file given as the database, and a
# TMPDIR holding shell syntax. Nothing may be reported written that is
# not, a document is whole or absent, a dunning letter is logged only once
# it exists, and no file is written through a link or replaced unasked.
. "$top_srcdir/tests/lib.sh"
export URIKAKE_TODAY=2026-03-31 XDG_CONFIG_HOME="$T/config"
M=$T/full
trap 'umount "$M" 2>/dev/null; rm -rf "$T"' EXIT

DB=$T/demo.db
U() { "$URIKAKE" --db "$DB" "$@"; }
U demo >/dev/null 2>&1 || t_skip_all "cannot build the demo database"

# --- the note's editor and a hostile TMPDIR ----------------------------
odd="x'\$(touch pwned)'"
mkdir -p "$T/cwd/$odd" "$T/bin"
printf '#!/bin/sh\nprintf "edited in the editor\\n" >"$1"\n' >"$T/bin/editor"
chmod +x "$T/bin/editor"
printf 'keys 2\nsettle\nkeys a\nkeys <C-e>\nkeys <Enter>\n' >"$T/note.script"
cp "$DB" "$T/tui.db"
(cd "$T/cwd" && TMPDIR="$T/cwd/$odd" EDITOR="$T/bin/editor" VISUAL= \
	URIKAKE_TEST_SCRIPT="$T/note.script" URIKAKE_TEST_DUMP_DIR="$T/cwd" \
	"$URIKAKE" --db "$T/tui.db" --user tester >/dev/null 2>"$T/tui.err")
t_ok "a TMPDIR with quotes and \$(...) runs nothing" test ! -e "$T/cwd/pwned"
t_is "... and the note from the editor is saved" \
	"$("$URIKAKE" --db "$T/tui.db" export contacts | grep -c 'edited in the editor')" 1
t_done
