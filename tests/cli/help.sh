#!/bin/sh
# help.sh: every command has its own --help (issue 14) — exit 0, its own
# synopsis and options, in the reader's language — and the manual page
# doc/urikake.1 renders without warnings and names every one of them.
. "$top_srcdir/tests/lib.sh"
cd "$T" || exit 1
# the catalogues, compiled here: a build outside ./quickstart has no .locale
for lang in ja zh_CN; do
	mkdir -p "$T/locale/$lang/LC_MESSAGES" &&
		msgfmt -o "$T/locale/$lang/LC_MESSAGES/urikake.mo" "$top_srcdir/po/$lang.po"
done
export URIKAKE_LOCALEDIR="$T/locale"
man1=$top_srcdir/doc/urikake.1

# command: options it accepts (as its parser spells them)
while read -r cmd opts; do
	t_ok "$cmd --help exits 0" "$URIKAKE" "$cmd" --help
	cp "$T/.out" "$T/$cmd.help"
	t_grep "$cmd --help shows its own synopsis" "^  urikake \[OPTIONS\] $cmd" "$T/$cmd.help"
	other=$(grep -c '^  urikake \[OPTIONS\]' "$T/$cmd.help" | tr -d ' ')
	mine=$(grep -c "^  urikake \[OPTIONS\] $cmd\b" "$T/$cmd.help" | tr -d ' ')
	t_is "$cmd --help shows no other command" "$other" "$mine"
	for o in $opts; do
		grep -q -e "^  $o\b" -e "^  -o, $o\b" "$T/$cmd.help"
		t_report $? "$cmd --help names $o"
		grep -q -e "$(printf '%s' "$o" | sed 's/-/\\\\-/g')" "$man1"
		t_report $? "urikake.1 names $cmd $o"
	done
	grep -q "^\.SS \"$cmd\b" "$man1"; t_report $? "urikake.1 has a section for $cmd"
done <<'LIST'
init --group
backup
company
demo --size --csv --records
import --encoding --format
export --format
aging --as-of --format --buckets
match --auto --dry-run --json --threshold --margin --tolerance --deposit --invoice --fee --allow-large-fee --on-account --customer
contact --channel --note --promise --next --owner --direction --outcome --date --level --rep --email --dry-run --company
statement --all-open --from --to --format --lang --output --print --email --dry-run --company --force
dunning --all-overdue --level --date --format --lang --output --print --email --company --templates --dry-run --force
confirm --all --as-of --document --format --lang --output --print --email --company --templates --dry-run --force --agreed --balance --reason --date --invoice --unreceived --credit-note --other --note --close --state
notice --deposit --action --by --format --lang --output --print --email --dry-run --company --templates --force
refund --customer --deposit --amount --date --to --reason
LIST

t_ok "a subcommand's --help is its command's" "$URIKAKE" match confirm --help
t_grep "... match confirm --help names --invoice" "^  --invoice" "$T/.out"
t_ok "statement --help in Japanese" "$URIKAKE" --lang ja statement --help
t_grep "... the description translated" "^得意先の合計請求書" "$T/.out"
t_grep "... the options translated" "^  --all-open *未回収" "$T/.out"
t_ok "dunning --help in Chinese" "$URIKAKE" --lang zh_CN dunning --help
t_grep "... translated" "^  --all-overdue *所有" "$T/.out"
t_ok "--help points to the command's help" "$URIKAKE" --help
t_grep "... says COMMAND --help" "urikake COMMAND --help" "$T/.out"

if command -v groff >/dev/null; then
	LC_ALL=C.UTF-8 groff -man -ww -z "$man1" >"$T/groff" 2>&1
	t_report $? "urikake.1 renders"
	t_is "urikake.1 renders without warnings" "$(cat "$T/groff")" ""
else
	t_report 0 "urikake.1 renders # SKIP groff not installed"
fi
t_done
