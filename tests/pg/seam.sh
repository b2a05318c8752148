#!/bin/sh
# seam.sh: the store's database seam contract (tests/test_store_db.c, the
# checks every backend must pass) on a throwaway PostgreSQL server: the
# unit suite store_db_pg with URIKAKE_TEST_PG set. Without a server the
# test SKIPs (and tests/unit reports each of those checks as a SKIP).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/pg/lib-pg.sh"
psql -X -q -d postgres -c "CREATE DATABASE seam ENCODING 'UTF8' LOCALE 'C' TEMPLATE template0" \
	>"$T/.out" 2>&1 || t_skip_all "cannot create a database: $(head -1 "$T/.out")"
URIKAKE_TEST_PG=$(pg_url seam) "$top_builddir/tests/unit" store_db_pg
