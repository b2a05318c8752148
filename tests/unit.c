/* unit: runs every TAP_SUITE linked into this binary (see tap.h). */
/* Copyright (C) 2026 the urikake authors. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "tap.h"

int
main(int argc, char **argv)
{
	setlocale(LC_ALL, "C.UTF-8");
	return tap_main(argc, argv);
}
