/* fuzz_bankcsv: libFuzzer harness for the bank CSV profile parser and the
 * profile sniffer (built and run by tests/fuzz/run-fuzz-csv.sh). The first
 * byte picks the shipped profile; the rest is the file. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "bankcsv.h"
#include "profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct profile_set fuzz_profiles;

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
	const char *name;

	if (!fuzz_profiles.n && profile_load_builtin(&fuzz_profiles, &err) != UR_OK)
		__builtin_trap();
	if (size < 1)
		return 0;
	name = bankcsv_sniff((const char *)data + 1, size - 1, &fuzz_profiles);
	if (name && !profile_find(&fuzz_profiles, name))
		__builtin_trap();
	bankcsv_parse((const char *)data + 1, size - 1,
		      &fuzz_profiles.v[data[0] % fuzz_profiles.n], fuzz_deposit, &total, &err);
	return 0;
}
