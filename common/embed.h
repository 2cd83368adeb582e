/*
 * embed.h: data tables compiled into a tool.
 *
 * Each file bin/sp-NAME/data/FILE is built into sp-NAME as a NUL-terminated
 * byte array (see scripts/embed.sh); SP_DATA(boilerplate_rules) declares the
 * one from data/boilerplate.rules, read as sp_data_boilerplate_rules and
 * sp_data_boilerplate_rules_len.
 */
#ifndef SP_EMBED_H
#define SP_EMBED_H
#include <stddef.h>

#define SP_DATA(name) \
	extern const unsigned char sp_data_##name[]; \
	extern const size_t sp_data_##name##_len

#endif
