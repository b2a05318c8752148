#!/bin/sh
# gen-pinyin.sh [FILE]: print data/pinyin.txt — the Han characters in the
# pinyin order of the GNU C Library's zh_CN collation (FILE, by default
# /usr/share/i18n/locales/iso14651_t1_pinyin from Debian's `locales`), so
# Chinese names sort by pinyin without a generated zh_CN locale. Each entry
# of that file names its character in a comment (`<U963F> … #阿23237`).
set -e
src=${1:-/usr/share/i18n/locales/iso14651_t1_pinyin}
printf '# Han characters in pinyin order (one or more per line), from the GNU C\n'
printf "# Library's %s by build-aux/gen-pinyin.sh: do not edit.\n" "$(basename "$src")"
sed -n 's/^<U[0-9A-F]*> <U[0-9A-F]*>;IGNORE;IGNORE;IGNORE[[:space:]]*#\(.*[^0-9]\)[0-9]*$/\1/p' "$src" |
	paste -d '' - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -
