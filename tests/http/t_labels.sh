# Human labels for every code the pages show (issue 11): roles, ratings,
# round and workflow states, organisation kinds, link roles, data-quality
# rules and the history of an activity read as words; the codes stay only
# where machines read them (option values, class names, the JSON API).
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
start_server "$(db d)"
for u in admin officer molvt; do login "$u"; done

# text FILE: the page's visible text (tags and attribute values gone).
text() {
    sed 's/<[^>]*>/ /g; s/&amp;/\&/g; s/&#39;/'"'"'/g' "$1" | tr -s ' \n' ' '
}

# no_codes FILE WHAT: none of the codes shows as text on page FILE.
no_codes() {
    text "$1" >codes.txt
    for c in me_officer case_officer not_rated not_on_target on_target \
        development_partner un_agency trade_union private_sector \
        silent_responsible_org missing_rating narrative_contradicts_rating \
        proposed_rating action_point \
        '/2018/MOLVT' '/2018 '; do
        grep -qF -- "$c" codes.txt && fail "$2 shows the code '$c': $(grep -oF -- "$c" codes.txt | head -1)"
    done
    # States and roles start with a capital as labels: "Open", "Published".
    grep -q '(open)\|(published)\|(draft)\|>open<\|>published<' "$1" &&
        fail "$2 shows a state's key"
}

code=$(post molvt /activity/4.8/statement round=2018 version=0 action=submit \
    rating=progressing "text=MOLVT trained officials.")
[ "$code" = 303 ] || fail "submit: $code"
v=$(version_of officer /activity/4.8 /activity/4.8/review)
code=$(post officer /activity/4.8/review round=2018 "version=$v" action=return \
    rating=not_on_target progress=x "comment=Please give numbers")
[ "$code" = 303 ] || fail "return: $code"

for page in / /plan /rounds /round/2018 /round/2017 /activity/4.8 /org/MOLVT \
    /org/ILO /admin; do
    curl -s -b admin.jar "$BASE$page" >p.html
    no_codes p.html "$page"
done
curl -s -b molvt.jar "$BASE/org/MOLVT" >p.html
no_codes p.html "MOLVT's tasks"

# The words themselves.
curl -s -b officer.jar "$BASE/" >d.html
grep -q 'officer (M&amp;E officer)' d.html || fail "the header shows the role's key"
grep -q '(Open)' d.html || fail "the dashboard does not label the open round"
curl -s -b admin.jar "$BASE/admin" >a.html
grep -q '<td>M&amp;E officer</td>' a.html || fail "the users' table shows the role's key"
grep -q '<td>Published</td>' a.html || fail "the rounds' table shows the state's key"
grep -q '<td>UN agency</td>' a.html || fail "the organisations' table does not label the kind"
# Select boxes come from the same tables: value the key, text the label.
grep -q '<option value="me_officer">M&amp;E officer</option>' a.html || fail "the role select shows keys"
grep -q '<option value="trade_union">Trade union</option>' a.html || fail "the kind select shows keys"
curl -s -b officer.jar "$BASE/activity/4.8" >act.html
grep -q '<option value="not_rated">Not rated</option>' act.html || fail "the rating select shows keys"
grep -q '<option value="not_on_target" selected="selected">Not on Target</option>' act.html ||
    fail "the rating select lost the rating"
text act.html >act.txt
grep -q 'MOLVT (Returned, proposes Progressing)' act.txt || fail "the statement's state is not a label"
# The history in words: "2018 statement of MOLVT: status", old and new as
# labels.
grep -q '2018 statement of MOLVT: status Submitted Returned' act.txt ||
    fail "the history does not read as words: $(grep -o '2018 statement[^|]*' act.txt | head -3)"
grep -q '2018 assessment: rating Not rated Not on Target' act.txt ||
    fail "the rating change does not read as words"
grep -q '2018 statement of MOLVT: created as Submitted' act.txt || fail "a creation does not read as words"
curl -s -b officer.jar "$BASE/activity/4.8?table=history&format=csv" >h.csv
grep -q '2018 statement of MOLVT: status,Submitted,Returned' h.csv || fail "the history's download holds codes"
# Data-quality findings: rule and severity as words.
curl -s -b officer.jar "$BASE/round/2017" >r.html
grep -q 'Silent responsible body' r.html || fail "the findings show rule keys"
grep -q '>Note<' r.html || fail "the findings show severity keys"
curl -s -b molvt.jar "$BASE/org/MOLVT" >t.html
grep -q '<td>Responsible</td>' t.html || fail "the tasks show the link role's key"
grep -q 'class="badge returned">Returned<' t.html || fail "the returned task does not say so"
grep -q 'Please give numbers' t.html && fail "the organisation's page, which anyone reads, shows the officer's comment"
curl -s -b molvt.jar "$BASE/activity/4.8" | grep -q 'Please give numbers' ||
    fail "the reporter does not see the officer's comment in its statement's thread"
# The complaints register's codes too: sex, legal status, channel, stage,
# complaint types, satisfaction.
echo "$PASS" | "$LMPMON" --db "$(db d)" user add lscw --role case_officer --org LSCW >/dev/null
login lscw
code=$(post lscw /cases case_no=L-1 lodged_on=2019-01-31 channel=mrc sex=female \
    legal_status=irregular province=Kandal destination=Thailand type=unpaid_wages \
    type=confiscated_documents requested=100 currency=USD)
[ "$code" = 303 ] || fail "opening a case: $code"
v=$(version_of lscw /case/L-1 /case/L-1/stage)
code=$(post lscw /case/L-1/stage stage=closed_unresolved on=2019-03-01 "version=$v")
[ "$code" = 303 ] || fail "recording a stage: $code"
for page in /cases /case/L-1 /cases/new; do
    curl -s -b lscw.jar "$BASE$page" >c.html
    text c.html >c.txt
    for c in unpaid_wages confiscated_documents closed_unresolved irregular mrc female; do
        grep -qw -- "$c" c.txt && fail "$page shows the case code '$c'"
    done
done
curl -s -b lscw.jar "$BASE/case/L-1" >c.html
text c.html >c.txt
grep -q 'Unpaid wages, Confiscated documents' c.txt || fail "complaint types are not labels"
grep -q 'Closed, unresolved' c.txt || fail "the stage is not a label"
grep -q 'Female, Irregular' c.txt || fail "sex and legal status are not labels"
grep -q '2019-01-31 (Migrant Worker Resource Centre)' c.txt || fail "the channel is not a label"
grep -q '<option value="court">Referred to court</option>' c.html || fail "the stage select shows keys"
curl -s -b lscw.jar "$BASE/cases/new" | grep -q 'value="unpaid_wages"/> Unpaid wages' ||
    fail "the complaint types' boxes show keys"

# The API keeps the codes: machines read them.
curl -s -b officer.jar "$BASE/api/activity/4.8" | grep -q '"state": "returned"' ||
    fail "the API no longer gives the state's key"
finish
