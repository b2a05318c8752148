#!/bin/sh
# aging-pane.sh [--size small|large] [DB]: the aged-receivables pane benchmark
# (issue 6: with 1,000,000 invoices the pane opens within 300 ms and
# re-buckets for a new as-of date within 1 s). Makes a demo database of the
# size (default large: 1,000,000 invoices) unless DB is given, then runs
# tests/bench/aging-pane on it, which prints each figure beside its target
# and beside the plain `urikake aging` query (store_aging) as the floor.
# A measurement, never a pass/fail test.
set -e
: "${top_builddir:=.}"
: "${URIKAKE:=$top_builddir/urikake}"
PANE=${PANE:-$top_builddir/tests/bench/aging-pane}
size=large
if [ "${1:-}" = --size ]; then size=$2; shift 2; fi
if [ -n "${1:-}" ]; then
	db=$1
else
	W=$(mktemp -d "${TMPDIR:-/tmp}/urikake-pane.XXXXXX")
	trap 'rm -rf "$W"' EXIT
	db=$W/pane.db
	URIKAKE_USER=bench "$URIKAKE" --db "$db" demo --size "$size" >/dev/null
fi
echo "aging pane database: $(sqlite3 "$db" 'SELECT count(*) FROM invoice') invoices," \
	"$(sqlite3 "$db" 'SELECT count(*) FROM invoice WHERE amount <> paid') open"
"$PANE" "$db" ${URIKAKE_TODAY:+"$URIKAKE_TODAY"}
