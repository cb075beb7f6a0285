# 'lmpmon check': data-quality findings and the verification of the 2017
# review's printed figures (data/cambodia-lmp-2015-2018/claims-2017.csv).
. "$(dirname "$0")/lib.sh"

"$LMPMON" --db "$(db s)" init --sample cambodia-lmp-2015-2018 >/dev/null || fail "sample"

run --db "$(db s)" check
expect_status 0
expect_golden check_all.txt
# What a careful reader of the annex finds:
expect_out 'error   narrative_contradicts_rating     4.8    2017  rated Progressing but the narrative says "not on target"'
expect_out 'error   narrative_contradicts_rating     16.8   2016  rated Progressing but the narrative says "no evidence"'
expect_out 'warning stale_narrative                  3.3    2017  the narrative carries forward ("see last year")'
expect_out 'warning no_responsible                   5.4    2017'

run --db "$(db s)" check --round 2017 --format json
expect_status 0
expect_golden check_2017.json
# Every finding has the documented keys.
n=$(grep -c '"rule":' out.txt)
[ "$n" = "$(grep -c '"severity":' out.txt)" ] && [ "$n" = "$(grep -c '"message":' out.txt)" ] &&
    [ "$n" = "$(grep -c '"activity":' out.txt)" ] && [ "$n" = "$(grep -c '"round": "2017"' out.txt)" ] ||
    fail "findings lack keys"

run --db "$(db s)" check --claims "$SAMPLE/claims-2017.csv"
expect_status 0
expect_golden claims_2017.txt
expect_out "15 claims: 7 hold, 6 wrong_percent, 1 wrong_count, 1 wrong_denominator"

run --db "$(db s)" check --claims "$SAMPLE/claims-2017.csv" --format json
expect_status 0
expect_golden claims_2017.json

# Bad claims files name the line, column and field.
printf 'claim,round,group,statuses,numerator,denominator,percent,since,sentence\nx,2017,all,done,1,2,50,,s\n' >bad1.csv
run --db "$(db s)" check --claims bad1.csv
expect_status 1
expect_err "cannot read claims 'bad1.csv': line 2, column 4 (statuses): unknown statuses 'done'"
printf 'claim,round,group,statuses,numerator,denominator,percent,since,sentence\nx,2017,Nowhere,on_target,1,2,50,,s\n' >bad2.csv
run --db "$(db s)" check --claims bad2.csv
expect_status 1
expect_err "line 2: no group 'Nowhere'"
printf 'claim,round,group,statuses,numerator,denominator,percent,since,sentence\nx,2017,all,on_target,one,2,50,,s\n' >bad3.csv
run --db "$(db s)" check --claims bad3.csv
expect_status 1
expect_err "line 2, column 5 (numerator): 'one' is not a whole number"
run --db "$(db s)" check --round 2030
expect_status 1
expect_err "no round '2030'"

finish
