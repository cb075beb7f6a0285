# Khmer and English: every page the route table knows, asked for with
# Accept-Language: km, shows no English word of the catalogue (po/km.po)
# where the same page in English shows it (data such as plan titles
# excepted: it reads alike in both, i18n_check.py); the language switch
# sets its cookie and the pages that follow are Khmer without the header,
# and back; error pages follow the language too; the server refuses to
# start with a language it cannot serve.
. "$(dirname "$0")/lib.sh"

# The catalogue with every string of the template (po/lmpmon.pot, kept
# current by the build): one missing from km.po shows in English.
msgmerge -q --no-fuzzy-matching -o km.po "$SRC/po/km.po" "$SRC/po/lmpmon.pot" ||
    fail "msgmerge"
PO=$SCRATCH/km.po
CHECK=$SRC/tests/http/i18n_check.py
make_db "$(db d)"
start_server "$(db d)" --public
for u in admin officer molvt cases; do login "$u"; done

# km ID: the Khmer of msgid ID (the catalogue's, as the check reads it).
km() {
    python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import i18n_check as c; print(c.read_po(sys.argv[2]).get(sys.argv[3], ""))' \
        "$SRC/tests/http" "$PO" "$1"
}
KM_PLAN=$(km Plan)
KM_LOGIN=$(km "Log in")
[ -n "$KM_PLAN" ] || fail "po/km.po has no Khmer for 'Plan'"

# A concrete address for each page of 'lmpmon routes' (GET, HTML pages:
# not the assets, the JSON API or the switch itself).
RESET=$("$LMPMON" --db "$(db d)" user reset officer2 2>/dev/null) || fail "user reset"
# An event MOLVT took part in, an article and a statistics figure.
OID=$(db_sql d "SELECT id FROM outreach WHERE title LIKE 'Meeting to finalize the Code%'")
MID=$(db_sql d "SELECT min(id) FROM media")
SID=$(db_sql d "SELECT min(id) FROM stat_obs")
address() {
    # A chapter of the open round: its editor's form and help.
    echo "$1" | sed 's|/activity/{}|/activity/4.8|; s|/org/{}|/org/MOLVT|;
        s|^/round/{}/chapter/{}$|/round/2018/chapter/findings|;
        s|/round/{}|/round/2017|; s|/case/{}|/case/C-1|; s|^/reset/{}$|'"$RESET"'|;
        s|^/outreach/{}$|/outreach/'"$OID"'|; s|^/media/{}$|/media/'"$MID"'|;
        s|^/statistics/{}$|/statistics/'"$SID"'|'
}
post cases /cases case_no=C-1 lodged_on=2018-05-01 sex=female channel=ngo \
    legal_status=unknown currency=USD >/dev/null
"$LMPMON" --db "$(db d)" export --format json --out data.json || fail "export"
"$LMPMON" routes >routes.txt || fail "lmpmon routes"
# The review report is translated, but its annex prints the statements'
# narratives, whose English ("Yes, this is ...") this check would take for
# the catalogue's ("Yes, %s"): it is checked on its own below (and by
# cli/t_report_khmer.sh).
awk '$1 == "GET" { print $2 }' routes.txt |
    grep -v '^/static/\|^/api/\|^/language$\|^/login$' |
    grep -v '^/round/{}/report$' >pages.txt
[ "$(wc -l <pages.txt)" -ge 10 ] || fail "too few pages in the route table: $(cat pages.txt)"

# Each page as the user who sees the most of it: the admin, the reporter
# for its tasks, the case officer for cases.
npage=0
while read -r route; do
    path=$(address "$route")
    for u in admin molvt; do
        case $route in /cases* | /case/*) [ $u = molvt ] && continue ;; esac
        curl -s -b "$u.jar" -H 'Accept-Language: en' -o en.html "$BASE$path"
        curl -s -b "$u.jar" -H 'Accept-Language: km-KH,km;q=0.9,en;q=0.5' \
            -D km.head -o km.html "$BASE$path"
        grep -q '<html lang="km">' km.html ||
            fail "$u $path in Khmer: no <html lang=\"km\">"
        grep -qi '^content-language: km' km.head ||
            fail "$u $path in Khmer: Content-Language is not km"
        grep -q '<html lang="en">' en.html ||
            fail "$u $path in English: no <html lang=\"en\">"
        if ! python3 "$CHECK" "$PO" en.html km.html data.json >left.txt; then
            fail "$u $path in Khmer still shows in English:
$(cat left.txt)"
        fi
        npage=$((npage + 1))
    done
done <pages.txt

# The review report in Khmer says its sentences in Khmer, with the English
# report's numbers: the overall one is the catalogue's, so filled.
curl -s -b admin.jar -H 'Accept-Language: en' -o en.html "$BASE/round/2017/report"
curl -s -b admin.jar -H 'Accept-Language: km' -o km.html "$BASE/round/2017/report"
KM_OVERALL=$(km "Overall, %ld per cent of the activities (%zu out of %zu) are progressing or on target, and %ld per cent (%zu out of %zu) are on target (completed).")
[ -n "$KM_OVERALL" ] || fail "po/km.po lacks the review's overall sentence"
set -- $(grep -o '<li>Overall, [0-9][^<]*</li>' en.html | grep -o '[0-9][0-9]*')
[ $# = 6 ] || fail "the English review has no overall sentence with 6 numbers"
want=$(python3 -c 'import re, sys
args = iter(sys.argv[2:])
print(re.sub(r"%(ld|zu)", lambda m: next(args), sys.argv[1]))' "$KM_OVERALL" "$@")
grep -qF "<li>$want</li>" km.html ||
    fail "/round/2017/report in Khmer lacks: $want"
grep -q 'per cent' km.html && fail "/round/2017/report in Khmer still says 'per cent'"

# The login page and an error page, not logged in.
curl -s -H 'Accept-Language: en' -o en.html "$BASE/login"
curl -s -H 'Accept-Language: km' -o km.html "$BASE/login"
python3 "$CHECK" "$PO" en.html km.html data.json >left.txt ||
    fail "the login page in Khmer still shows in English: $(cat left.txt)"
grep -qF "$KM_LOGIN" km.html || fail "the login page in Khmer lacks '$KM_LOGIN'"
curl -s -H 'Accept-Language: en' -o en.html "$BASE/no/such/page"
curl -s -H 'Accept-Language: km' -o km.html "$BASE/no/such/page"
python3 "$CHECK" "$PO" en.html km.html data.json >left.txt ||
    fail "the 404 page in Khmer still shows in English: $(cat left.txt)"
grep -qF "$(km 'Not found')" km.html || fail "the 404 page in Khmer lacks its Khmer title"

# The switch: every page links to the other language and back to itself;
# following it sets the cookie, and the next pages are Khmer though the
# browser asks for English.
curl -s -b viewer.jar -H 'Accept-Language: en' -o plan.html "$BASE/plan?plan=x"
login viewer
curl -s -b viewer.jar -c viewer.jar -H 'Accept-Language: en' -o plan.html "$BASE/plan"
link=$(grep -o 'href="/language?lang=km[^"]*"' plan.html | head -1 |
    sed 's/^href="//; s/"$//; s/&amp;/\&/g')
[ -n "$link" ] || fail "the plan page has no link to Khmer"
case $link in *next=%2Fplan*) ;; *) fail "the switch does not come back to the page: $link" ;; esac
code=$(curl -s -b viewer.jar -c viewer.jar -D sw.head -o /dev/null -w '%{http_code}' \
    -H 'Accept-Language: en' "$BASE$link")
[ "$code" = 303 ] || fail "the switch answered $code, not 303"
grep -qi '^location: /plan' sw.head || fail "the switch does not lead back to /plan: $(cat sw.head)"
grep -qi '^set-cookie: lmpmon_lang=km' sw.head || fail "the switch sets no cookie: $(cat sw.head)"
curl -s -b viewer.jar -H 'Accept-Language: en' -o next.html "$BASE/plan"
grep -q '<html lang="km">' next.html || fail "after the switch, /plan is not Khmer"
grep -qF "$KM_PLAN" next.html || fail "after the switch, /plan lacks '$KM_PLAN'"
grep -q 'href="/language?lang=en' next.html || fail "the Khmer page has no link back to English"
curl -s -b viewer.jar -c viewer.jar -o /dev/null "$BASE/language?lang=en&next=%2Fplan"
curl -s -b viewer.jar -H 'Accept-Language: km' -o back.html "$BASE/plan"
grep -q '<html lang="en">' back.html ||
    fail "after switching back, /plan is not English (the cookie outranks Accept-Language)"
# A switch never leads off the site.
curl -s -D off.head -o /dev/null "$BASE/language?lang=km&next=//evil.example/"
tr -d '\r' <off.head | grep -qi '^location: /$' || fail "the switch followed a foreign next: $(cat off.head)"
code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/language?lang=fr&next=/")
[ "$code" = 400 ] || fail "an unknown language answered $code, not 400"

# Dates in the reader's language: the history of edits shows the month's
# name in Khmer.
post molvt /activity/4.8/statement round=2018 version=0 action=save \
    text="i18n test" rating=progressing >/dev/null
curl -s -b admin.jar -H 'Accept-Language: km' -o hist.html "$BASE/activity/4.8"
grep -q 'វិច្ឆិកា\|មករា\|កុម្ភៈ\|មីនា\|មេសា\|ឧសភា\|មិថុនា\|កក្កដា\|សីហា\|កញ្ញា\|តុលា\|ធ្នូ' hist.html ||
    fail "the history of edits in Khmer shows no Khmer month name"
stop_server

# The installation's default: --language km for a browser that asks for
# neither language.
start_server "$(db d)" --public --language km
curl -s -H 'Accept-Language: fr' -o fr.html "$BASE/login"
grep -q '<html lang="km">' fr.html || fail "--language km: a French browser does not get Khmer"
stop_server
timeout 20 "$LMPMON" --db "$(db d)" serve --listen 127.0.0.1:0 --language fr >bad.out 2>bad.err
[ $? = 2 ] || fail "--language fr was not refused as a usage error"
grep -q "en or km" bad.err || fail "--language fr: the message does not name the languages: $(cat bad.err)"
# Without the catalogue the server refuses to start, naming what is missing.
LMPMON_LOCALEDIR=$SCRATCH/nowhere timeout 20 "$LMPMON" --db "$(db d)" serve --listen 127.0.0.1:0 \
    >nocat.out 2>nocat.err
[ $? = 1 ] || fail "a server without its Khmer catalogue started"
grep -q "catalogue is missing" nocat.err ||
    fail "no catalogue: the message does not say so: $(cat nocat.err)"
echo "$npage pages compared in English and Khmer"
finish
