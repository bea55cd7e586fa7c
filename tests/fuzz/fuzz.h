/* Shared by the libFuzzer targets (tests/fuzz/fuzz-*.c) and their replay
 * driver (replay-main.c): the entry point, invariant checks that abort
 * (so libFuzzer keeps the input and the replay test fails), a scratch
 * directory for the APIs that read or write files, and the small fixed
 * gazetteer the text targets match against.
 * SPDX-License-Identifier: GPL-2.0-or-later */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <glib.h>
#include <actnet/actnet.h>

G_BEGIN_DECLS

/* libFuzzer's entry point; every target defines it. */
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

G_NORETURN void fuzz_fail (const char *file, int line, const char *what);

/* An invariant of the code under test, checked on every input. */
#define FUZZ_CHECK(cond) \
  do { if (G_UNLIKELY (!(cond))) fuzz_fail (__FILE__, __LINE__, #cond); } while (0)

/* Once per process: GLib criticals and warnings abort (a g_return_if_fail
 * reached from fuzzed input is a finding too). */
void fuzz_init (void);

/* Path of @name inside a private scratch directory made once per process
 * (removed at exit). Owned by the caller. */
char *fuzz_scratch_path (const char *name);

/* Writes @size bytes to @path (aborts on failure: the scratch directory
 * must be writable). */
void fuzz_write_file (const char *path, const uint8_t *data, size_t size);

/* A small gazetteer built once (titles, inflections, case overrides, a
 * dated alias, an ambiguous surname, diacritics, a media outlet) and its
 * matcher; both live for the whole process. */
const ActnetGazetteer *fuzz_gazetteer (void);
const ActnetMatcher *fuzz_matcher (void);

/* TRUE when @offset of @text is the start of a UTF-8 character or its end. */
gboolean fuzz_utf8_boundary (const char *text, gsize length, gsize offset);

/* Checks @mentions found in @text (@length bytes) against @gazetteer: in
 * bounds, non-empty, on character boundaries, sorted by start, known actor
 * and alias; with @longest, also non-overlapping. */
void fuzz_check_mentions (const GArray *mentions, const char *text, gsize length,
                          const ActnetGazetteer *gazetteer, gboolean longest);

G_END_DECLS
