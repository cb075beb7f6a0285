"""csv_to_xlsx.py IN.csv OUT.xlsx — a workbook whose first sheet holds the
rows of IN.csv as inline strings, written as a spreadsheet program would
(tests of the importers that read XLSX: an annex table as a workbook)."""
import csv
import sys
import zipfile
from xml.sax.saxutils import escape

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def col(k):
    s = ""
    k += 1
    while k:
        k, r = divmod(k - 1, 26)
        s = chr(65 + r) + s
    return s


def main(src, out):
    rows = list(csv.reader(open(src, encoding="utf-8-sig", newline="")))
    sheet = "".join(
        '<row r="%d">%s</row>' % (n + 1, "".join(
            '<c r="%s%d" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>'
            % (col(k), n + 1, escape(v)) for k, v in enumerate(row)))
        for n, row in enumerate(rows))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml",
                   '<workbook %s xmlns:r="%s"><sheets><sheet name="Annex" '
                   'sheetId="1" r:id="rId1"/></sheets></workbook>' % (NS, REL))
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<Relationships xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/relationships"><Relationship Id="rId1" '
                   'Type="%s/worksheet" Target="worksheets/sheet1.xml"/>'
                   '</Relationships>' % REL)
        z.writestr("xl/worksheets/sheet1.xml",
                   "<worksheet %s><sheetData>%s</sheetData></worksheet>"
                   % (NS, sheet))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
