# Complainants' personal details (name, phone, ID document) appear only
# where the issue allows them: the case pages and API of admins and of case
# officers of the case's organisation, and 'case export --with-personal'.
# A planted name, phone and ID number are searched for in everything else:
# every report and export, the pages and API answers for every other
# reader (viewer, public, reporter, officer, another organisation's case
# officer), error pages, and the server's log.
. "$(dirname "$0")/lib.sh"

NAME="Plantedname Sokunthea"
PHONE="+855 12 987 654"
IDDOC="N0PLANTED4242"

make_db "$(db d)"
echo "$PASS" | "$LMPMON" --db "$(db d)" user add lscw --role case_officer --org LSCW >/dev/null
echo "$PASS" | "$LMPMON" --db "$(db d)" user add camfeba --role case_officer --org CAMFEBA >/dev/null
cat >cases.csv <<EOF
case_no,lodged_on,resolved_on,sex,assisting_org,province,destination,satisfied,stage,complaint_types,complainant_name,phone,id_document,compensation_requested,compensation_ordered,compensation_paid
PRIV-1,2018-01-10,2018-02-10,female,LSCW,Prey Veng,Thailand,yes,resolved,unpaid_wages,$NAME,$PHONE,$IDDOC,500,300,100
PRIV-2,2018-01-12,,male,LSCW,Kandal,Thailand,unknown,lodged,deception,Another Person,+855 11 111 111,N0OTHER,0,0,0
EOF
"$LMPMON" --db "$(db d)" case import cases.csv >import.out 2>&1 || fail "case import: $(cat import.out)"

# planted FILE WHAT: FILE must hold none of the planted details.
planted() {
    for s in "$NAME" "$PHONE" "$IDDOC" "Plantedname" "987 654" "PLANTED4242"; do
        if grep -qF "$s" "$1"; then
            fail "$2 shows '$s'"
        fi
    done
}

# ---- the command line ---------------------------------------------------
grep -qF "$NAME" import.out && fail "the import's summary shows a name"
for f in csv json html xlsx; do
    "$LMPMON" --db "$(db d)" report complaints --format $f --out "rep.$f" >/dev/null 2>&1 ||
        fail "report complaints --format $f"
done
unzip -p rep.xlsx >rep.xlsx.txt 2>/dev/null
for f in rep.csv rep.json rep.html rep.xlsx.txt; do planted "$f" "report complaints ($f)"; done
"$LMPMON" --db "$(db d)" case export --out exp.csv >/dev/null 2>&1 || fail "case export"
planted exp.csv "case export without --with-personal"
"$LMPMON" --db "$(db d)" case export --format xlsx --out exp.xlsx >/dev/null 2>&1 || fail "case export xlsx"
unzip -p exp.xlsx >exp.xlsx.txt
planted exp.xlsx.txt "case export --format xlsx without --with-personal"
"$LMPMON" --db "$(db d)" case export --with-personal --out personal.csv >/dev/null 2>&1
grep -qF "$IDDOC" personal.csv || fail "case export --with-personal lacks the ID document"
"$LMPMON" --db "$(db d)" export --format json --out all.json >/dev/null 2>&1
planted all.json "export --format json"
"$LMPMON" --db "$(db d)" report review --round 2017 --format html --out review.html >/dev/null 2>&1
planted review.html "report review"
"$LMPMON" --db "$(db d)" check >check.out 2>&1
planted check.out "check"
# A refused import of a bad row names the row and column, not the person.
sed 's/^PRIV-1,2018-01-10/PRIV-3,2018-13-10/' cases.csv >bad.csv
"$LMPMON" --db "$(db d)" case import bad.csv >bad.out 2>&1 && fail "a bad date was imported"
planted bad.out "a refused case import's message"

# ---- the web ------------------------------------------------------------
start_server "$(db d)" --public
login lscw
login camfeba
login viewer
login officer
login molvt
login admin

curl -s -b lscw.jar "$BASE/case/PRIV-1" >own.html
grep -qF "$IDDOC" own.html || fail "the case officer of LSCW does not see the ID document"
curl -s -b admin.jar "$BASE/case/PRIV-1" | grep -qF "$PHONE" || fail "the admin does not see the phone"

for who in camfeba viewer officer molvt; do
    for path in /case/PRIV-1 /cases /complaints /complaints?year=2018 /api/cases \
        /api/case/PRIV-1 / /rounds /case/PRIV-1/edit; do
        curl -s -b "$who.jar" "$BASE$path" >page.out
        planted page.out "$path for $who"
    done
done
for path in /case/PRIV-1 /cases /complaints / /api/case/PRIV-1; do
    curl -s "$BASE$path" >page.out
    planted page.out "$path for the public"
done
# A change refused on a case outside one's scope says nothing of it.
t=$(csrf_of camfeba /cases)
curl -s -b camfeba.jar -o refused.out --data-urlencode "csrf=$t" \
    --data-urlencode "stage=resolved" --data-urlencode "on=2018-03-01" \
    "$BASE/case/PRIV-1/stage"
planted refused.out "a refused stage change"
stop_server
planted serve.err "the server's log"
planted serve.out "the server's output"
finish
