/*
** escape.h — one encoder per output context.
**
** Data never goes into markup, CSV or Markdown without passing through the
** encoder of the context it lands in; markup itself comes from literals.
** The same functions serve HTML and SVG (XML): text and attribute values
** escape & < > " ' alike, which is safe in both.
*/
#ifndef LMPMON_ESCAPE_H
#define LMPMON_ESCAPE_H

#include "../base/buf.h"
#include "../base/i18n.h"

/* Append markup written by the program, never data. */
#define HTML_LIT(b, lit) buf_puts((b), "" lit "")

/* Append the translation (base/i18n.h) of the literal text lit, escaped:
** words of the program, in the reader's language.  xgettext knows the
** macro (cmake/pot.cmake). */
#define HTML_TR(b, lit) esc_html((b), gettext("" lit ""))

/* Append z escaped for HTML/XML text or a quoted attribute value. */
void esc_html(Buf *b, const char *z);

/* Append z escaped for HTML text, with line breaks kept: a blank line
** starts a new paragraph (</p><p>), a single newline becomes <br>. */
void esc_html_paragraphs(Buf *b, const char *z);

/* Append z for a Markdown table cell: '|' and the inline specials
** ('\', '`', '*', '_', '[', ']', '~') backslash-escaped, '<' as &lt;, an
** '&' that starts a character reference as "\&", line breaks as <br>;
** leading '#', '>', '-', '+' and digits-with-dot left alone inside cells
** (they are not special there). */
void esc_md_cell(Buf *b, const char *z);

/* Append z for Markdown running text (a paragraph, heading or list item):
** escaped as for a cell, so data cannot add formatting, links, HTML or
** table cells, nor end the block with a line break. */
void esc_md_text(Buf *b, const char *z);

/* esc_md_text() for data that starts a line or follows a list marker
** ("- "): there the start of a block ("# ", '>', "- ", "+ ", "--", "==",
** "12. ", "12) ") is escaped too, so data cannot start a heading, quote,
** list or rule. */
void esc_md_line(Buf *b, const char *z);

#endif
