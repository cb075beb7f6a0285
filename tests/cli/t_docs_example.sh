# The worked example of docs/formats/annex-csv.md does what the page says.
. "$(dirname "$0")/lib.sh"

awk '/^```csv$/ { on = 1; next } /^```$/ { on = 0 } on' \
    "$SRC/docs/formats/annex-csv.md" >example.csv
[ -s example.csv ] || fail "no csv block found in annex-csv.md"

"$LMPMON" --db "$(db d)" init --sample cambodia-lmp-2015-2018 >/dev/null
run --db "$(db d)" import --plan demo example.csv
expect_status 0
run --db "$(db d)" round list --plan demo
expect_out "demo  2016"
expect_out "open"
run --db "$(db d)" export --plan demo
expect_status 0
expect_out ",10.2,Provide legal counselling and assistance to migrant workers.,MOLVT; PDOLVT,ILO; NGOs,"
expect_out ",Progressing,,"
expect_out 'USD 6,755 ordered.",On Target'
expect_out ",10.3,Monitor compensation payments.,MOLVT,,,,,Monitor compensation payments.,,Not on Target"
grep -c '^10,' out.txt | grep -qx 2 || fail "expected two rows under goal 10"

finish
