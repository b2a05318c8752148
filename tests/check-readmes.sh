#!/bin/sh
# check-readmes.sh: any behaviour is found in one hop (issue 15) — the file
# table of each folder's README (src/*/, cli/, ui/) names every .c and .h
# file in the folder, and only files that are there (a header counts as
# named when its .c is: X.h is X.c's; generated files are left out); the
# README's developer tree shows the folders of src/.
. "${top_srcdir:-.}/tests/lib.sh"
cd "$top_srcdir" || exit 1

# The names in the first column of dir's README table, one a line.
table_names() {
	sed -n 's/^| *\([^|]*[a-z0-9_]\.[ch]\) *|.*/\1/p' "$1/README" | tr -d '`' |
		tr ',' '\n' | sed 's/^ *//; s/ *$//' | grep -v '^$'
}

for dir in src/*/ cli/ ui/; do
	dir=${dir%/}
	if [ ! -f "$dir/README" ]; then
		t_report 1 "$dir has a README"
		continue
	fi
	table_names "$dir" >"$T/names"
	missing=$(for f in "$dir"/*.[ch]; do
		[ -f "$f" ] || continue
		head -1 "$f" | grep -q 'generated from' && continue
		name=${f##*/}
		grep -qxF "$name" "$T/names" && continue
		case $name in
		*.h) grep -qxF "${name%.h}.c" "$T/names" && continue ;;
		esac
		echo "$name"
	done | tr '\n' ' ')
	t_is "$dir/README's table names every file in $dir" "$missing" ""
	stale=$(while read -r name; do
		[ -f "$dir/$name" ] || echo "$name"
	done <"$T/names" | tr '\n' ' ')
	t_is "… and no file that is not there" "$stale" ""
done
# The README's "For developers" tree: every folder of src/, and no other.
tree=$(sed -n 's|^    \(src/[a-z_]*/\) .*|\1|p' README | sort | tr '\n' ' ')
t_is "the README's developer tree shows exactly the folders of src/" "$tree" \
	"$(ls -d src/*/ | sort | tr '\n' ' ')"
t_done
