#!/bin/sh
# quality.sh: the match-quality benchmark at a small size, as a test of
# the invariant that matters most — no deposit is ever auto-matched to the
# wrong customer or invoice — with the percentages printed as diagnostics.
: "${top_builddir:=.}"
bin="$top_builddir/tests/bench/match-quality"
[ -x "$bin" ] || { echo "1..0 # SKIP match-quality not built"; exit 0; }
exec "$bin" --customers 120 --seed 7 --tap
