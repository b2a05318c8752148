#!/bin/sh
# check-layering.sh: the layer rules of doc/architecture.md as tests.
. "${top_srcdir:-.}/tests/lib.sh"
cd "$top_srcdir" || exit 1

bad=$(grep -ln -E '#include *[<"](n?curses|ncursesw/)' src/*/*.[ch] 2>/dev/null)
t_is "src/ never includes curses" "$bad" ""
bad=$(grep -ln -E '\b(printf|fprintf|puts|fputs|putchar|exit|_exit|perror)\s*\(' src/*/*.c 2>/dev/null)
t_is "src/ never prints or exits" "$bad" ""
bad=$(grep -ln 'sqlite3\.h' ui/*.[ch] cli/*.[ch] 2>/dev/null)
t_is "ui/ and cli/ never include sqlite3.h" "$bad" ""
# The store's database seam (src/store/store_db.c, store_db_priv.h) is
# the one place that includes sqlite3.h and calls SQLite: the other store
# files speak to the seam, which a second backend (PostgreSQL) can answer.
bad=$(grep -ln 'sqlite3\.h' src/*.[ch] src/*/*.[ch] 2>/dev/null |
	grep -v -E '^src/store/store_db(\.c|_priv\.h)$')
t_is "only the store's seam (store_db.c, store_db_priv.h) includes sqlite3.h" "$bad" ""
bad=$(grep -ln -E '\bsqlite3_[a-z0-9_]+ *[(*]|\bSQLITE_[A-Z_]+\b' src/store/*.[ch] 2>/dev/null |
	grep -v -E '^src/store/store_db(\.c|_priv\.h)$')
t_is "the store files call SQLite only through the seam (store_db_priv.h)" "$bad" ""
# libpq likewise: only the PostgreSQL backend of the seam (store_pg.c,
# store_pg_pipe.c and their store_pg_conn_priv.h) includes libpq-fe.h
# (store_db* may hand over to it); nothing else calls PQ*.
pg_backend='^src/store/(store_pg(_pipe)?\.c|store_pg_conn_priv\.h|store_db(\.c|_priv\.h))$'
bad=$(grep -ln 'libpq-fe\.h' src/*.[ch] src/*/*.[ch] ui/*.[ch] cli/*.[ch] 2>/dev/null |
	grep -v -E "$pg_backend")
t_is "only the store's PostgreSQL backend (store_pg.c) includes libpq-fe.h" "$bad" ""
bad=$(grep -ln -E '\bPQ[a-z][A-Za-z]* *\(' src/*/*.[ch] ui/*.[ch] cli/*.[ch] 2>/dev/null |
	grep -v -E "$pg_backend")
t_is "nothing else calls libpq" "$bad" ""
# (an in-tree build from before the regrouping may leave generated files)
bad=$(ls src/*.[ch] 2>/dev/null | xargs -r grep -L 'generated .*by build-aux/embed\.sh')
t_is "every file of src/ sits in the folder of its layer" "$bad" ""
# A folder's *_priv.h is its own: other folders use its public header.
# (Unit tests in tests/ may look inside.)
bad=$(for f in src/*/*.[ch] cli/*.[ch] ui/*.[ch]; do
	grep -o -E '#include *"[^"]*_priv\.h"' "$f" | sed 's/.*"\(.*\)"/\1/' |
	while read -r h; do
		[ -f "$(dirname "$f")/$(basename "$h")" ] || echo "$f: $h"
	done
done 2>/dev/null)
t_is "a *_priv.h is included only inside its own folder" "$bad" ""

# No arrow runs back up: a folder includes headers of the folders below
# it only (doc/architecture.md has the picture). The engines (import,
# match, statement) and the receivables rules (ar) work on in-memory data
# and never include a store header; the pipelines that load from the
# store, call an engine and write back are in src/run/.
may_use() { # may_use FOLDER: the folders FOLDER may include headers from
	case $1 in
	src/core) echo "src/core" ;;
	src/match | src/import) echo "src/core $1" ;;
	src/ar) echo "src/core src/match src/ar" ;;
	src/statement) echo "src/core src/ar src/statement" ;;
	src/store) echo "src/core src/ar src/match src/store" ;;
	src/run | src/demo) echo "src/core src/ar src/import src/match src/statement src/store $1" ;;
	cli) echo "src/core src/ar src/import src/match src/statement src/store src/run src/demo cli ui" ;;
	ui) echo "src/core src/ar src/import src/match src/statement src/store src/run src/demo ui" ;;
	esac
}
bad=$(for f in src/*/*.[ch] cli/*.[ch] ui/*.[ch]; do
	dir=$(dirname "$f")
	ok=$(may_use "$dir")
	grep -o -E '^#include *"[^"]*"' "$f" | sed 's/.*"\(.*\)"/\1/' | while read -r h; do
		case $h in */*) home=$(dirname "$h") ;; *)
			home=$(ls src/*/"$h" cli/"$h" ui/"$h" 2>/dev/null | head -1)
			home=${home%/*} ;;
		esac
		[ -n "$home" ] || continue # a system or generated header (config.h)
		case " $ok " in *" $home "*) continue ;; esac
		echo "$f: $h ($home)"
	done
done 2>/dev/null)
t_is "each folder includes headers of the folders below it only" "$bad" ""
bad=$(grep -l -E '#include *"store[a-z_]*\.h"' src/core/*.[ch] src/ar/*.[ch] \
	src/import/*.[ch] src/match/*.[ch] src/statement/*.[ch] 2>/dev/null)
t_is "engines (core, ar, import, match, statement) never include a store header" "$bad" ""

bad=$(grep -ln -E '\b(float|double)\b' src/core/money.[ch] src/match/*.[ch] src/import/*.[ch] \
	src/statement/*.[ch] src/store/*.[ch] src/run/*.[ch] src/ar/*.[ch] 2>/dev/null)
t_is "no floating point in money code" "$bad" ""
t_done
