#!/bin/sh
# check-sql-neutral.sh: the store's SQL is one text for SQLite and
# PostgreSQL (doc/store-dialects.md, step 2). The column user must be
# quoted: PostgreSQL reads a bare user as current_user, which in a SELECT
# or WHERE is no error but the login's name instead of the column's value.
# A function only SQLite has goes through a macro of store_dialect_priv.h,
# the one file that may spell it; so does SQLite's conflict clause
# (UPDATE OR ABORT: PostgreSQL has none, a syntax error there).
. "${top_srcdir:-.}/tests/lib.sh"
cd "$top_srcdir" || exit 1

bad=$(perl tests/sql-neutral.pl $(ls src/store/*.[ch] | grep -v '/store_dialect_priv\.h$') 2>&1)
t_is "the store's SQL quotes \"user\" and spells SQLite-only functions through macros" "$bad" ""

# The checker itself: it must see a bare user in SQL and nothing in prose.
cat >"$T/sql.c" <<'C'
static const char a[] = "SELECT a.id, a.user FROM audit a";
static const char b[] = "INSERT INTO contact (at, user, note)"
	" VALUES (?1, ?2, ?3)";
static const char c[] = " AND (?3 IS NULL OR user = ?3)";
static const char d[] = "SELECT ifnull(x, 0), max(a.id) FROM t";
static const char e[] = " AND day <= min(coalesce(p, ''), ?2)";
static const char f[] = "UPDATE t SET at = strftime('%Y', 'now')";
static const char g[] = "UPDATE OR ABORT t SET x = 1";
C
cat >"$T/prose.c" <<'C'
/* the user who booked it; SELECT user FROM audit */
static const char q[] = "SELECT a.\"user\", os_user FROM audit a WHERE \"user\" = ?1";
static const char v[] = "PRAGMA user_version";
static const char w[] = "SELECT coalesce(max(id), 0), min(coalesce(a, b)) FROM t" SQL_NOW;
static void f(void) {
	g(_("deposit %s changed meanwhile: another user "
	    "changed it first"), ngettext("one user", "%d user", n));
}
static const struct mig { const char *sql; } migrations[] = {
	{ "CREATE TABLE t (id INTEGER, user TEXT NOT NULL)" },
};
C
perl tests/sql-neutral.pl "$T/sql.c" >"$T/found"
t_is "a bare user, ifnull, scalar min, strftime and OR ABORT are found, each on its line" \
	"$(cut -d: -f2,3 "$T/found" | tr '\n' ' ')" \
	"1: user unquoted 2: user unquoted 4: user unquoted 5: SQLite-only function 6: scalar min/max \
7: SQLite-only function 8: SQLite-only conflict clause "
t_ok "comments, messages, quoted \"user\", os_user, aggregates and migrations[] pass" \
	perl tests/sql-neutral.pl "$T/prose.c"
t_done
