# sp: stream filters for scraped pages.
#
# One rule builds every tool: each folder bin/sp-NAME/ becomes
# $(B)/bin/sp-NAME, linked against $(B)/libsp.a built from common/.
# Adding a tool or a test needs no change here.

B        ?= build
PREFIX   ?= /usr/local
DESTDIR  ?=
CC       ?= cc
VERSION  := 0.1.0

PKGS      = libutf8proc libxxhash jansson libpcre2-8 lmdb
# Libraries a run loads at its first use of them (dlopen; see
# common/lazylib.h), by the name the library gives itself: libxml2, for
# HTML pages alone, uchardet, for text that is not UTF-8, and OpenCC,
# optional (built with it when pkg-config finds it), to convert the
# script.  Each took 0.55 to 1.5 ms of every start when linked.
LAZY_PKGS  = libxml-2.0 uchardet
HAVE_OPENCC = $(shell pkg-config --exists opencc 2>/dev/null && echo 1)
# soname PKG LIB: the SONAME of libLIB.so where pkg-config's PKG is.
soname = $(or $(shell objdump -p "$$(pkg-config --variable=libdir \
         $(1) 2>/dev/null)/lib$(2).so" 2>/dev/null | \
         sed -n 's/^ *SONAME *//p'),lib$(2).so)
LIBXML2_LIB := $(call soname,libxml-2.0,xml2)
UCHARDET_LIB := $(call soname,uchardet,uchardet)
OPENCC_LIB := $(call soname,opencc,opencc)
PKG_CFLAGS  = $(shell pkg-config --cflags $(PKGS) $(LAZY_PKGS) \
              $(if $(HAVE_OPENCC),opencc))
# glibc has iconv built in; elsewhere GNU libiconv is a library of its own.
ICONV_LIBS := $(shell printf '\043include <iconv.h>\nint main(void){return iconv_open("a","b")==0;}\n' | \
              $(CC) -x c - -o /dev/null 2>/dev/null || echo -liconv)
PKG_LIBS    = $(shell pkg-config --libs $(PKGS)) $(ICONV_LIBS) -lm

WARN     = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes
HARDEN   = -fstack-protector-strong -fPIE
OPT      = -O3 -g
ifeq ($(SAN),fuzz)
OPT      = -O1 -g -fno-omit-frame-pointer \
           -fsanitize=fuzzer-no-link,address,undefined
LDSAN    = -fsanitize=address,undefined
else ifeq ($(SAN),thread)
OPT      = -O1 -g -fno-omit-frame-pointer -fsanitize=thread
LDSAN    = -fsanitize=thread
else ifeq ($(SAN),1)
OPT      = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
           -fno-sanitize-recover=undefined
LDSAN    = -fsanitize=address,undefined
else
HARDEN  += -D_FORTIFY_SOURCE=2
endif
# make check builds with WERROR=1: the suite is warnings-clean under gcc
# (the plain build) and clang (the sanitizer build, when clang is there).
ifeq ($(WERROR),1)
WARN    += -Werror
endif
SAN_CC   = $(shell command -v clang >/dev/null 2>&1 && echo clang || echo $(CC))
CFLAGS  ?=
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE $(OPT) $(WARN) $(HARDEN) -Icommon \
             -DSP_VERSION='"$(VERSION)"' -DSP_LIBXML2_LIB='"$(LIBXML2_LIB)"' \
             -DSP_UCHARDET_LIB='"$(UCHARDET_LIB)"' \
             $(if $(HAVE_OPENCC),-DSP_HAVE_OPENCC=1 -DSP_OPENCC_LIB='"$(OPENCC_LIB)"') \
             $(PKG_CFLAGS) $(CFLAGS)
ALL_LDFLAGS = -pie -Wl,-z,relro,-z,now $(LDSAN) $(LDFLAGS)

LIB_SRC   := $(wildcard common/*.c)
LIB_OBJ   := $(LIB_SRC:%.c=$(B)/obj/%.o)
# ONLY=sp-NAME (several, space-separated) builds and tests just those tools,
# for work on one tool while others are in progress.
TOOLS     := $(if $(ONLY),$(ONLY),$(notdir $(wildcard bin/sp-*)))
BINS      := $(TOOLS:%=$(B)/bin/%)
UNIT_SRC  := $(wildcard tests/unit/*.c)
UNIT_BINS := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
# Unit tests of a tool's logic files: tests/unit/sp-NAME/*.c, linked with
# that tool's objects other than main.o.
TOOL_UNIT_SRC  := $(foreach t,$(TOOLS),$(wildcard tests/unit/$(t)/*.c))
TOOL_UNIT_BINS := $(TOOL_UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
MANS      := $(wildcard man/*.[1-9])
# libFuzzer targets: tests/fuzz/NAME.c (common/) and tests/fuzz/sp-NAME/*.c
# (linked with that tool's objects other than main.o).
FUZZ_SRC  := $(wildcard tests/fuzz/*.c) \
             $(foreach t,$(TOOLS),$(wildcard tests/fuzz/$(t)/*.c))
FUZZ_BINS := $(FUZZ_SRC:tests/fuzz/%.c=$(B)/fuzzers/%)
FUZZ_SECONDS ?= 60

# Second expansion lets a prerequisite list depend on the target's stem.
.SECONDEXPANSION:
# Objects reached through pattern rules are intermediate to make, which
# would delete them after every build and so rebuild everything each time.
.SECONDARY:
.PHONY: check-all all deps check test bench demo install clean fuzz fuzzers train
all: $(BINS) $(UNIT_BINS) $(TOOL_UNIT_BINS)

$(B)/obj/%.o: %.c
	@mkdir -p $(@D)
	@echo "  CC $<"
	@$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(B)/obj/data/%.o: bin/$$(firstword $$(subst /, ,$$*))/data/$$(lastword $$(subst /, ,$$*)) scripts/embed.sh
	@mkdir -p $(@D)
	@echo "  EMBED $<"
	@sh scripts/embed.sh $< > $(@:.o=.c)
	@$(CC) $(ALL_CFLAGS) -c $(@:.o=.c) -o $@

# A table generator runs where it is built: plain flags, no sanitizer.
$(B)/obj/gen/%: bin/$$(firstword $$(subst /, ,$$*))/gen/$$(lastword $$(subst /, ,$$*)).c
	@mkdir -p $(@D)
	@echo "  CC $<"
	@$(CC) -std=c11 -D_GNU_SOURCE -O2 $(WARN) -Icommon \
	    -Ibin/$(firstword $(subst /, ,$*)) -MMD -MP -MF $@.d -o $@ $< -lm

$(B)/tables/%.table: bin/$$(firstword $$(subst /, ,$$*))/data/$$(lastword $$(subst /, ,$$*)) \
    $(B)/obj/gen/$$(firstword $$(subst /, ,$$*))/table-$$(lastword $$(subst /, ,$$*))
	@mkdir -p $(@D)
	@echo "  TABLE $<"
	@$(word 2,$^) $< $@.tmp && mv $@.tmp $@

$(B)/obj/tables/%.table.o: $(B)/tables/%.table scripts/incbin.sh
	@mkdir -p $(@D)
	@echo "  EMBED $<"
	@sh scripts/incbin.sh $(abspath $<) > $(@:.o=.c)
	@$(CC) $(ALL_CFLAGS) -c $(@:.o=.c) -o $@

$(B)/libsp.a: $(LIB_OBJ)
	@rm -f $@
	@echo "  AR $@"
	@$(AR) rcs $@ $^

# A tool's data tables (bin/sp-NAME/data/FILE) are compiled into it as
# byte arrays, so an uninstalled binary behaves like an installed one; see
# common/embed.h for how a tool names them.  A data file with a generator,
# bin/sp-NAME/gen/table-FILE.c, is made at build time into the table the
# tool reads in place (FILE.table, named sp_data_FILE_table), compiled in
# instead of the file.
tool_table_gens = $(wildcard bin/$(1)/gen/table-*.c)
tool_tabled = $(patsubst bin/$(1)/gen/table-%.c,bin/$(1)/data/%,$(call tool_table_gens,$(1)))
tool_data = $(filter-out $(call tool_tabled,$(1)),$(wildcard bin/$(1)/data/*))
tool_tables = $(patsubst bin/$(1)/gen/table-%.c,$(B)/obj/tables/$(1)/%.table.o,$(call tool_table_gens,$(1)))
tool_objs = $(patsubst %.c,$(B)/obj/%.o,$(wildcard bin/$(1)/*.c)) \
            $(patsubst bin/$(1)/data/%,$(B)/obj/data/$(1)/%.o,$(call tool_data,$(1))) \
            $(call tool_tables,$(1))
tool_lib_objs = $(filter-out %/main.o,$(call tool_objs,$(1)))

$(B)/bin/%: $$(call tool_objs,%) $(B)/libsp.a
	@mkdir -p $(@D)
	@echo "  LD $@"
	@$(CC) $(ALL_LDFLAGS) -o $@ $(filter %.o,$^) $(B)/libsp.a $(PKG_LIBS)

$(B)/tests/%: tests/unit/%.c $(B)/libsp.a
	@mkdir -p $(@D)
	@echo "  LD $@"
	@$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -Itests/unit -o $@ $< $(B)/libsp.a $(PKG_LIBS)

$(B)/tests/sp-%: tests/unit/sp-%.c $$(call tool_lib_objs,sp-$$(firstword $$(subst /, ,$$*))) $(B)/libsp.a
	@mkdir -p $(@D)
	@echo "  LD $@"
	@$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -Itests/unit -Ibin/$(firstword $(subst /, ,sp-$*)) \
	    -o $@ $< $(filter %.o,$^) $(B)/libsp.a $(PKG_LIBS)

$(B)/fuzzers/sp-%: tests/fuzz/sp-%.c $$(call tool_lib_objs,sp-$$(firstword $$(subst /, ,$$*))) $(B)/libsp.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer,address,undefined \
	    -Ibin/$(firstword $(subst /, ,sp-$*)) -o $@ $< $(filter %.o,$^) \
	    $(B)/libsp.a $(PKG_LIBS)

$(B)/fuzzers/%: tests/fuzz/%.c $(B)/libsp.a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer,address,undefined -o $@ $< \
	    $(B)/libsp.a $(PKG_LIBS)

# The tools' objects first: make would not chain the fuzzer rule through
# objects that do not exist yet, and fell back to the generic rule.
fuzzers: $(foreach t,$(TOOLS),$(call tool_lib_objs,$(t))) $(B)/libsp.a
	@$(MAKE) --no-print-directory $(FUZZ_BINS)

-include $(shell find $(B)/obj -name '*.d' 2>/dev/null)

# Dependencies: installed when missing, on any target that needs them.
deps:
	@sh scripts/deps.sh install

$(B)/.deps-ok: scripts/deps.sh
	@sh scripts/deps.sh ensure
	@mkdir -p $(B) && touch $@

# check: the README's test command, quick enough to run before every
# commit: a warnings-clean build and every unit, golden, script and
# evaluation test once.
check: $(B)/.deps-ok
	@$(MAKE) --no-print-directory WERROR=1 all
	@$(MAKE) --no-print-directory test

# check-all: what CI runs: check with valgrind memcheck, sp-clean's
# threads under ThreadSanitizer, then the whole suite again under
# ASan+UBSan with a short pass of every fuzzer.
check-all: $(B)/.deps-ok
	@$(MAKE) --no-print-directory WERROR=1 all
	@SP_VALGRIND=1 $(MAKE) --no-print-directory test
	@$(MAKE) --no-print-directory B=$(B)/tsan SAN=thread CC=$(SAN_CC) WERROR=1 ONLY=sp-clean all
	@if $(B)/tsan/bin/sp-clean --version > /dev/null 2>&1; then \
	    TSAN_OPTIONS="halt_on_error=1 exitcode=66" \
	    sh tests/scripts/sp-clean-jobs.sh $(B)/tsan; \
	else \
	    echo "# ThreadSanitizer cannot run on this machine: skipped"; \
	fi
	@$(MAKE) --no-print-directory B=$(B)/asan SAN=1 CC=$(SAN_CC) WERROR=1 all
	@$(MAKE) --no-print-directory B=$(B)/fuzz SAN=fuzz CC=clang WERROR=1 fuzzers
	@SP_FUZZ=$(B)/fuzz $(MAKE) --no-print-directory B=$(B)/asan SAN=1 CC=$(SAN_CC) test

test:
	@sh tests/run $(B) $(ONLY)

# fuzz: every libFuzzer target for FUZZ_SECONDS each (make check runs a
# few seconds of each over its seeds).
fuzz: $(B)/.deps-ok
	@$(MAKE) --no-print-directory B=$(B)/fuzz SAN=fuzz CC=clang fuzzers
	@sh tests/fuzz/run $(B)/fuzz $(FUZZ_SECONDS)

# train: learn sp-clean's boilerplate model from the labelled pages of
# tests/ (bin/sp-clean/gen/train.py), writing the model that is compiled
# in and the fold models of make check's cross-validated figures.  The
# cut-off was chosen on the pages' own scorer (score_clean.py) over the
# cross-validated outputs: the lowest at which the w3m dumps keep 99% of
# the articles' characters; content comes first.  Training is
# deterministic, but the shipped model is older than that and make train
# gives another one (train.py, REPRODUCED, says how far apart they are).
BOILERPLATE_CUT ?= 0.85
train: $(B)/.deps-ok
	@sh scripts/deps.sh train
	@$(MAKE) --no-print-directory all
	@/usr/bin/python3 bin/sp-clean/gen/train.py --cut $(BOILERPLATE_CUT) \
	    $(B)/bin/sp-clean
	@$(MAKE) --no-print-directory all

bench: $(B)/.deps-ok
	@$(MAKE) --no-print-directory all
	@SP_ONLY="$(ONLY)" sh bench/run $(B)

demo: $(B)/.deps-ok
	@$(MAKE) --no-print-directory all
	@sh scripts/demo.sh $(B)

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	    $(DESTDIR)$(PREFIX)/share/man/man7 $(DESTDIR)$(PREFIX)/share/sp
	for b in $(BINS); do install -m 755 $$b $(DESTDIR)$(PREFIX)/bin; done
	for m in $(MANS); do \
	    s=$${m##*.}; install -d $(DESTDIR)$(PREFIX)/share/man/man$$s; \
	    install -m 644 $$m $(DESTDIR)$(PREFIX)/share/man/man$$s; done
	for d in bin/*/data; do [ -d $$d ] && cp -R $$d/. $(DESTDIR)$(PREFIX)/share/sp/ || true; done

clean:
	rm -rf $(B)
