#!/usr/bin/env python3
"""Find the English of the catalogue left in a page served in Khmer
(tests/http/t_i18n.sh).

  python3 i18n_check.py KM.po PAGE_EN.html PAGE_KM.html [DATA.json]
      prints each translated string (msgid) that the English page shows
      and the Khmer page still shows in English, one per line; exits 1 if
      there is any.

A page mixes the program's words with data (plan titles, organisation
names), and the sample's data is English: a word of the catalogue may also
be data ("Open" in a title).  The program's words are the text nodes (and
the placeholder, title and aria-label attributes) that equal a msgid, or
match it when it has printf placeholders.  Data shows alike in both
languages, so a msgid is untranslated when the Khmer page shows it at
least as often as the English one.
A msgid that is also a value of the data (DATA.json: the database's
'lmpmon export --format json'; "PDOLVT" is an organisation and a channel
of complaints) is left out when it shows only as often in Khmer as in
English: then every occurrence may be the data.
"""
import json
import html
import re
import sys
from html.parser import HTMLParser


def po_unquote(s):
    s = s.strip()
    assert s.startswith('"') and s.endswith('"'), s
    body = s[1:-1]
    out = bytearray()
    i = 0
    while i < len(body):
        c = body[i]
        if c == '\\':
            n = body[i + 1]
            i += 2
            if n == 'n':
                out += b'\n'
            elif n == 't':
                out += b'\t'
            elif n in '"\\':
                out += n.encode()
            elif n == 'x':
                m = re.match(r'[0-9A-Fa-f]{1,2}', body[i:])
                out.append(int(m.group(0), 16))
                i += len(m.group(0))
            else:
                out += ('\\' + n).encode()
        else:
            out += c.encode()
            i += 1
    return out.decode('utf-8', 'replace')


def read_po(path):
    """{msgid: msgstr} of the singular entries; "" when untranslated or
    fuzzy (the English shows)."""
    entries = {}
    cur = {}
    key = None
    fuzzy = False

    def flush():
        nonlocal cur, fuzzy
        if 'msgid' in cur and cur['msgid'] and 'msgid_plural' not in cur:
            entries[cur['msgid']] = '' if fuzzy else cur.get('msgstr', '')
        cur = {}
        fuzzy = False

    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if not line.strip():
            flush()
            key = None
            continue
        if line.startswith('#,') and 'fuzzy' in line:
            fuzzy = True
        if line.startswith('#'):
            continue
        m = re.match(r'^(msgid|msgid_plural|msgstr(?:\[0\])?) (".*")$', line)
        if m:
            key = m.group(1).replace('[0]', '')
            cur[key] = po_unquote(m.group(2))
        elif line.startswith('"') and key:
            cur[key] += po_unquote(line)
    flush()
    return entries


class Texts(HTMLParser):
    """The page's text nodes (split at every tag) and shown attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.nodes = []
        self.cur = ''
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        self.flush()
        if tag in ('script', 'style'):
            self.skip += 1
        for k, v in attrs:
            if k in ('placeholder', 'title', 'aria-label') and v:
                self.nodes.append(v.strip())

    def handle_endtag(self, tag):
        self.flush()
        if tag in ('script', 'style') and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.cur += data

    def flush(self):
        s = ' '.join(self.cur.split())
        if s:
            self.nodes.append(s)
        self.cur = ''


def nodes_of(path):
    p = Texts()
    p.feed(open(path, encoding='utf-8').read())
    p.flush()
    return p.nodes


PLACEHOLDER = re.compile(
    r'%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+)?(?:hh|h|ll|l|z|j|t)?[diouxXeEfgGcsp%]')


def pattern(msgid):
    """A regex matching a whole text node the msgid could have produced."""
    text = ' '.join(msgid.split())
    parts = PLACEHOLDER.split(text)
    return re.compile('^' + '.+?'.join(re.escape(x) for x in parts) + '$')


def main():
    po, en_path, km_path = sys.argv[1:4]
    data = set()
    if len(sys.argv) > 4:
        def walk(x):
            if isinstance(x, dict):
                for v in x.values():
                    walk(v)
            elif isinstance(x, list):
                for v in x:
                    walk(v)
            elif isinstance(x, str):
                data.add(' '.join(x.split()))
        walk(json.load(open(sys.argv[4], encoding='utf-8')))
    entries = read_po(po)
    en = nodes_of(en_path)
    km = nodes_of(km_path)
    bad = []
    for msgid, msgstr in sorted(entries.items()):
        if msgid == msgstr or not re.search(r'[A-Za-z]{2,}', msgid):
            continue
        # A template whose only words are a short one between placeholders
        # ("%lld of %lld") matches any text of the data that has the word.
        if len(re.findall(r'[A-Za-z]', PLACEHOLDER.sub('', msgid))) < 3 and \
                PLACEHOLDER.search(msgid):
            continue
        rx = pattern(msgid)
        n_en = sum(1 for s in en if rx.match(s))
        if n_en == 0:
            continue
        n_km = sum(1 for s in km if rx.match(s))
        if n_km < n_en:
            continue
        if msgid in data and n_km == n_en:
            continue
        bad.append(msgid)
    for s in bad:
        print(s)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
