# Hostile spreadsheets for t_xlsx_limits.sh, built at test time instead of
# checked in: each is small on disk and unpacks (or expands) to far more.
#
#   python3 mkxlsx.py sheet-bomb OUT MIB       sheet XML of MIB MiB (blanks)
#   python3 mkxlsx.py lying-bomb OUT MIB       the same, but the archive's
#                                              directory claims 1,000 bytes
#   python3 mkxlsx.py sst-bomb OUT KIB CELLS   one shared string of KIB KiB
#                                              referenced by CELLS cells
#   python3 mkxlsx.py cell OUT REF             a header row, then one cell
#                                              at REF (e.g. FXSHRXW2)
#   python3 mkxlsx.py row OUT N                a header row, then row N
#   python3 mkxlsx.py inline OUT KIB           a cell of KIB KiB of text
#   python3 mkxlsx.py doctype OUT              a sheet with a DOCTYPE
import struct
import sys
import zipfile

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
PARTS = {
    '[Content_Types].xml':
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
        'openxmlformats.org/package/2006/content-types"><Default Extension='
        '"xml" ContentType="application/xml"/></Types>',
    'xl/workbook.xml':
        '<?xml version="1.0" encoding="UTF-8"?><workbook ' + NS +
        ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/>'
        '</sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://'
        'schemas.openxmlformats.org/package/2006/relationships"><Relationship'
        ' Id="rId1" Type="x" Target="worksheets/sheet1.xml"/></Relationships>',
}
HEAD = ('<?xml version="1.0" encoding="UTF-8"?><worksheet ' + NS +
        '><sheetData>')
TAIL = '</sheetData></worksheet>'
HEADER_ROW = ('<row r="1"><c r="A1" t="inlineStr"><is><t>case_no</t></is></c>'
              '<c r="B1" t="inlineStr"><is><t>lodged_on</t></is></c></row>')


def book(path, sheet, sst=None):
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, text in PARTS.items():
            z.writestr(name, text)
        if sst is not None:
            z.writestr('xl/sharedStrings.xml', sst)
        with z.open('xl/worksheets/sheet1.xml', 'w', force_zip64=False) as f:
            for chunk in sheet:
                f.write(chunk.encode())


def blanks(mib):
    yield HEAD
    block = ' ' * (1 << 20)
    for _ in range(mib):
        yield block
    yield TAIL


def lie(path, name, size):
    """Rewrite the uncompressed size of part name, in its local header and
    in the central directory, to size."""
    data = bytearray(open(path, 'rb').read())
    key = name.encode()
    i = 0
    while True:
        i = data.find(b'PK\x03\x04', i)
        if i < 0:
            break
        n = struct.unpack_from('<H', data, i + 26)[0]
        if data[i + 30:i + 30 + n] == key:
            struct.pack_into('<I', data, i + 22, size)
        i += 4
    i = 0
    while True:
        i = data.find(b'PK\x01\x02', i)
        if i < 0:
            break
        n = struct.unpack_from('<H', data, i + 28)[0]
        if data[i + 46:i + 46 + n] == key:
            struct.pack_into('<I', data, i + 24, size)
        i += 4
    open(path, 'wb').write(data)


def main(argv):
    kind, out = argv[1], argv[2]
    if kind == 'sheet-bomb':
        book(out, blanks(int(argv[3])))
    elif kind == 'lying-bomb':
        book(out, blanks(int(argv[3])))
        lie(out, 'xl/worksheets/sheet1.xml', 1000)
    elif kind == 'sst-bomb':
        text = 'x' * (int(argv[3]) * 1024)
        sst = ('<?xml version="1.0" encoding="UTF-8"?><sst ' + NS + '><si><t>'
               + text + '</t></si></sst>')
        ncell = int(argv[4])

        def rows():
            yield HEAD
            for r in range(ncell // 10):
                yield '<row>' + '<c t="s"><v>0</v></c>' * 10 + '</row>'
            yield TAIL
        book(out, rows(), sst)
    elif kind == 'cell':
        book(out, [HEAD, HEADER_ROW, '<row><c r="%s" t="inlineStr"><is><t>x'
                   '</t></is></c></row>' % argv[3], TAIL])
    elif kind == 'row':
        book(out, [HEAD, HEADER_ROW, '<row r="%s"><c t="inlineStr"><is><t>x'
                   '</t></is></c></row>' % argv[3], TAIL])
    elif kind == 'inline':
        book(out, [HEAD, HEADER_ROW, '<row><c t="inlineStr"><is><t>' +
                   'x' * (int(argv[3]) * 1024) + '</t></is></c></row>', TAIL])
    elif kind == 'doctype':
        book(out, ['<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE worksheet'
                   ' [<!ENTITY a "aaaaaaaaaa">]><worksheet ' + NS +
                   '><sheetData>', HEADER_ROW, TAIL])
    else:
        sys.exit('unknown kind ' + kind)


main(sys.argv)
