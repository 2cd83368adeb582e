#!/bin/sh
# embed.sh FILE: print a C file defining FILE's bytes as a NUL-terminated
# array, named sp_data_<name> with every non-alphanumeric byte of the file
# name turned into '_' (data/boilerplate.rules -> sp_data_boilerplate_rules).
set -e
f=$1
name=$(basename "$f" | sed 's/[^A-Za-z0-9]/_/g')
echo '#include <stddef.h>'
echo "const unsigned char sp_data_${name}[] = {"
od -An -v -tx1 "$f" | sed 's/  */ /g; s/^ //; s/ $//; /^$/d; s/\([0-9a-f][0-9a-f]\)/0x\1,/g'
echo '0x00 };'
echo "const size_t sp_data_${name}_len = sizeof sp_data_${name} - 1;"
