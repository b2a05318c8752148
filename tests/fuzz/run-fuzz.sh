#!/bin/sh
# run-fuzz.sh: build the Zengin libFuzzer harness (tests/fuzz/fuzz_zengin.c)
# with clang, ASan and UBSan, and fuzz the parser for a bounded time from a
# seed corpus written here, a file of 5,000 records among them. Passes when
# libFuzzer finds no crash and no input takes longer than its budget.
# URIKAKE_FUZZ_SECONDS overrides the time (default 20),
# URIKAKE_FUZZ_MAX_LEN the largest input (1 MiB), URIKAKE_FUZZ_BUDGET the
# seconds one input may take (5).
fuzz_secs=20
. "$top_srcdir/tests/fuzz/lib-fuzz.sh"

t_ok "fuzz harness builds" clang -g -O1 -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=undefined -std=c11 -D_GNU_SOURCE \
	-I"$B" -I"$S/src/core" -I"$S/src/import" -o "$T/fuzz_zengin" \
	"$S/tests/fuzz/fuzz_zengin.c" "$S/tests/fuzz/fuzz_deposit.c" "$S/src/import/zengin.c" \
	"$S/src/import/zengin_rec.c" "$S/src/core/date.c" "$S/src/core/textnorm.c" "$S/src/core/err.c" "$S/src/core/xalloc.c"
[ -x "$T/fuzz_zengin" ] || { t_done; exit; } # no harness: nothing more to run

# Seeds: an options byte (bit 0 = format B), then a file.
n() { printf "%0${1}d" "$2"; }     # N field: width, value
c() { printf "%-${1}.${1}s" "$2"; } # C field: width, bytes
rec() { c 200 "$1"; }
kana=$(printf '\266)\324\317\300\336\274\326\263\274\336') # ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ
bank=$(printf '\320\302\313\336\274')                       # ﾐﾂﾋﾞｼ
hdr() { rec "1${1}0080331080331080331$(n 4 1)$(c 15 "$bank")$(n 3 1)$(c 15 "$bank")$2"; }
tx() { # ref amount 金額(2) cancel tail
	printf '2%s080331080331%s%s%s%s%s%s%s' "$(n 6 "$1")" "$(n 10 "$2")" "$(n 10 0)" \
		"$(n 10 0)" "$(c 48 "$kana")" "$(c 15 "$bank")" "$(c 15 '')" "$3"
}
mkdir -p "$T/corpus"
{
	printf '\000'
	hdr 01 "1$(n 7 1234567)"; printf '\r\n'
	rec "$(tx 123 109670 ' ')"; printf '\r\n'
	rec "$(tx 124 5000 1)INV2026-0312"; printf '\r\n'
	rec "8$(n 6 1)$(n 12 109670)$(n 6 1)$(n 12 5000)"; printf '\r\n'
	rec 9; printf '\r\n'
} >"$T/corpus/transfer-a"
{
	printf '\001'
	hdr 01 "1$(n 7 1234567)"
	rec "$(tx 125 0 0)$(n 12 123456789012)$(n 12 0)ZEDI-KEY-0001"
	rec "8$(n 6 1)$(n 12 123456789012)"
	rec 9
} >"$T/corpus/transfer-b"
st() { # ref in/out type amount
	printf '2%s080331080331%s%s%s%s%s0%s%s%s' "$(n 8 "$1")" "$2" "$3" "$(n 12 "$4")" \
		"$(n 12 0)" "$(c 12 '')" "$(n 7 0)" "$(n 3 0)" "$(n 10 0)" >"$T/st"
	rec "$(cat "$T/st")$(c 48 "$kana")$(c 15 "$bank")$(c 15 '')$(c 20 FURIKOMI)INV-7"
}
{
	printf '\000'
	hdr 03 "0001$(n 10 1234567)"; printf '\n'
	st 123 1 11 30000; printf '\n'
	st 124 2 14 7000; printf '\n'
	st 125 1 19 2500; printf '\n'
	rec "8$(n 6 2)$(n 13 32500)$(n 6 1)$(n 13 7000)1$(n 14 5025500)$(n 7 3)"; printf '\n'
	rec 9
} >"$T/corpus/statement"
printf '\000' >"$T/corpus/empty"
# A large file: libFuzzer's inputs otherwise stay below 4 KB.
if "$URIKAKE" demo bank-file "$T/big.zengin" --records 5000 >/dev/null 2>&1; then
	{ printf '\000'; cat "$T/big.zengin"; } >"$T/corpus/large"
fi

"$T/fuzz_zengin" -max_total_time="$secs" -max_len="$max_len" -timeout="$budget" \
	-rss_limit_mb=2048 -artifact_prefix="$T/" -print_final_stats=1 "$T/corpus" \
	>"$T/fuzz.log" 2>&1
rc=$?
t_report $rc "libFuzzer ran ${secs}s on the Zengin parser without a crash or an input over ${budget}s"
if [ $rc -ne 0 ]; then
	grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "$T/fuzz.log" |
		head -20 | sed 's/^/# /'
	for a in "$T"/crash-* "$T"/timeout-* "$T"/leak-* "$T"/oom-*; do
		[ -f "$a" ] || continue
		echo "# input ${a##*/}:"
		od -c "$a" | head -40 | sed 's/^/#   /'
	done
fi
grep -q 'stat::number_of_executed_units' "$T/fuzz.log"
t_report $? "libFuzzer executed inputs"
t_done
