#!/bin/sh
# check-license.sh: the licence travels with the code (issue 15): LICENSE
# holds the GPL version 3, the README and every C source's header comment
# carry the copyright line, and --version says it.
. "${top_srcdir:-.}/tests/lib.sh"
cd "$top_srcdir" || exit 1
line='Copyright (C) 2026 the urikake authors'

t_grep "LICENSE is the GNU GPL version 3" 'GNU GENERAL PUBLIC LICENSE' LICENSE
t_grep "… version 3" 'Version 3, 29 June 2007' LICENSE
t_grep "the README has the copyright line" "$line" README
t_grep "the README names the licence" 'either version 3' README
bad=$(for f in src/*.[ch] src/*/*.[ch] cli/*.[ch] ui/*.[ch] tests/*.[ch] tests/*/*.[ch]; do
	[ -f "$f" ] || continue
	head -1 "$f" | grep -q 'generated from' && continue
	head -40 "$f" | grep -q "$line.*SPDX-License-Identifier: GPL-3.0-or-later" || echo "$f"
done)
t_is "every C source's header carries the copyright line" "$bad" ""
"$URIKAKE" --version >"$T/v" 2>&1
t_grep "--version says the copyright" "$line" "$T/v"
t_grep "--version names the licence" 'GPLv3+' "$T/v"
t_done
