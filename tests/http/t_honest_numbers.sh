# Honest numbers while a round collects (issue 11): the dashboard says how
# far collection is and counts only what has been rated, never "0 per cent
# (0 out of 12)" or "-71 pts" for an open round nobody has rated yet; the
# plan tree shows each activity's latest rated assessment with its round;
# a published round never reports statements as missing; the CLI's report
# follows the same rule (core/review.c).
. "$(dirname "$0")/lib.sh"

make_db "$(db d)"
start_server "$(db d)"
login officer
login molvt

# text FILE: the page's visible text, one line.
text() {
    sed 's/<[^>]*>/ /g; s/&amp;/\&/g' "$1" | tr -s ' \n' ' '
}

# --- nothing rated yet -------------------------------------------------
curl -s -b officer.jar "$BASE/" >d0.html
text d0.html >d0.txt
grep -q '2018 review is collecting: 0 of 103 activities rated so far' d0.txt ||
    fail "the dashboard does not say how far collection is: $(head -c 300 d0.txt)"
grep -q 'Nothing is counted or compared until ratings come in' d0.txt ||
    fail "the dashboard does not say it counts nothing yet"
grep -q '[^0-9]0 per cent' d0.txt && fail "the dashboard counts the unrated open round as 0 per cent"
grep -q 'pts\|[-−][0-9][0-9]* ' d0.txt && fail "the dashboard compares the unrated open round"
# What it shows instead: the round before, whole.
grep -q 'Overall, 77 per cent of the activities (79 out of 103)' d0.txt ||
    fail "the dashboard does not show the 2017 round in its place"
grep -q '0 of 291 statements owed by the responsible bodies are in, 291 not yet' d0.txt ||
    fail "the open round's statements are not counted"

# The plan tree: latest rated assessments, with their round.
curl -s -b officer.jar "$BASE/plan" >plan.html
n=$(grep -o 'class="rating r-not_rated"' plan.html | wc -l)
[ "$n" = 0 ] || fail "the plan tree shows $n activities not rated (the open round's blank ratings)"
grep -q '<span class="rating r-progressing">Progressing</span> <span class="small">2017 progress review</span>' plan.html ||
    fail "the plan tree does not name the round of each rating"

# --- one activity rated ------------------------------------------------
code=$(post molvt /activity/4.8/statement round=2018 version=0 action=submit \
    rating=on_target "text=MOLVT trained 120 border officials.")
[ "$code" = 303 ] || fail "submit: $code"
v=$(version_of officer /activity/4.8 /activity/4.8/review)
code=$(post officer /activity/4.8/review round=2018 "version=$v" action=approve \
    rating=on_target "progress=Training delivered.")
[ "$code" = 303 ] || fail "approve: $code"
curl -s -b officer.jar "$BASE/" >d1.html
text d1.html >d1.txt
grep -q '1 of 103 activities rated so far' d1.txt || fail "the dashboard does not count the rated activity"
grep -q '100 per cent of the activities rated so far (1 out of 1)' d1.txt ||
    fail "the shares are not of the rated activities: $(grep -o 'Overall[^.]*' d1.txt)"
grep -q '(0 out of 12)\|(0 out of 22)' d1.txt && fail "areas with nothing rated are still counted"
grep -q 'Change since 2017 progress review, in percentage points (the same activities, rated so far)' d1.txt ||
    fail "the comparison does not say it compares the same activities"
# 4.8 was Progressing in 2017, On Target now: +100 and -100 points among
# the one activity compared, never the -71 of 103 against 1.
grep -q '<td class="n">+100</td><td class="n">-100</td>' d1.html ||
    fail "the like-for-like change is not shown"
grep -q -- '-71\|−71' d1.txt && fail "the dashboard still compares all 2017 activities with one rated"
curl -s -b officer.jar "$BASE/plan" >plan1.html
grep -q 'On Target</span> <span class="small">2018 review</span>' plan1.html ||
    fail "the plan tree does not show 4.8's 2018 rating"
# The round's own page: the same progress line.
curl -s -b officer.jar "$BASE/round/2018" >r18.html
text r18.html | grep -q '1 of 103 activities rated so far; 1 of 291 statements owed by the responsible bodies is in, 290 not yet' ||
    fail "the round page's progress line: $(text r18.html | grep -o '[0-9]* of 103 activities[^.]*')"

# The JSON summary and the CLI's report use the same rule.
curl -s -b officer.jar "$BASE/api/round/2018/summary" >s.json
grep -q '"rated_only": true' s.json || fail "the summary of the open round does not say it counts rated activities only"
grep -q '"activities_rated": 1' s.json || fail "the summary does not count 1 rated activity"
"$LMPMON" --db "$(db d)" report review --round 2018 --compare 2017 --format md >r.md ||
    fail "report review of the open round"
grep -q 'Shares are of the activities rated so far in the round, which is still collecting' r.md ||
    fail "the CLI's report of an open round does not say what it counts"
grep -q 'So far 1 of 103 activities has been rated' r.md || fail "the CLI's report lacks the progress"

# --- a published round never reports statements as missing ------------
curl -s -b officer.jar "$BASE/round/2017" >r17.html
text r17.html >r17.txt
grep -q '103 of 103 activities rated; 0 of 291 statements owed by the responsible bodies were given' r17.txt ||
    fail "the published round's collection line: $(grep -o '[0-9]* of 103 activities[^.]*' r17.txt)"
grep -q 'not yet\|still missing' r17.txt && fail "a published round reports statements as missing"
for s in closed published; do
    code=$(post officer /admin/round round=2018 state=$s confirm=yes)
    [ "$code" = 303 ] || fail "round 2018 to $s: $code"
done
curl -s -b officer.jar "$BASE/round/2018" >r18p.html
text r18p.html | grep -q '1 of 103 activities rated; 1 of 291 statements owed by the responsible bodies was given' ||
    fail "the published 2018 round's line: $(text r18p.html | grep -o '[0-9]* of 103 activities[^.]*')"
text r18p.html | grep -q 'not yet' && fail "the published 2018 round reports statements as missing"
# Published, every activity counts again (the review's definition).
curl -s -b officer.jar "$BASE/" >d2.html
text d2.html | grep -q 'Overall, 1 per cent of the activities (1 out of 103)' ||
    fail "the published round is not counted over all its activities: $(text d2.html | grep -o 'Overall[^.]*')"
finish
