/* fuzz_camt: libFuzzer harness for the camt.053/054 reader (built and run
 * by tests/fuzz/run-fuzz-csv.sh). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "camt.h"
#include "fuzz_deposit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ur_err err;
	struct fuzz_sink sink = { 0, true };

	camt_sniff((const char *)data, size);
	camt_parse((const char *)data, size, fuzz_deposit, &sink, &err);
	return 0;
}
