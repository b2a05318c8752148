# lib-fuzz.sh: what the fuzz runs share, sourced after setting
# fuzz_secs (the default time): the settings — URIKAKE_FUZZ_SECONDS,
# URIKAKE_FUZZ_MAX_LEN (default 1 MiB), URIKAKE_FUZZ_BUDGET (seconds one
# input may take, default 5) — and the check that clang has libFuzzer,
# else the test is skipped and says why.
. "$top_srcdir/tests/lib.sh"
LC_ALL=C; export LC_ALL
S=$top_srcdir
B=${top_builddir:-.}
secs=${URIKAKE_FUZZ_SECONDS:-$fuzz_secs}
max_len=${URIKAKE_FUZZ_MAX_LEN:-1048576}
budget=${URIKAKE_FUZZ_BUDGET:-5}

command -v clang >/dev/null 2>&1 || t_skip_all "clang not installed"
printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }\n' >"$T/probe.c"
clang -fsanitize=fuzzer "$T/probe.c" -o "$T/probe" >/dev/null 2>&1 ||
	t_skip_all "clang has no libFuzzer runtime (Debian: libclang-rt-14-dev)"
