/*
** escape.c — output encoders (see escape.h).
*/
#include <string.h>

#include "escape.h"
#include "../base/banned.h"

void
esc_html(Buf *b, const char *z)
{
    for (const char *p = z; *p; p++) {
        switch (*p) {
        case '&':
            buf_puts(b, "&amp;");
            break;
        case '<':
            buf_puts(b, "&lt;");
            break;
        case '>':
            buf_puts(b, "&gt;");
            break;
        case '"':
            buf_puts(b, "&quot;");
            break;
        case '\'':
            buf_puts(b, "&#39;");
            break;
        case '\r':
            break;
        default:
            /* Control characters other than tab and newline are not allowed
            ** in XML 1.0: drop them rather than emit a broken document. */
            if ((unsigned char)*p < 0x20 && *p != '\n' && *p != '\t') {
                break;
            }
            buf_putc(b, *p);
        }
    }
}

void
esc_html_paragraphs(Buf *b, const char *z)
{
    const char *p = z;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        Buf line = BUF_INIT;
        buf_append(&line, p, n);
        esc_html(b, buf_str(&line));
        buf_release(&line);
        if (!nl) {
            break;
        }
        p = nl + 1;
        if (*p == '\n' || (*p == '\r' && p[1] == '\n')) {
            while (*p == '\n' || *p == '\r') {
                p++;
            }
            if (*p) {
                HTML_LIT(b, "</p><p>");
            }
        } else if (*p) {
            HTML_LIT(b, "<br/>");
        }
    }
}

/* Whether z, at an '&', starts a character reference ("&amp;", "&#39;"),
** which Markdown would show as the character it names. */
static int
esc_md_is_entity(const char *z)
{
    const char *p = z + 1;
    if (*p == '#') {
        p++;
    }
    const char *zName = p;
    while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
           (*p >= '0' && *p <= '9')) {
        p++;
    }
    return p > zName && *p == ';';
}

/* Append the character at *p of data bound for Markdown inline text: the
** characters that start emphasis, code, links, strike-through, table
** cells, HTML and character references made harmless.  Returns 1 if it
** handled *p, 0 to leave it to the caller. */
static int
esc_md_inline(Buf *b, const char *p)
{
    if (strchr("\\`*_[]~|", *p)) {
        buf_putc(b, '\\');
        buf_putc(b, *p);
    } else if (*p == '<') {
        buf_puts(b, "&lt;");
    } else if (*p == '&' && esc_md_is_entity(p)) {
        buf_puts(b, "\\&");
    } else if (*p == '\n') {
        buf_puts(b, "<br>");
    } else if (*p == '\r') {
        /* dropped: CRLF is a line break */
    } else {
        return 0;
    }
    return 1;
}

void
esc_md_cell(Buf *b, const char *z)
{
    for (const char *p = z; *p; p++) {
        if (!esc_md_inline(b, p)) {
            buf_putc(b, *p);
        }
    }
}

/* Whether z starts a block where a line starts: "# " (up to six '#'),
** '>', "- ", "+ ", "--"/"==" (rules and setext underlines), "12. ",
** "12) ".  Returns how many bytes precede the character to escape, or -1
** if none does. */
static int
esc_md_block_start(const char *z)
{
#define MD_GAP(c) ((c) == ' ' || (c) == '\t' || (c) == 0)
    size_t n = strspn(z, "#");
    if (n >= 1 && n <= 6 && MD_GAP(z[n])) {
        return 0;
    }
    if (z[0] == '>' || ((z[0] == '-' || z[0] == '+' || z[0] == '=') &&
                        (MD_GAP(z[1]) || z[1] == z[0]))) {
        return 0;
    }
    n = strspn(z, "0123456789");
    if (n >= 1 && n <= 9 && (z[n] == '.' || z[n] == ')') && MD_GAP(z[n + 1])) {
        return (int)n;
    }
    return -1;
#undef MD_GAP
}

void
esc_md_text(Buf *b, const char *z)
{
    for (const char *p = z; *p; p++) {
        if (!esc_md_inline(b, p)) {
            buf_putc(b, *p);
        }
    }
}

void
esc_md_line(Buf *b, const char *z)
{
    int iEsc = esc_md_block_start(z);
    if (iEsc >= 0) {
        buf_append(b, z, (size_t)iEsc);
        buf_putc(b, '\\');
        buf_putc(b, z[iEsc]);
        z += iEsc + 1;
    }
    esc_md_text(b, z);
}
