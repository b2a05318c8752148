#!/bin/sh
# check-layering.sh: the layer rules of doc/architecture.md as tests.
. "${top_srcdir:-.}/tests/lib.sh"
cd "$top_srcdir" || exit 1

bad=$(grep -ln -E '#include *[<"](n?curses|ncursesw/)' src/*.c src/*.h src/*/*.[ch] 2>/dev/null)
t_is "src/ never includes curses" "$bad" ""
bad=$(grep -ln -E '\b(printf|fprintf|puts|fputs|putchar|exit|_exit|perror)\s*\(' src/*.c src/*/*.c 2>/dev/null)
t_is "src/ never prints or exits" "$bad" ""
bad=$(grep -ln 'sqlite3\.h' ui/*.[ch] cli/*.[ch] 2>/dev/null)
t_is "ui/ and cli/ never include sqlite3.h" "$bad" ""
# The store's own private headers (src/store*_priv.h) carry sqlite3.h to
# its .c files; nothing else in src/ may.
bad=$(grep -ln 'sqlite3\.h' src/*.[ch] src/*/*.[ch] 2>/dev/null |
	grep -v -E '^src/store[a-z_]*(\.c|_priv\.h)$')
t_is "only src/store*.c (through the store's _priv.h) includes sqlite3.h" "$bad" ""
# A folder's *_priv.h is its own: other folders use its public header.
# (Unit tests in tests/ may look inside.)
bad=$(for f in src/*.[ch] src/*/*.[ch] cli/*.[ch] ui/*.[ch]; do
	grep -o -E '#include *"[^"]*_priv\.h"' "$f" | sed 's/.*"\(.*\)"/\1/' |
	while read -r h; do
		[ -f "$(dirname "$f")/$(basename "$h")" ] || echo "$f: $h"
	done
done 2>/dev/null)
t_is "a *_priv.h is included only inside its own folder" "$bad" ""
bad=$(grep -ln -E '\b(float|double)\b' src/money.[ch] src/*/*.[ch] 2>/dev/null)
t_is "no floating point in money code" "$bad" ""
t_done
