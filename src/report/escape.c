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

void
esc_md_cell(Buf *b, const char *z)
{
    for (const char *p = z; *p; p++) {
        if (*p == '|' || *p == '\\') {
            buf_putc(b, '\\');
            buf_putc(b, *p);
        } else if (*p == '\n') {
            buf_puts(b, "<br>");
        } else if (*p == '<') {
            buf_puts(b, "&lt;");
        } else if (*p != '\r') {
            buf_putc(b, *p);
        }
    }
}

void
esc_md_text(Buf *b, const char *z)
{
    for (const char *p = z; *p; p++) {
        if (strchr("*_`[]\\", *p)) {
            buf_putc(b, '\\');
            buf_putc(b, *p);
        } else if (*p == '<') {
            buf_puts(b, "&lt;");
        } else {
            buf_putc(b, *p);
        }
    }
}
