#!/bin/sh
# embed.sh NAME FILE: print C source defining `const char NAME[]` (the file's
# bytes, NUL-terminated) and `const unsigned long NAME_len`, so data files
# such as the schema are compiled into the binary and work uninstalled.
set -e
name=$1 file=$2
printf '/* generated from %s by build-aux/embed.sh: do not edit */\n' "$(basename "$file")"
printf 'const char %s[] = {\n' "$name"
od -An -v -tx1 "$file" | sed -e 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g' -e 's/^/\t/'
printf '\t0x00\n};\n'
printf 'const unsigned long %s_len = sizeof %s - 1;\n' "$name" "$name"
