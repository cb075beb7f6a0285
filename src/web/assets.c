/*
** assets.c — the stylesheet and the one small script, compiled in.
**
** The pages work without the script; it only adds a character count and
** a warning before leaving a form with unsaved text (entry on a slow
** connection should not lose work).  No inline script anywhere: the
** Content-Security-Policy forbids it.
*/
#include "pages.h"
#include "../base/banned.h"

static const char zCss[] =
    ":root{--ink:#111;--line:#bbb;--soft:#f3f3f3;--accent:#1f4e79}"
    "*{box-sizing:border-box}"
    "body{margin:0;font-family:sans-serif;line-height:1.45;color:var(--ink)}"
    "header.top{display:flex;flex-wrap:wrap;justify-content:space-between;"
    "align-items:center;gap:.5em;padding:.5em 1em;background:var(--accent);"
    "color:#fff}header.top a{color:#fff;margin-right:1em}"
    ".brand{font-weight:bold}.who{color:#fff}.who span{margin-right:.5em}"
    "main{max-width:70em;margin:0 auto;padding:1em}"
    "h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em}"
    "table{border-collapse:collapse;width:100%;margin:.8em 0}"
    "th,td{border:1px solid var(--line);padding:.3em .5em;text-align:left;"
    "vertical-align:top}td.n{text-align:right;white-space:nowrap}"
    ".rating{padding:0 .4em;border-radius:.3em;white-space:nowrap}"
    ".r-on_target{background:#1f4e79;color:#fff}"
    ".r-progressing{background:#6fa8dc}.r-not_on_target{background:#f6b26b}"
    ".r-not_rated{border:1px dashed #555}"
    ".notice{padding:.6em 1em;border-left:4px solid}"
    ".notice.error{border-color:#b00;background:#fde}"
    ".notice.ok{border-color:#070;background:#dfd}"
    "form.card,.card{border:1px solid var(--line);padding:1em;margin:1em 0;"
    "background:var(--soft)}"
    "label{display:block;margin:.5em 0 .2em;font-weight:bold}"
    "textarea{width:100%;min-height:8em;font:inherit}"
    "input,select,button,textarea{font-size:1em}"
    "button{padding:.4em 1em;margin:.5em .5em 0 0}"
    ".tree ul{list-style:none;padding-left:1.2em}.tree li{margin:.2em 0}"
    ".rounds{display:grid;grid-template-columns:repeat(auto-fit,"
    "minmax(18em,1fr));gap:1em}"
    ".small{font-size:.85em;color:#444}svg{max-width:100%;height:auto}"
    "@media (max-width:40em){header.top{font-size:.9em}"
    "table{font-size:.85em}}";

static const char zJs[] =
    "/* lmpmon: small helps for entry forms; the pages work without it. */\n"
    "(function () {\n"
    "  var dirty = false;\n"
    "  document.querySelectorAll('form.entry textarea').forEach(function (t) {\n"
    "    var c = document.createElement('div');\n"
    "    c.className = 'small';\n"
    "    t.after(c);\n"
    "    var show = function () { c.textContent = t.value.length + ' characters'; };\n"
    "    t.addEventListener('input', function () { dirty = true; show(); });\n"
    "    show();\n"
    "  });\n"
    "  document.querySelectorAll('form').forEach(function (f) {\n"
    "    f.addEventListener('submit', function () { dirty = false; });\n"
    "  });\n"
    "  window.addEventListener('beforeunload', function (e) {\n"
    "    if (dirty) { e.preventDefault(); e.returnValue = ''; }\n"
    "  });\n"
    "})();\n";

/* ** PAGE: /static/app.css */
int
asset_css(Req *r, Resp *w)
{
    w->zType = "text/css; charset=utf-8";
    buf_append(&w->body, zCss, sizeof zCss - 1);
    return 0;
}

/* ** PAGE: /static/app.js */
int
asset_js(Req *r, Resp *w)
{
    w->zType = "text/javascript; charset=utf-8";
    buf_append(&w->body, zJs, sizeof zJs - 1);
    return 0;
}
