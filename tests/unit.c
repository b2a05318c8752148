/* unit: runs every TAP_SUITE linked into this binary (see tap.h). */
#include "config.h"

#include <locale.h>

#include "tap.h"

int
main(int argc, char **argv)
{
	setlocale(LC_ALL, "C.UTF-8");
	return tap_main(argc, argv);
}
