#!/bin/sh
# run-fuzz.sh: build the Zengin libFuzzer harness (tests/fuzz/fuzz_zengin.c)
# with clang, ASan and UBSan, and fuzz the parser for a bounded time from a
# seed corpus written here. Passes when libFuzzer finds no crash.
# URIKAKE_FUZZ_SECONDS overrides the time (default 20).
. "$top_srcdir/tests/lib.sh"
LC_ALL=C; export LC_ALL
S=$top_srcdir
B=${top_builddir:-.}
secs=${URIKAKE_FUZZ_SECONDS:-20}

command -v clang >/dev/null 2>&1 || t_skip_all "clang not installed"
printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }\n' >"$T/probe.c"
clang -fsanitize=fuzzer "$T/probe.c" -o "$T/probe" >/dev/null 2>&1 ||
	t_skip_all "clang has no libFuzzer runtime (Debian: libclang-rt-14-dev)"

t_ok "fuzz harness builds" clang -g -O1 -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=undefined -std=c11 -D_GNU_SOURCE \
	-I"$B" -I"$S/src" -I"$S/src/import" -o "$T/fuzz_zengin" \
	"$S/tests/fuzz/fuzz_zengin.c" "$S/src/import/zengin.c" "$S/src/date.c" \
	"$S/src/err.c" "$S/src/xalloc.c"
[ -x "$T/fuzz_zengin" ] || t_done

# Seeds: an options byte (bit 0 = format B), then a file.
rec() { printf '%-200.200s' "$1"; }
kana=$(printf '\266)\324\317\300\336\274\326\263\274\336')  # ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ
bank=$(printf '\320\302\313\336\274')                        # ﾐﾂﾋﾞｼ
hdr01="1010080331080331080331000100000000000000000000011234567"
hdr03="1030080331080331080331000100000000000000000000000000010001234567"
mkdir -p "$T/corpus"
{
	printf '\000'
	rec "$hdr01"; printf '\r\n'
	rec "20001230803310803310000109670000000000000000000000$kana"; printf '\r\n'
	rec "2000124080331080331000000500000000000000000000001$(printf '%-48s' "$kana")$(printf '%-15s' "$bank")               1INV2026-0312"; printf '\r\n'
	rec "8000001000000109670000001000000000500"; printf '\r\n'
	rec "9"; printf '\r\n'
} >"$T/corpus/transfer-a"
{
	printf '\001'
	rec "$hdr01"
	rec "200012308033108033100000000000000000000000000000000$kana"
	printf '%s' "$(rec "$(printf '%-128s' "2000124080331080331")123456789012000000000000ZEDI-KEY-0001")"
	rec "8000002000123456789012"
	rec "9"
} >"$T/corpus/transfer-b"
{
	printf '\000'
	rec "$hdr03"; printf '\n'
	rec "200000123080331080331111000000030000000000000000                               $kana"; printf '\n'
	rec "200000124080331080331214000000007000000000000000"; printf '\n'
	rec "2000001250803310803311190000000025000000000000000"; printf '\n'
	rec "80000020000000032500000001000000000700010000000005025500000003"; printf '\n'
	rec "9"
} >"$T/corpus/statement"
printf '\000' >"$T/corpus/empty"

"$T/fuzz_zengin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
	-artifact_prefix="$T/" -print_final_stats=1 "$T/corpus" >"$T/fuzz.log" 2>&1
rc=$?
t_report $rc "libFuzzer ran ${secs}s on the Zengin parser without a crash"
if [ $rc -ne 0 ]; then
	grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "$T/fuzz.log" | head -20 | sed 's/^/# /'
	for a in "$T"/crash-* "$T"/timeout-* "$T"/leak-* "$T"/oom-*; do
		[ -f "$a" ] && { echo "# input ${a##*/}:"; od -c "$a" | head -40 | sed 's/^/#   /'; }
	done
fi
grep -q 'stat::number_of_executed_units' "$T/fuzz.log"
t_report $? "libFuzzer executed inputs"
t_done
