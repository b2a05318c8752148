#!/bin/sh
# check-po.sh: every catalogue is complete (no untranslated or fuzzy entry,
# msgfmt --check clean) and POTFILES.in lists every file that uses _( or N_(.
. "${top_srcdir:-.}/tests/lib.sh"
cd "$top_srcdir" || exit 1
command -v msgfmt >/dev/null || t_skip_all "msgfmt not installed"

for f in $(grep -l -E '\b(N?_|ngettext_)\(' src/*.c src/*/*.c cli/*.c ui/*.c 2>/dev/null); do
	grep -qx "$f" po/POTFILES.in; t_report $? "po/POTFILES.in lists $f"
done
for lang in $(cat po/LINGUAS); do
	po=po/$lang.po
	msgfmt --check -o /dev/null "$po" 2>"$T/.err"; t_report $? "$po passes msgfmt --check"
	stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$po" 2>&1)
	case $stats in
	*untranslated* | *fuzzy*) t_report 1 "$po is complete"; echo "# $stats" ;;
	*) t_report 0 "$po is complete" ;;
	esac
	if [ -f "${top_builddir:-.}/po/urikake.pot" ] || [ -f po/urikake.pot ]; then
		pot=po/urikake.pot; [ -f "$pot" ] || pot=${top_builddir}/po/urikake.pot
		missing=$(msgcmp "$po" "$pot" 2>&1 | grep -c 'this message is used but not defined')
		t_is "$po has every message of urikake.pot" "$missing" 0
	fi
done
t_done
