/*
** assets.c — the stylesheet and the one small script: files in
** src/web/static/, compiled in by cmake/embed.cmake (table aWebAsset), so
** the binary serves them with nothing installed beside it.
**
** The pages work without the script; it only adds a character count and
** a warning before leaving a form with unsaved text (entry on a slow
** connection should not lose work).  No inline script anywhere: the
** Content-Security-Policy forbids it.
*/
#include "pages.h"
#include "router.h"
#include "../base/embedded.h"
#include "../base/banned.h"

extern const EmbeddedFile aWebAsset[];

static int
asset_send(Resp *w, const char *zName, const char *zType)
{
    const EmbeddedFile *f = embedded_find(aWebAsset, zName);
    if (!f) {
        web_error(NULL, w, 404, "There is no such file.");
        return 0;
    }
    w->zType = zType;
    buf_append(&w->body, (const char *)f->aData, f->nData);
    return 0;
}

/* ** PAGE: /static/app.css */
int
asset_css(Req *r, Resp *w)
{
    return asset_send(w, "app.css", "text/css; charset=utf-8");
}

/* ** PAGE: /static/app.js */
int
asset_js(Req *r, Resp *w)
{
    return asset_send(w, "app.js", "text/javascript; charset=utf-8");
}
