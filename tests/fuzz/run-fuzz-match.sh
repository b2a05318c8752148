#!/bin/sh
# run-fuzz-match.sh: build the matching engine's libFuzzer harness
# (tests/fuzz/fuzz_match.c) with clang, ASan and UBSan, and fuzz the
# payer-name look-ups for a bounded time from seeds written here, a payer
# name of 180 KB among them. Passes when libFuzzer finds no crash and no
# input takes longer than its budget (a name whose every prefix and suffix
# was looked up took minutes). URIKAKE_FUZZ_SECONDS overrides the time
# (default 10), URIKAKE_FUZZ_MAX_LEN the largest input (1 MiB),
# URIKAKE_FUZZ_BUDGET the seconds one input may take (5).
fuzz_secs=10
. "$top_srcdir/tests/fuzz/lib-fuzz.sh"

m="$S/src/match"
t_ok "match fuzz harness builds" clang -g -O1 -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=undefined -std=c11 -D_GNU_SOURCE \
	-I"$B" -I"$S/src/core" -I"$m" -o "$T/fuzz_match" "$S/tests/fuzz/fuzz_match.c" "$m"/*.c \
	"$S/src/core/kana.c" "$S/src/core/text.c" "$S/src/core/text_width.c" "$S/src/core/money.c" \
	"$S/src/core/date.c" "$S/src/core/textnorm.c" "$S/src/core/strbuf.c" "$S/src/core/xalloc.c" "$S/src/core/err.c"
[ -x "$T/fuzz_match" ] || { t_done; exit; } # no harness: nothing more to run

# Seeds: a payer name, then (after a NUL byte) the EDI text.
mkdir -p "$T/corpus"
printf 'ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ' >"$T/corpus/exact"
printf 'ﾄｳｷﾖｳｴﾝｼﾞﾆｱﾘﾝｸﾞ ｵｵｻｶｼﾃﾝ' >"$T/corpus/branch"
printf 'ﾔﾏﾀﾞ ﾀﾛｳ\000INV C1 C2-10' >"$T/corpus/alias-edi"
printf '上海恒通贸易有限公司' >"$T/corpus/chinese"
kana=$(yes 'ｱｲｳｴｵｶｷｸｹｺ' | head -n 6000 | tr -d '\n')
printf 'ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ%sｽｽﾞｷｺｳｷﾞﾖｳ' "$kana" >"$T/corpus/large"

"$T/fuzz_match" -max_total_time="$secs" -max_len="$max_len" -timeout="$budget" \
	-rss_limit_mb=2048 -artifact_prefix="$T/" -print_final_stats=1 "$T/corpus" \
	>"$T/fuzz.log" 2>&1
rc=$?
t_report $rc "libFuzzer ran ${secs}s on the matcher without a crash or an input over ${budget}s"
if [ $rc -ne 0 ]; then
	grep -E 'ERROR|SUMMARY|runtime error|Test unit written|timeout' "$T/fuzz.log" |
		head -20 | sed 's/^/# /'
fi
grep -q 'stat::number_of_executed_units' "$T/fuzz.log"
t_report $? "libFuzzer executed inputs"
t_done
