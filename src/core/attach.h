/*
** attach.h — which files a statement may carry as evidence, judged by
** their content, never by their name.
**
** A reporter attaches a scanned report, a photo of a training or a
** spreadsheet of participants to its statement.  What is accepted is what
** people in a ministry exchange and what opens safely: PDF, PNG, JPEG,
** Word (.docx), Excel (.xlsx) and OpenDocument text (.odt).  A file is
** recognised by its first bytes (PDF, PNG, JPEG) or, for the office
** formats, which are zip archives, by the archive's entries: a .docx has
** word/document.xml, an .xlsx xl/workbook.xml, an .odt a first entry
** "mimetype" holding its type; an archive with macros (vbaProject.bin) is
** none of them.  A renamed program or web page is refused whatever it is
** called.  No I/O: the bytes are given.
*/
#ifndef LMPMON_ATTACH_H
#define LMPMON_ATTACH_H

#include <stddef.h>

/* The media type of the file p[0..n) ("application/pdf", "image/png",
** ...), a static string, or NULL when it is none of the accepted kinds.
** Reads only inside p[0..n), whatever the bytes claim. */
const char *attach_type_of(const void *p, size_t n);

/* The words for media type zType, for people ("PDF document", "Word
** document"; translated); "file" for any other. */
const char *attach_type_label(const char *zType);

/* The accepted kinds, in words, for a message: "PDF, PNG, JPEG, Word
** (.docx), Excel (.xlsx) or OpenDocument text (.odt)" (translated). */
const char *attach_types_accepted(void);

#endif
