/*
** khmer_words.h — inside the printing module (review_print.h): where a
** line may break in Khmer text.
**
** Khmer is written without spaces between words, and Pango 1.50 has no
** Khmer dictionary: given Khmer it finds no place to break a line but
** between any two clusters, and breaks words in half.  ICU's word
** break iterator has a Khmer dictionary; khmer_words_mark() puts a
** U+200B ZERO WIDTH SPACE (a break opportunity that draws nothing) at the
** word boundaries it finds, for the text that is handed to Pango.  The
** stored data and the DOCX (whose readers break Khmer themselves) never
** carry them.
*/
#ifndef LMPMON_KHMER_WORDS_H
#define LMPMON_KHMER_WORDS_H

#include <stddef.h>
#include <stdint.h>

/* z (valid UTF-8) with a U+200B between every two words of each run of
** Khmer letters (U+1780..U+17FF, U+19E0..U+19FF), as ICU's dictionary
** word break iterator divides the run; nothing is added outside Khmer
** runs, at their ends, inside a cluster (a consonant with its coeng
** subscripts and vowels), or before Khmer punctuation (។ ៖ ...), which
** must not begin a line.  When piOffset is not NULL, *piOffset (a byte
** offset in z) is moved to the same place in the result.
**
** Returns NULL when nothing was added (z holds no Khmer word boundary, or
** ICU cannot divide it: the text then breaks as before), else a new
** string the caller frees. */
char *khmer_words_mark(const char *z, size_t *piOffset);

/* Whether the code point cp is Khmer: a letter, sign, digit or symbol,
** or U+200B (which khmer_words_mark() puts between Khmer words). */
int khmer_words_is(uint32_t cp);

/* Whether z (valid UTF-8) holds a Khmer letter, sign, digit or symbol. */
int khmer_words_present(const char *z);

#endif
