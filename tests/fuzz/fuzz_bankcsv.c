/* fuzz_bankcsv: libFuzzer harness for the bank CSV profile parser and the
 * profile sniffer (built and run by tests/fuzz/run-fuzz-csv.sh). The first
 * byte picks the shipped profile; the rest is the file. */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "bankcsv.h"
#include "fuzz_deposit.h"
#include "profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct profile_set fuzz_profiles;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ur_err err;
	struct fuzz_sink sink = { 0, true };
	const char *name;

	if (!fuzz_profiles.n && profile_load_builtin(&fuzz_profiles, &err) != UR_OK)
		__builtin_trap();
	if (size < 1)
		return 0;
	name = bankcsv_sniff((const char *)data + 1, size - 1, &fuzz_profiles);
	if (name && !profile_find(&fuzz_profiles, name))
		__builtin_trap();
	bankcsv_parse((const char *)data + 1, size - 1,
		      &fuzz_profiles.v[data[0] % fuzz_profiles.n], fuzz_deposit, &sink, &err);
	return 0;
}
