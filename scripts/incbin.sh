#!/bin/sh
# incbin.sh FILE: print a C file that compiles the bytes of FILE (an
# absolute path) in, by the assembler's .incbin, as sp_data_<name>, with
# a NUL after them, and their count as sp_data_<name>_len; <name> is
# FILE's name with every non-alphanumeric byte turned into '_'
# (wordlm.table -> sp_data_wordlm_table).  For the tables made at build
# time (megabytes: written out as an array, as embed.sh does, one took
# the compiler ten seconds).  The bytes start 64-byte aligned.
set -e
f=$1
name=sp_data_$(basename "$f" | sed 's/[^A-Za-z0-9]/_/g')
len=$(wc -c < "$f" | tr -d ' ')
nl='\n'
printf '%s\n' '#include <stddef.h>' '__asm__(' \
    "	\".section .rodata$nl\"" \
    "	\".balign 64$nl\"" \
    "	\".globl $name$nl\"" \
    "	\"$name:$nl\"" \
    "	\".incbin \\\"$f\\\"$nl\"" \
    "	\".byte 0$nl\"" \
    "	\".previous$nl\");" \
    "extern const unsigned char ${name}[];" \
    "const size_t ${name}_len = $len;"
