#!/usr/bin/env python3
"""Check a page's tables against their downloads (tests/http/t_downloads.sh).

  python3 sheets.py list PAGE.html
      one line per table: ID, the CSV link, the XLSX link (unescaped);
      "NOLINK" for a table without download links
  python3 sheets.py check PAGE.html ID FILE.csv FILE.xlsx
      the CSV's header and rows are the table's (headings and cell text,
      buttons' column left out), the XLSX holds the same cells in its
      first sheet; prints what differs, exits 1 if anything does
"""
import csv
import html
import io
import re
import sys
import zipfile
from html.parser import HTMLParser


class Tables(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables = []      # [id, [head], [[cells]], [links]]
        self.cur = None
        self.cell = None
        self.row = None
        self.in_head = False
        self.after = None     # the table whose links come next

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'table':
            self.cur = [a.get('id', ''), [], [], []]
            self.tables.append(self.cur)
            self.after = None
        elif self.cur is not None and tag == 'thead':
            self.in_head = True
        elif self.cur is not None and tag == 'tr':
            self.row = []
        elif self.cur is not None and tag in ('td', 'th'):
            self.cell = []
        elif tag == 'a' and self.after is not None and 'format=' in a.get('href', ''):
            self.after[3].append(a['href'])

    def handle_endtag(self, tag):
        if tag == 'table':
            self.after = self.cur
            self.cur = None
        elif self.cur is not None and tag == 'thead':
            self.in_head = False
        elif self.cur is not None and tag in ('td', 'th') and self.cell is not None:
            self.row.append(''.join(self.cell).strip())
            self.cell = None
        elif self.cur is not None and tag == 'tr' and self.row is not None:
            if self.in_head:
                self.cur[1] = self.row
            else:
                self.cur[2].append(self.row)
            self.row = None
        elif tag == 'p':
            pass

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def tables(path):
    p = Tables()
    p.feed(open(path, encoding='utf-8').read())
    return p.tables


def xlsx_rows(path):
    z = zipfile.ZipFile(path)
    shared = []
    if 'xl/sharedStrings.xml' in z.namelist():
        x = z.read('xl/sharedStrings.xml').decode()
        shared = [html.unescape(re.sub('<[^>]+>', '', s))
                  for s in re.findall(r'<si>(.*?)</si>', x, re.S)]
    sheet = z.read('xl/worksheets/sheet1.xml').decode()
    rows = []
    for r in re.findall(r'<row[^>]*>(.*?)</row>', sheet, re.S):
        cells = {}
        for ref, attrs, body in re.findall(r'<c r="([A-Z]+)\d+"([^>]*?)(?:/>|>(.*?)</c>)', r, re.S):
            col = 0
            for ch in ref:
                col = col * 26 + ord(ch) - 64
            if 't="inlineStr"' in attrs:
                v = html.unescape(re.sub('<[^>]+>', '', body))
            elif 't="s"' in attrs:
                v = shared[int(re.search(r'<v>(.*?)</v>', body).group(1))]
            else:
                m = re.search(r'<v>(.*?)</v>', body)
                v = m.group(1) if m else ''
                if re.fullmatch(r'-?\d+\.0+', v):
                    v = v.split('.')[0]
            cells[col] = v
        n = max(cells) if cells else 0
        rows.append([cells.get(i, '') for i in range(1, n + 1)])
    return rows


def unguard(s):
    return s[1:] if re.match(r"'+[=+\-@\t\r]", s) else s


def main():
    if sys.argv[1] == 'list':
        for t in tables(sys.argv[2]):
            links = [html.unescape(h) for h in t[3]]
            csvl = [h for h in links if 'format=csv' in h]
            xl = [h for h in links if 'format=xlsx' in h]
            if csvl and xl:
                print(t[0][2:], csvl[0], xl[0])
            else:
                print(t[0][2:] or '?', 'NOLINK')
        return 0
    _, _, page, tid, fcsv, fxlsx = sys.argv
    t = [x for x in tables(page) if x[0] == 't-' + tid]
    if not t:
        print('no table', tid)
        return 1
    head, rows = t[0][1], t[0][2]
    # Columns of buttons are not downloaded.
    keep = [i for i, h in enumerate(head) if h not in ('Change',)]
    want = [[head[i] for i in keep]] + [[r[i] for i in keep if i < len(r)] for r in rows]
    got = [[unguard(c) for c in r] for r in csv.reader(io.StringIO(open(fcsv, encoding='utf-8').read()))]
    bad = 0
    # The HTML may cut long wordings ("…"): compare their beginnings.
    def same(a, b):
        a, b = a.strip(), b.strip()
        return a == b or (a.endswith('\u2026') and b.startswith(a[:-1].rstrip()))
    if len(got) != len(want):
        print('CSV has %d rows, the page %d' % (len(got), len(want)))
        bad = 1
    for i, (w, g) in enumerate(zip(want, got)):
        if len(w) != len(g) or not all(same(a, b) for a, b in zip(w, g)):
            print('CSV row %d: %r, the page: %r' % (i, g, w))
            bad = 1
            break
    x = xlsx_rows(fxlsx)
    for i, (g, r) in enumerate(zip(got, x)):
        r = r + [''] * (len(g) - len(r))
        if [str(c) for c in r[:len(g)]] != [unguard(c) if False else c for c in g]:
            # numbers may be written 12 or 12.5; text exactly
            if not all(a.strip() == b.strip() or (re.fullmatch(r'[-+]?[\d.]+', a or '0') and
                                  float(a or 0) == float(b or 0))
                       for a, b in zip(g, r)):
                print('XLSX row %d: %r, the CSV: %r' % (i, r, g))
                bad = 1
                break
    if len(x) != len(got):
        print('XLSX has %d rows, the CSV %d' % (len(x), len(got)))
        bad = 1
    return bad


sys.exit(main())
