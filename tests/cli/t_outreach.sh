# Outreach events, media coverage and statistics (docs/formats/
# outreach-csv.md): each kind goes out and back in as CSV and as XLSX
# giving the same records; importing the same file again changes nothing
# and says so; places and organisations written the ways people write them
# resolve; every kind of bad file is refused naming line, column and
# field, with nothing written.
. "$(dirname "$0")/lib.sh"

# The sample's directory and plan, without its briefing data.
"$LMPMON" --db "$(db a)" init >/dev/null || fail "init"
"$LMPMON" --db "$(db a)" import "$SAMPLE/plan.json" "$SAMPLE/annex.csv" >/dev/null || fail "plan"
db_cp a empty

cat >events.csv <<'CSV'
date,date_to,title,kind,status,places,organisations,plan,activities,women,men,unknown,total,currency,requested,ordered,purpose,attendees,notes
2019-07-30,,AFML preparatory meeting,meeting,held,Phnom Penh,MOLVT; TRIANGLE in ASEAN,cambodia-lmp-2015-2018,1.1; 4.8,11,39,,,,,,,,13 recommendations
2019-09-12,2019-09-13,"Gender and statistics, a training",Training,,phnom penh;PreyVeng,ILO;UN Women,,,27,16,,43,,,,,,
2017-04-01,2019-07-31,Dispute resolutions,legal_assistance,held,Kompong Cham,Legal Support for Children and Women,,,23,44,,67,USD,,84600,,,
2019-12-05,,Annual action plan workshop,workshop,planned,KH-12,MOLVT,,,,,,,,,,To discuss the policy,"Tripartite constituents, UN",
CSV
run --db "$(db a)" outreach import events.csv
expect_status 0
expect_out "4 events in 'events.csv': 4 new or changed"
run --db "$(db a)" outreach import events.csv
expect_status 0
expect_out "4 events in 'events.csv': no changes"
[ "$(db_sql a "SELECT count(*) FROM outreach")" = 4 ] || fail "events not stored once each"
# Places are stored by code, organisations by acronym, whatever the spelling.
[ "$(db_sql a "SELECT code FROM outreach_place JOIN outreach o
    ON o.id = outreach_id WHERE o.title LIKE 'Gender%' ORDER BY code" | tr '\n' ' ')" = "KH-12 KH-14 " ] ||
    fail "places not stored by code"
[ "$(db_sql a "SELECT g.acronym FROM outreach_org l JOIN org g ON g.id = l.org_id
    JOIN outreach o ON o.id = l.outreach_id WHERE o.title = 'Dispute resolutions'")" = LSCW ] ||
    fail "an organisation's full name not resolved"
# Linked activities are the plan's nodes.
[ "$(db_sql a "SELECT n.code FROM outreach_node l JOIN node n
    ON n.id = l.node_id ORDER BY l.position" | tr '\n' ' ')" = "1.1 4.8 " ] || fail "activities not linked"
# A total left out is women + men.
[ "$(db_sql a "SELECT total FROM outreach WHERE title = 'AFML preparatory meeting'")" = 50 ] ||
    fail "the total of W11: M39 is not 50"
COLUMNS=200 run --db "$(db a)" outreach list --quarter 2019Q3
expect_status 0
expect_out "43 (W27: M16)"
expect_out "Gender and statistics"
# By date, the earliest first.
[ "$(awk 'NR > 1 { print $1 }' out.txt | tr '\n' ' ')" = "2019-07-30 2019-09-12 " ] ||
    fail "2019Q3's events are not listed by date: $(cat out.txt)"
grep -q "Dispute" out.txt && fail "a 2017 event listed in 2019Q3"
grep -q "KH-" out.txt && fail "a place shown by its code"
# A quarter as the briefing reads it: 2019-Q3 is 2019Q3; 2019Q7 is refused.
cp out.txt q3.txt
COLUMNS=200 run --db "$(db a)" outreach list --quarter 2019-Q3
cmp -s out.txt q3.txt || fail "2019-Q3 lists other events than 2019Q3"
run --db "$(db a)" outreach list --quarter 2019Q7
expect_status 2
expect_err "'2019Q7' is not a quarter"

cat >media.csv <<'CSV'
date,title,outlet,link
2019-08-26,"Japanese centre ordered to stop training, sending workers",Phnom Penh Post,https://www.phnompenhpost.com/national/japanese-centre-ordered-stop-training-sending-workers
2019-09-19,Cambodia to curb recruitment fees,Bangkok Post,
CSV
run --db "$(db a)" media import media.csv
expect_status 0
expect_out "2 articles in 'media.csv': 2 new or changed"

cat >stats.csv <<'CSV'
measure,destination,channel,sex,period,source,value,note
stock,Thaïland,MOU,total,2018-05,"Office of Foreign Workers Administration, Thailand",311290,
stock,TH,mou,women,2018-05,"Office of Foreign Workers Administration, Thailand",129680,
stock,Thailand,MOU,men,2018-05,"Office of Foreign Workers Administration, Thailand",181610,
stock,Korea,other,total,2016-01,"Department of Employment and Manpower, MOLVT",43571,
stock,Thailand,one-stop,total,2019-08,"Department of Employment, Thailand",304660,
CSV
run --db "$(db a)" stats import stats.csv
expect_status 0
expect_out "5 figures in 'stats.csv': 5 new or changed"
run --db "$(db a)" stats import stats.csv
expect_out "no changes"
[ "$(db_sql a "SELECT DISTINCT destination FROM stat_obs ORDER BY 1" | tr '\n' ',')" = "KR,TH," ] ||
    fail "destinations not stored as ISO codes"
COLUMNS=200 run --db "$(db a)" stats list
expect_out "Republic of Korea"
expect_out "One-stop service registration"

# Round trips: an export imported into an empty database exports the same
# bytes, through CSV and through XLSX; and importing it where it came from
# changes nothing.
for kind in outreach media stats; do
    "$LMPMON" --db "$(db a)" $kind export --out $kind-a.csv || fail "$kind export"
    "$LMPMON" --db "$(db a)" $kind export --out $kind-a.xlsx || fail "$kind xlsx export"
    unzip -l $kind-a.xlsx >/dev/null 2>&1 || fail "$kind: the xlsx export is not a zip archive"
    for via in csv xlsx; do
        db_rm r && db_cp empty r
        run --db "$(db r)" $kind import $kind-a.$via
        expect_status 0
        "$LMPMON" --db "$(db r)" $kind export --out $kind-r.csv
        cmp -s $kind-a.csv $kind-r.csv || fail "$kind changed on the way through $via"
        run --db "$(db a)" $kind import $kind-a.$via
        expect_out "no changes"
    done
done
head -c 3 outreach-a.csv | od -An -tx1 | grep -q "ef bb bf" || fail "no byte-order mark"

# Bad files: each refused with its line, column and field; nothing written.
before=$(db_state a)
bad() { # bad KIND FILE MESSAGE...
    kind=$1 file=$2
    shift 2
    run --db "$(db a)" $kind import $file
    expect_status 1
    for m in "$@"; do expect_err "$m"; done
    [ "$(db_state a)" = "$before" ] || fail "$file: something was written"
}
printf 'date,title,kind,places\n2019-10-01,Ok event,meeting,Kampot\n2019-10-02,Bad place,meeting,Prey Vang\n' >b1.csv
bad outreach b1.csv "cannot import 'b1.csv': line 3, column 4 (places): unknown place 'Prey Vang'" "'Prey Veng'"
printf 'date,title,kind,women,men,total\n2019-10-02,Bad sums,training,1,2,4\n' >b2.csv
bad outreach b2.csv "line 2, column 6 (total): 4 is not women + men (1 + 2 = 3)"
printf 'date,title,kind,organisations\n2019-10-02,Who,training,MOLTV\n' >b3.csv
bad outreach b3.csv "line 2, column 4 (organisations): unknown organisation 'MOLTV'" "'MOLVT'"
printf 'date,title,kind\n2019-10-02,Odd kind,seminar\n' >b4.csv
bad outreach b4.csv "line 2, column 3 (kind): 'seminar' is none of training"
printf 'date,title,kind,status,total\n2019-12-02,Later,meeting,planned,30\n' >b5.csv
bad outreach b5.csv "line 2, column 4 (status): a planned event"
printf 'date,title,kind\n2019-31-12,Bad date,meeting\n' >b6.csv
bad outreach b6.csv "line 2, column 1 (date): '2019-31-12' is not a date"
printf 'date,title,kind,room\n2019-10-02,x,meeting,A\n' >b7.csv
bad outreach b7.csv "line 1, column 4: unknown column 'room'"
printf 'date,title,kind\n2019-10-02,Twice,meeting\n2019-10-02,Twice,workshop\n' >b8.csv
bad outreach b8.csv "line 3: the same date and title as line 2"
printf 'date,title,kind,activities\n2019-10-02,Linked,training,4.8\n' >b16.csv
bad outreach b16.csv "line 2 (plan): needed to name the linked activities"
printf 'date,title,kind,plan,activities\n2019-10-02,Linked,training,cambodia-lmp-2015-2018,99.9\n' >b17.csv
bad outreach b17.csv "line 2, column 5 (activities): no activity '99.9' in plan 'cambodia-lmp-2015-2018'"
printf 'date,title\n2019-10-02,No outlet\n' >b9.csv
bad media b9.csv "line 1: missing column 'outlet'"
printf 'date,title,outlet\n2019-10-02,,Khmer Times\n' >b10.csv
bad media b10.csv "line 2, column 2 (title): missing"
printf 'measure,destination,channel,sex,period,source,value\nstock,Atlantis,mou,total,2018-05,X,1\n' >b11.csv
bad stats b11.csv "line 2, column 2 (destination): unknown country 'Atlantis'"
printf 'measure,destination,channel,sex,period,source,value\nstock,Thailand,MOU,women,2018-05,"Office of Foreign Workers Administration, Thailand",129681\n' >b12.csv
bad stats b12.csv "line 2, column 7 (value): total 311290 is not women + men (129681 + 181610 = 311291)"
printf 'measure,destination,channel,sex,period,source,value\nstock,Japan,bus,total,2016-01,X,5\n' >b13.csv
bad stats b13.csv "line 2, column 3 (channel): 'bus' is none of mou"
printf 'measure,destination,channel,sex,period,source,value\nstock,Japan,mou,total,May 2018,X,5\n' >b14.csv
bad stats b14.csv "line 2, column 5 (period): 'May 2018' is not a reference date or period"
printf 'measure,destination,channel,sex,period,source,value\nstock,Japan,mou,total,2016-01,X,"2,383"\n' >b15.csv
bad stats b15.csv "line 2, column 7 (value): '2,383' is not a whole number (write 311290, not 311,290)"

# A bad spreadsheet: its row is the line.
python3 - bad.xlsx <<'PY'
import sys, zipfile
rows = [["date", "title", "kind", "women", "men", "total"],
        ["2019-10-03", "Fine", "meeting", "1", "1", "2"],
        ["2019-10-04", "Wrong", "meeting", "5", "5", "11"]]
def cell(v, c, r):
    ref = "ABCDEF"[c] + str(r)
    return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, v)
sheet = "".join('<row r="%d">%s</row>' % (i + 1, "".join(cell(v, c, i + 1) for c, v in enumerate(row)))
                for i, row in enumerate(rows))
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
    z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook %s xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>' % NS)
    z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    z.writestr("xl/worksheets/sheet1.xml", '<?xml version="1.0"?><worksheet %s><sheetData>%s</sheetData></worksheet>' % (NS, sheet))
PY
bad outreach bad.xlsx "cannot import 'bad.xlsx': line 3, column 6 (total): 11 is not women + men"
finish
