#!/bin/sh
# usage.sh: global options, usage errors, init (idempotent, 0600, default
# path), backup, and --lang.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1

t_exit "no command is a usage error" 2 "$URIKAKE"
t_grep "no command prints the usage" "Usage: urikake" "$T/.err"
t_exit "unknown command" 2 "$URIKAKE" --db x.db frobnicate
t_grep "unknown command is named" "^urikake: unknown command 'frobnicate'" "$T/.err"
t_exit "a missing database is not created" 1 "$URIKAKE" --db nosuch.db aging
t_grep "a missing database: says how to make one" "no database at nosuch.db (urikake init" "$T/.err"
t_ok "... and nothing was created" test ! -e nosuch.db
t_ok "a subcommand's --help prints the usage" "$URIKAKE" match --help
t_grep "... to stdout" "^Usage:" "$T/.out"
t_exit "init --group with an unknown group" 2 "$URIKAKE" --db g.db init --group nosuchgroup-x
t_ok "... creates no database" test ! -e g.db
t_exit "unknown global option" 2 "$URIKAKE" --bogus init
t_grep "unknown global option is named" "unknown option '--bogus'" "$T/.err"
t_exit "--db without a value" 2 "$URIKAKE" --db
t_exit "unknown command option" 2 "$URIKAKE" --db x.db aging --bogus
t_exit "stray argument" 2 "$URIKAKE" --db x.db init extra
t_exit "bad --lang" 2 "$URIKAKE" --lang fr init
t_exit "bad export kind" 2 "$URIKAKE" --db x.db export nothing
t_exit "bad export format" 2 "$URIKAKE" --db x.db export invoices --format xml
t_exit "bad aging format" 2 "$URIKAKE" --db x.db aging --format pdf
t_exit "bad aging buckets" 2 "$URIKAKE" --db x.db aging --buckets 60,30
t_exit "bad aging date" 2 "$URIKAKE" --db x.db aging --as-of 2026-02-30
t_exit "import without a file" 2 "$URIKAKE" --db x.db import customers
t_exit "bad demo size" 2 "$URIKAKE" --db x.db demo --size huge
t_ok "--help" "$URIKAKE" --help
t_grep "--help lists the commands" "import customers|invoices" "$T/.out"
t_ok "--version" "$URIKAKE" --version
t_grep "--version names the program" "^urikake [0-9]" "$T/.out"
t_is "usage errors created no database" "$(ls x.db 2>/dev/null)" ""

t_ok "init" "$URIKAKE" --db a.db init
if t_on_pg; then
	t_skip "database is 0600" "a SQLite file's mode; the server keeps its own files"
else
	t_is "database is 0600" "$(stat -c %a a.db)" "600"
fi
cp a.db a.copy
t_ok "init again" "$URIKAKE" --db a.db init
t_is "init is idempotent" "$(t_dump a.db | sha256sum)" "$(t_dump a.copy | sha256sum)"
t_ok "init with --db=PATH" "$URIKAKE" --db=b.db init
t_is "--db=PATH form" "$(ls b.db)" "b.db"
t_ok "init through URIKAKE_DB" env URIKAKE_DB="$T/env.db" "$URIKAKE" init
t_is "URIKAKE_DB is used" "$(ls env.db)" "env.db"
t_ok "init at the XDG default" env XDG_DATA_HOME="$T/xdg" "$URIKAKE" init
t_is "default database under XDG_DATA_HOME" "$(stat -c %a xdg/urikake/urikake.db)" "600"
t_is "default directory is 0700" "$(stat -c %a xdg/urikake)" "700"
(unset XDG_DATA_HOME; HOME=$T/home; export HOME; "$URIKAKE" init >/dev/null 2>&1)
t_is "default database under HOME" "$(ls home/.local/share/urikake)" "urikake.db"

printf 'code,name\nC1,Alpha\n' >c.csv
"$URIKAKE" --db a.db import customers c.csv >/dev/null 2>&1
t_ok "backup" "$URIKAKE" --db a.db backup copy.db
if t_on_pg; then # pg_dump's archive, for pg_restore (tests/pg/backup.sh restores one)
	t_is "backup is pg_dump's archive" "$(head -c 5 copy.db)" PGDMP
else
	t_is "backup has the data" "$("$URIKAKE" --db copy.db export customers)" \
		"$("$URIKAKE" --db a.db export customers)"
fi
t_exit "backup refuses to overwrite" 3 "$URIKAKE" --db a.db backup copy.db
t_exit "backup needs a path" 2 "$URIKAKE" --db a.db backup

# --lang ja: a Japanese message once po/ja.po translates it.
msg="unknown command '%s'"
if command -v msgfmt >/dev/null &&
	msgfmt -o "$T/ja.mo" "$top_srcdir/po/ja.po" 2>/dev/null &&
	grep -A1 -x "msgid \"$msg\"" "$top_srcdir/po/ja.po" | grep -q '^msgstr "[^"]'; then
	mkdir -p "$T/locale/ja/LC_MESSAGES"
	mv "$T/ja.mo" "$T/locale/ja/LC_MESSAGES/urikake.mo"
	t_exit "--lang ja usage error" 2 env URIKAKE_LOCALEDIR="$T/locale" "$URIKAKE" --lang ja frob
	want=$(grep -A1 -x "msgid \"$msg\"" "$top_srcdir/po/ja.po" | sed -n 's/^msgstr "\(.*\)"$/\1/p' |
		sed "s/%s/frob/")
	t_is "--lang ja translates" "$(head -1 "$T/.err")" "urikake: $want"
else
	t_report 0 "--lang ja translates # SKIP po/ja.po has no translation yet"
fi
# A locale the machine has not generated (a modifier no machine has):
# still the Japanese catalogue, text as C.UTF-8, and how to generate it.
t_exit "a locale not generated: still runs" 1 env LANG=ja_JP.UTF-8@x LC_ALL= \
	LANGUAGE= "$URIKAKE" --db nosuch.db aging
t_grep "... says how to generate it" "sudo locale-gen ja_JP.UTF-8@x" "$T/.err"
t_grep "... and speaks Japanese all the same" "データベースがありません" "$T/.err"
t_exit "... in Chinese too" 1 env LANG=zh_CN.UTF-8@x LC_ALL= LANGUAGE= \
	"$URIKAKE" --db nosuch.db aging
t_grep "... 没有数据库" "没有数据库" "$T/.err"
t_exit "a generated locale: no such word" 1 env LANG=C.UTF-8 "$URIKAKE" --db nosuch.db aging
t_is "... one line, the error" "$(wc -l <"$T/.err")" "1"
# A database on a network file system (faked: statfs's type for NFS, SMB):
# refused before anything is made or read; --force-network-fs for those who know.
if t_on_pg; then
	t_skip "a database on a network file system (11 checks)" "a SQLite file's file system"
else
	t_exit "on NFS: init refused" 1 env URIKAKE_TEST_FS_MAGIC=6969 "$URIKAKE" --db nfs.db init
	t_grep "... saying why and what to do" "nfs.db is on a network file system (nfs).*over SSH.*--force-network-fs" "$T/.err"
	t_ok "... and nothing was made" test ! -e nfs.db
	t_ok "--force-network-fs opens it all the same" env URIKAKE_TEST_FS_MAGIC=6969 \
		"$URIKAKE" --force-network-fs --db nfs.db init
	sum=$(cksum <nfs.db)
	t_exit "an existing database on a Windows share: refused" 1 env URIKAKE_TEST_FS_MAGIC=fe534d42 \
		"$URIKAKE" --db nfs.db match --auto
	t_grep "... naming the file system" "network file system (smb2)" "$T/.err"
	t_is "... the database as it was" "$(cksum <nfs.db)" "$sum"
	t_exit "... in Japanese" 1 env URIKAKE_TEST_FS_MAGIC=6969 "$URIKAKE" --lang ja --db nfs.db match --auto
	t_grep "... translated" "ネットワーク" "$T/.err"
	t_ok "reading only (a report from a read-only share) cannot corrupt it: opened" \
		env URIKAKE_TEST_FS_MAGIC=6969 "$URIKAKE" --db nfs.db aging
	t_ok "a local file system (ext4): opened" env URIKAKE_TEST_FS_MAGIC=ef53 "$URIKAKE" --db nfs.db match --auto
fi
t_done
