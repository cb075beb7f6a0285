/*
** ooxml.h — writing Office Open XML: a small XML builder and the zip
** package around the parts.
**
** Element and attribute names are program text: the macros take string
** literals only, so data can never become markup.  Text and attribute
** values go through esc_html() (escape.h), which is XML-safe and drops the
** control characters XML 1.0 forbids.  Elements close in order from a
** stack, so a part is well-formed by construction.
**
**     Xml x;
**     xml_begin(&x, &b);                  // the XML declaration
**     XML_OPEN(&x, "w:p");
**     XML_OPEN(&x, "w:r");
**     XML_OPEN(&x, "w:t");
**     XML_ATTR(&x, "xml:space", "preserve");
**     xml_text(&x, zData);
**     xml_end(&x);                        // closes w:t, w:r, w:p
*/
#ifndef LMPMON_OOXML_H
#define LMPMON_OOXML_H

#include <stddef.h>

#include "../base/apperr.h"
#include "../base/buf.h"

#define XML_MAX_DEPTH 32

typedef struct Xml {
    Buf *b;                            /* where the part is written */
    const char *azOpen[XML_MAX_DEPTH]; /* names of the open elements */
    int nOpen;
    int bTagOpen; /* "<name attr..." lacks its '>' */
} Xml;

/* Start a part in b with the XML declaration. */
void xml_begin(Xml *x, Buf *b);

/* Open element zName (a literal, through XML_OPEN). */
void xml_open_(Xml *x, const char *zName);
#define XML_OPEN(x, name) xml_open_((x), "" name "")

/* An attribute of the element just opened (before any content). */
void xml_attr_(Xml *x, const char *zName, const char *zValue);
void xml_attr_long_(Xml *x, const char *zName, long v);
#define XML_ATTR(x, name, value)  xml_attr_((x), "" name "", (value))
#define XML_ATTR_LONG(x, name, v) xml_attr_long_((x), "" name "", (v))

/* An empty element with one attribute, or none (zValue NULL). */
void xml_leaf_(Xml *x, const char *zName, const char *zAttr,
               const char *zValue);
#define XML_LEAF(x, name) xml_leaf_((x), "" name "", NULL, NULL)
#define XML_LEAF1(x, name, attr, value)                                        \
 xml_leaf_((x), "" name "", "" attr "", (value))

/* Text content, escaped. */
void xml_text(Xml *x, const char *z);

/* Close the innermost open element ("/>" when it is empty). */
void xml_close(Xml *x);

/* Close every open element and end the part with a newline. */
void xml_end(Xml *x);

/* A zip package being written in memory. */
typedef struct Ooxml Ooxml;

/* Start a package; NULL with err when libzip cannot. */
Ooxml *ooxml_new(AppErr *err);

/* Add the part zPath (e.g. "word/document.xml") holding z[0..n), copied. */
void ooxml_add(Ooxml *o, const char *zPath, const char *z, size_t n);

/* Write the package, append its bytes to b and free o.  0, or -1 with
** err (the first failure of any ooxml_add() too). */
int ooxml_finish(Ooxml *o, Buf *b, AppErr *err);

#endif
