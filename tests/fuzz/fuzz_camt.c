/* fuzz_camt: libFuzzer harness for the camt.053/054 reader (built and run
 * by tests/fuzz/run-fuzz-csv.sh). */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "camt.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Touch every string, so that the sanitizers see a bad pointer. */
static enum ur_status
fuzz_deposit(const struct bank_deposit *d, void *ctx, struct ur_err *err)
{
	const char *s[] = { d->account_bank, d->account_branch, d->account_number, d->currency,
			    d->payer_name, d->payer_code, d->remit_bank, d->remit_branch,
			    d->edi, d->reference };
	size_t *total = ctx;

	(void)err;
	for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
		*total += s[i] ? strlen(s[i]) : 0;
	if (d->amount <= 0 || d->record_no == 0 || !d->reference || !d->currency)
		__builtin_trap();
	return UR_OK;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ur_err err;
	size_t total = 0;

	camt_sniff((const char *)data, size);
	camt_parse((const char *)data, size, fuzz_deposit, &total, &err);
	return 0;
}
