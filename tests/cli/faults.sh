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
U contact add C00001 --channel phone --date 2026-03-30 --note "called" >/dev/null ||
	t_skip_all "cannot add a contact"
REF=$(U export deposits | sed -n 2p | cut -d, -f1)
contacts() { U export contacts | wc -l; }
# every visible document in $1 is whole (a PDF ends with %%EOF)
whole_pdfs() {
	for f in "$1"/*.pdf; do
		[ -e "$f" ] || continue
		tail -c 8 "$f" | grep -q '%%EOF' || { echo "cut short: $f"; return 1; }
	done
}

# --- standard output on a full device ---------------------------------
F() { "$URIKAKE" --db "$DB" "$@" >/dev/full; }
t_exit "statement text to a full stdout fails" 1 F statement C00001
t_grep "... and says so" "cannot write the output: No space left" "$T/.err"
t_exit "contact list to a full stdout fails" 1 F contact list C00001
t_grep "... and says so" "cannot write the output" "$T/.err"
t_exit "match show to a full stdout fails" 1 F match show --deposit "$REF"
t_is "... and says so, once" "$(cat "$T/.err")" \
	"urikake: cannot write the output: No space left on device"
t_exit "export to a full stdout fails" 1 F export customers
t_grep "... and says so" "cannot write the output" "$T/.err"
n=$(contacts)
t_exit "dunning letters to a full stdout fail" 1 F dunning --all-overdue --level 1 --format txt
t_grep "... and say so" "cannot write the output" "$T/.err"
t_is "... and no letter is logged as sent" "$(contacts)" "$n"
t_exit "a 'Wrote' lost on a full stdout is no success" 1 F statement C00001 -o "$T/w.pdf"
t_exit "-o /dev/full is refused" 3 U statement C00001 --format txt -o /dev/full --force
t_grep "... as no regular file" "/dev/full is not a regular file" "$T/.err"

# --- a full disk -------------------------------------------------------
mkdir -p "$M"
if [ "$(id -u)" -ne 0 ] || ! mount -t tmpfs -o size=1m tmpfs "$M" 2>/dev/null; then
	t_report 0 "full disk # SKIP cannot mount a small tmpfs (needs root and mount rights)"
else
	t_exit "statements for everyone on a full disk fail" 1 \
		U statement --all-open --format pdf -o "$M/dir/"
	t_grep "... naming the file" "cannot write $M/dir/statement-C[0-9]*\.pdf: No space left" "$T/.err"
	t_is "... reporting nothing written" "$(cat "$T/.out")" ""
	t_is "... and leaving nothing behind" "$(ls -A "$M/dir")" ""
	dd if=/dev/zero of="$M/fill" bs=4k >/dev/null 2>&1 # (pg_dump's archive is small)
	t_exit "backup on a full disk fails" 1 U backup "$M/b.db"
	t_grep "... naming the file" "cannot write $M/b.db" "$T/.err"
	t_is "... and leaves nothing behind" "$(ls -A "$M" | grep -v '^dir$\|^fill$')" ""
	t_exit "one PDF on a full disk fails" 1 U statement C00001 -o "$M/one.pdf"
	t_grep "... naming the file" "cannot write $M/one.pdf: No space left" "$T/.err"
	t_exit "one text file on a full disk fails" 1 U statement C00001 --format txt -o "$M/one.txt"
	t_grep "... naming the file" "cannot write $M/one.txt: No space left" "$T/.err"
	n=$(contacts)
	t_exit "a dunning letter on a full disk fails" 1 \
		U dunning --all-overdue --level 1 --format pdf -o "$M/"
	t_is "... logs no letter as sent" "$(contacts)" "$n"
	t_is "... and says nothing was recorded" "$(grep -c Recorded "$T/.out")" 0
	t_is "no empty or partial file is left on the disk" "$(ls -A "$M" | grep -v '^fill$\|^dir$')" ""
	umount "$M"
fi

# --- kill -9 during a batch --------------------------------------------
bad=0
for delay in 0.5 1 1.5; do
	rm -rf "$T/k"
	"$URIKAKE" --db "$DB" statement --all-open --format pdf -o "$T/k/" >/dev/null 2>&1 &
	sleep $delay
	kill -9 $! 2>/dev/null
	wait $! 2>/dev/null
	whole_pdfs "$T/k" || bad=1
done
t_is "kill -9 during statement --all-open leaves no cut-off PDF" $bad 0

# --- kill -9 during an import (a guard: this held before issue 13) -----
awk 'BEGIN { print "number,customer,issue_date,amount"
	for (i = 1; i <= 200000; i++) printf "K-%06d,C00001,2026-03-01,1000\n", i }' >"$T/big.csv"
bad=
for delay in 0.3 1; do
	cp "$DB" "$T/imp.db"
	"$URIKAKE" --db "$T/imp.db" import invoices "$T/big.csv" >/dev/null 2>&1 &
	sleep $delay
	kill -9 $! 2>/dev/null
	wait $! 2>/dev/null
	n=$("$URIKAKE" --db "$T/imp.db" export invoices | grep -c '^K-')
	[ "$n" = 0 ] || [ "$n" = 200000 ] || bad="$bad $delay:$n"
done
t_is "kill -9 during an import leaves all of the file or none" "$bad" ""

# --- -o through links and over existing files (backup's rule) ----------
echo precious >"$T/target.txt"
ln -s target.txt "$T/link.txt"
t_exit "-o a symbolic link is refused" 3 U statement C00001 --format txt -o "$T/link.txt"
t_grep "... saying why" "link.txt is a symbolic link" "$T/.err"
t_is "... its target untouched" "$(cat "$T/target.txt")" precious
t_ok "--force replaces the link itself" U statement C00001 --format txt -o "$T/link.txt" --force
t_is "... never its target" "$(cat "$T/target.txt")" precious
t_ok "... which is now the statement" test -f "$T/link.txt" -a ! -L "$T/link.txt"
t_exit "-o an existing file is refused" 3 U statement C00002 --format txt -o "$T/target.txt"
t_grep "... saying so" "target.txt already exists" "$T/.err"
t_grep "... and that --force replaces it" "^urikake: --force replaces" "$T/.err"
t_is "... the file untouched" "$(cat "$T/target.txt")" precious
t_ok "--force replaces it" U statement C00002 --format txt -o "$T/target.txt" --force
t_grep "... with the statement" "C00002" "$T/target.txt"
echo precious >"$T/target.txt"
mkdir "$T/d"
ln -s ../target.txt "$T/d/statement-C00002.txt"
t_exit "a link planted in -o DIR/ is refused" 3 U statement C00001 C00002 --format txt -o "$T/d/"
t_is "... its target untouched" "$(cat "$T/target.txt")" precious
t_is "... and no other statement written" "$(ls -A "$T/d")" statement-C00002.txt
ln -s target.txt "$T/link2.db"
t_exit "backup onto a link is refused" 3 U backup "$T/link2.db"
t_is "... its target untouched" "$(cat "$T/target.txt")" precious

# --- what is not a database --------------------------------------------
: >"$T/e.db"
chmod 644 "$T/e.db"
t_exit "an empty file is no database" 1 "$URIKAKE" --db "$T/e.db" aging
t_grep "... says so" "e.db is an empty file, not a urikake database" "$T/.err"
t_is "... and leaves it as it was" "$(stat -c '%s %a' "$T/e.db")" "0 644"
printf 'code,name\nC1,x\n' >"$T/c.csv"
t_exit "... not even for an import" 1 "$URIKAKE" --db "$T/e.db" import customers "$T/c.csv"
t_is "... which leaves it too" "$(stat -c '%s %a' "$T/e.db")" "0 644"
cp "$T/c.csv" "$T/notdb.db"
t_exit "a text file is no database" 1 "$URIKAKE" --db "$T/notdb.db" aging
t_grep "... says so" "notdb.db is not a urikake database" "$T/.err"
t_ok "... and leaves it as it was" cmp "$T/notdb.db" "$T/c.csv"
if command -v sqlite3 >/dev/null; then
	sqlite3 "$T/other.db" "CREATE TABLE notes (body TEXT)"
	t_exit "another program's SQLite database is refused" 1 "$URIKAKE" --db "$T/other.db" init
	t_grep "... saying whose it is" "another program's SQLite database" "$T/.err"
	t_is "... and gains no table" "$(sqlite3 "$T/other.db" "SELECT count(*) FROM sqlite_schema")" 1
fi
t_ok "init makes a database of an empty file" "$URIKAKE" --db "$T/e.db" init
t_is "... with mode 0600" "$(stat -c %a "$T/e.db")" 600
t_ok "... which then works" "$URIKAKE" --db "$T/e.db" aging
if t_on_pg; then
	t_skip "a new database under umask 000 (2 checks)" "a SQLite file's mode"
else
	t_ok "a new database under umask 000" sh -c "umask 000; \"\$0\" --db \"$T/n.db\" init" "$URIKAKE"
	t_is "... is still 0600, its WAL files too" \
		"$(stat -c %a "$T/n.db" "$T/n.db-wal" "$T/n.db-shm" 2>/dev/null | sort -u | tr '\n' ' ')" "600 "
fi

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
# A server that cannot be reached: the message names it, its passwords
# hidden (the URL's and a password= parameter's).
t_exit "an unreachable PostgreSQL server" 1 \
	"$URIKAKE" --db "postgresql://nobody:topsecret@127.0.0.1:1/x?password=other" aging
t_grep "… named, the password hidden" "postgresql://nobody:\*\*\*@127.0.0.1:1/x?password=\*\*\*" "$T/.err"
t_is "… neither password printed" "$(grep -c 'topsecret\|other' "$T/.err")" 0
t_done
