#!/bin/sh
# check-layering.sh: the layer rules of DESIGN.md as tests.
. "${top_srcdir:-.}/tests/lib.sh"
cd "$top_srcdir" || exit 1

bad=$(grep -ln -E '#include *[<"](n?curses|ncursesw/)' src/*.c src/*.h src/*/*.[ch] 2>/dev/null)
t_is "src/ never includes curses" "$bad" ""
bad=$(grep -ln -E '\b(printf|fprintf|puts|fputs|putchar|exit|_exit|perror)\s*\(' src/*.c src/*/*.c 2>/dev/null)
t_is "src/ never prints or exits" "$bad" ""
bad=$(grep -ln 'sqlite3\.h' ui/*.[ch] cli/*.[ch] 2>/dev/null)
t_is "ui/ and cli/ never include sqlite3.h" "$bad" ""
bad=$(grep -ln 'sqlite3\.h' src/*.[ch] src/*/*.[ch] 2>/dev/null | grep -v '^src/store')
t_is "only src/store* includes sqlite3.h" "$bad" ""
bad=$(grep -ln -E '\b(float|double)\b' src/money.[ch] src/*/*.[ch] 2>/dev/null)
t_is "no floating point in money code" "$bad" ""
t_done
