/*
** utf8.h — UTF-8 validation, display width and word wrapping.
**
** Every text lmpmon stores is valid UTF-8 (checked on import, so later code
** can trust it).  The width functions serve terminal tables: Khmer combining
** marks take no column, CJK characters take two.
*/
#ifndef LMPMON_UTF8_H
#define LMPMON_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Byte offset of the first invalid UTF-8 sequence in z[0..n), or -1 when
** all of it is valid.  Overlong forms, surrogates and code points above
** U+10FFFF are invalid. */
long utf8_invalid_at(const char *z, size_t n);

/* Decode one code point at z (valid UTF-8 assumed, n > 0); stores it in
** *pCp and returns its byte length. */
size_t utf8_decode(const char *z, size_t n, uint32_t *pCp);

/* Columns a terminal uses to show the code point cp (0, 1 or 2). */
int utf8_cp_width(uint32_t cp);

/* Columns a terminal uses to show z[0..n). */
size_t utf8_width(const char *z, size_t n);

/* Append z to b wrapped at nWidth columns, each line prefixed by zIndent.
** Line breaks in z are kept; runs of spaces collapse at wrap points; a word
** longer than a line is broken.  Every output line ends with '\n'. */
void utf8_wrap(Buf *b, const char *z, size_t nWidth, const char *zIndent);

/* Append z cut to at most nWidth columns (with "…" when cut) and padded
** with spaces to exactly nWidth columns.  Newlines show as spaces. */
void utf8_pad(Buf *b, const char *z, size_t nWidth);

/* Append z whole when it is at most nWidth columns wide; else its longest
** prefix that ends between words (inside a word only when the text has no
** space in the last third of the room) within nWidth - 1 columns, then
** "…".  For titles shown short, never padded. */
void utf8_clip_words(Buf *b, const char *z, size_t nWidth);

/* Append z with its first letter capitalised ("área" -> "Área", "goal" ->
** "Goal"), always valid UTF-8 for valid z: a first character without a
** capital (a digit, Khmer, a letter outside Latin, Greek and Cyrillic)
** stays as it is, and so does an invalid z. */
void utf8_capitalise(Buf *b, const char *z);

#endif
