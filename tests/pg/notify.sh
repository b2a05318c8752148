#!/bin/sh
# notify.sh: following other clerks' commits on PostgreSQL (the unit suite
# store_notify_pg, tests/test_store_notify.c, with URIKAKE_TEST_PG set) on
# a throwaway server: the schema's triggers notify at commit, a listening
# connection counts other sessions' notifications off its socket with no
# round trip, a rollback notifies nothing. Without a server the test SKIPs
# (and tests/unit reports each of those checks as a SKIP).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/pg/lib-pg.sh"
psql -X -q -v ON_ERROR_STOP=1 -d postgres \
	-c "CREATE ROLE urikake_owner LOGIN; CREATE ROLE urikake_clerk NOLOGIN" \
	-c "CREATE DATABASE notify OWNER urikake_owner ENCODING 'UTF8' LOCALE 'C' TEMPLATE template0" \
	>"$T/.out" 2>&1 || t_skip_all "cannot create the roles and a database: $(head -1 "$T/.out")"
URIKAKE_TEST_PG=$(pg_url notify) "$top_builddir/tests/unit" store_notify_pg
