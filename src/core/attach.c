/*
** attach.c — recognising the files a statement may carry (see attach.h).
*/
#include <stdint.h>
#include <string.h>

#include "attach.h"
#include "../base/i18n.h"
#include "../base/limits.h"
#include "../base/banned.h"

static const struct {
    const char *zType;
    const char *zLabel;
} aAttachType[] = {
    { "application/pdf", N_("PDF document") },
    { "image/png", N_("PNG image") },
    { "image/jpeg", N_("JPEG image") },
    { "application/vnd.openxmlformats-officedocument.wordprocessingml."
      "document",
      N_("Word document") },
    { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      N_("Excel workbook") },
    { "application/vnd.oasis.opendocument.text", N_("OpenDocument text") },
};

enum { T_PDF, T_PNG, T_JPEG, T_DOCX, T_XLSX, T_ODT };

static unsigned
le16(const unsigned char *p)
{
    return (unsigned)p[0] | (unsigned)p[1] << 8;
}

static uint32_t
le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

/* An OpenDocument text: the archive's first entry is "mimetype", stored
** (not compressed), holding the type. */
static int
zip_is_odt(const unsigned char *p, size_t n)
{
    static const char zMime[] = "application/vnd.oasis.opendocument.text";
    if (n < 30) {
        return 0;
    }
    unsigned nName = le16(p + 26), nExtra = le16(p + 28);
    size_t at = 30 + (size_t)nName + nExtra;
    /* Each test only after the bytes it reads are known to be there. */
    return le16(p + 8) == 0 && nName == 8 && at <= n &&
           memcmp(p + 30, "mimetype", 8) == 0 && n - at >= sizeof zMime - 1 &&
           memcmp(p + at, zMime, sizeof zMime - 1) == 0 &&
           le32(p + 18) == sizeof zMime - 1;
}

/* Scan the central directory of the zip archive p[0..n) for the entries
** that make it a .docx or an .xlsx.  Returns T_DOCX, T_XLSX or -1 (not an
** archive we can read, both or neither, or one with macros). */
static int
zip_office_kind(const unsigned char *p, size_t n)
{
    /* The end-of-central-directory record: 22 bytes and a comment of at
    ** most 65,535, at the very end. */
    if (n < 22) {
        return -1;
    }
    size_t iEnd = n - 22;
    size_t iStop = n - 22 > 65535 ? n - 22 - 65535 : 0;
    for (;;) {
        if (memcmp(p + iEnd, "PK\x05\x06", 4) == 0 &&
            iEnd + 22 + le16(p + iEnd + 20) == n) {
            break;
        }
        if (iEnd == iStop) {
            return -1;
        }
        iEnd--;
    }
    unsigned nEntry = le16(p + iEnd + 10);
    size_t at = le32(p + iEnd + 16);
    int bWord = 0, bBook = 0, bMacro = 0;
    for (unsigned i = 0; i < nEntry && i < LIMIT_ATTACH_ZIP_ENTRIES; i++) {
        if (at > iEnd || iEnd - at < 46 ||
            memcmp(p + at, "PK\x01\x02", 4) != 0) {
            return -1;
        }
        size_t nName = le16(p + at + 28);
        size_t nSkip = 46 + nName + le16(p + at + 30) + le16(p + at + 32);
        if (iEnd - at < nSkip) {
            return -1;
        }
        const char *zName = (const char *)p + at + 46;
#define IS(lit) (nName == sizeof(lit) - 1 && memcmp(zName, lit, nName) == 0)
        bWord |= IS("word/document.xml");
        bBook |= IS("xl/workbook.xml");
        bMacro |= IS("word/vbaProject.bin") || IS("xl/vbaProject.bin");
#undef IS
        at += nSkip;
    }
    if (bMacro || bWord == bBook) {
        return -1;
    }
    return bWord ? T_DOCX : T_XLSX;
}

const char *
attach_type_of(const void *pData, size_t n)
{
    const unsigned char *p = pData;
    int e = -1;
    if (n >= 5 && memcmp(p, "%PDF-", 5) == 0) {
        e = T_PDF;
    } else if (n >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0) {
        e = T_PNG;
    } else if (n >= 3 && memcmp(p, "\xff\xd8\xff", 3) == 0) {
        e = T_JPEG;
    } else if (n >= 4 && memcmp(p, "PK\x03\x04", 4) == 0) {
        e = zip_is_odt(p, n) ? T_ODT : zip_office_kind(p, n);
    }
    return e < 0 ? NULL : aAttachType[e].zType;
}

const char *
attach_type_label(const char *zType)
{
    for (size_t i = 0; i < sizeof aAttachType / sizeof aAttachType[0]; i++) {
        if (zType && strcmp(zType, aAttachType[i].zType) == 0) {
            return _(aAttachType[i].zLabel);
        }
    }
    return _("file");
}

const char *
attach_types_accepted(void)
{
    return _("PDF, PNG, JPEG, Word (.docx), Excel (.xlsx) or OpenDocument "
             "text (.odt)");
}
