/* company_src: our details from the settings file or the database (see
 * company_src.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "company_src.h"
#include "i18n.h"
#include "store.h"
#include "store_statement.h"

enum ur_status
company_src_load(struct store *st, const char *file, struct company *co, bool *found,
		 struct ur_err *err)
{
	char *text = NULL;
	enum ur_status rc;

	memset(co, 0, sizeof *co);
	*found = false;
	/* with several client companies the one settings file would sign every
	 * company's letters: each has its own in the database */
	if (file && !(st && store_company_several(st)) &&
	    (rc = company_load(file, co, found, err)) != UR_OK)
		return rc;
	if (*found || !st)
		return UR_OK;
	if (store_company_settings(st, &text, err) != UR_OK)
		return err->status;
	if (!text)
		return UR_OK;
	/* TRANSLATORS: the name of the settings in messages about their lines */
	rc = company_parse(text, _("the database's company settings"), co, err);
	*found = rc == UR_OK;
	free(text);
	return rc;
}
