# 'lmpmon import --create-orgs': names the directory does not know are
# refused (with suggestions) without it and created with it (kind other,
# the name as acronym and full name), once each however often and however
# spelt (case, spacing) the file repeats them; rows after a creation still
# keep what the database holds for their activity (the workflow state a
# CSV does not carry); a name too long for an acronym is refused.
. "$(dirname "$0")/lib.sh"

cat >plan.json <<'EOF'
{"lmpmon": 1,
 "organisations": [{"acronym": "MOLVT", "name": "Ministry of Labour",
                    "kind": "government"}],
 "plans": [{"code": "p", "title": "P",
   "levels": [{"name": "goal", "indicator": false},
              {"name": "activity", "indicator": false}],
   "rounds": [{"code": "2018", "state": "open"}],
   "nodes": [
     {"code": "1", "level": "goal", "text": "Goal one", "children": [
       {"code": "1.1", "level": "activity", "text": "First",
        "responsible": ["MOLVT"],
        "assessments": [{"round": "2018", "progress": "a",
                         "rating": "Progressing", "state": "approved"}]},
       {"code": "1.2", "level": "activity", "text": "Second",
        "responsible": ["MOLVT"],
        "assessments": [{"round": "2018", "progress": "b",
                         "rating": "Progressing", "state": "approved"}]}]},
     {"code": "2", "level": "goal", "text": "Goal two", "children": [
       {"code": "2.1", "level": "activity", "text": "Third",
        "responsible": ["MOLVT"],
        "assessments": [{"round": "2018", "progress": "c",
                         "rating": "Progressing", "state": "submitted"}]}]}]}]}
EOF
# A new activity 1.3 comes before 2.1 in the plan; then 2.1 (submitted in
# the database) names a new body; 1.1 names it again, spelt otherwise,
# with a second new one.
printf '%s\r\n' \
    'goal_code,goal,activity_code,activity,responsible,contributing,2018:action_point,2018:progress,2018:rating' \
    '1,,1.3,Fourth,MOLVT,,,d,Progressing' \
    '2,,2.1,Third,MOLVT; Labour Rights Network,,,c,Progressing' \
    '1,,1.1,First,MOLVT,labour  rights network; CLEC,,a,Progressing' >annex.csv

run --db "$(db c)" init
run --db "$(db c)" import plan.json
expect_status 0

# Without --create-orgs: refused, nothing written.
before=$(db_state c)
run --db "$(db c)" import annex.csv
expect_status 1
expect_err "unknown organisation 'Labour Rights Network'"
expect_err "or use --create-orgs"
[ "$(db_state c)" = "$before" ] || fail "a refused import changed the database"

run --db "$(db c)" import --create-orgs annex.csv
expect_status 0
expect_out "(2 new organisations, "
orgs=$(db_sql c "SELECT acronym || '|' || name || '|' || kind FROM org ORDER BY acronym" | tr '\n' ' ')
[ "$orgs" = "CLEC|CLEC|other Labour Rights Network|Labour Rights Network|other MOLVT|Ministry of Labour|government " ] ||
    fail "organisations after --create-orgs: $orgs"
# 2.1 keeps its stored state; the others theirs.
states=$(db_sql c "SELECT n.code || '=' || a.state FROM assessment a
    JOIN node n ON n.id = a.node_id ORDER BY n.code" | tr '\n' ' ')
[ "$states" = "1.1=approved 1.2=approved 1.3=approved 2.1=submitted " ] ||
    fail "workflow states after the import: $states"
# Both spellings link the one body.
links=$(db_sql c "SELECT n.code || ':' || o.acronym || ':' || l.role
    FROM node_org l JOIN node n ON n.id = l.node_id JOIN org o ON o.id = l.org_id
    WHERE o.acronym <> 'MOLVT' ORDER BY n.code, l.position" | tr '\n' ' ')
[ "$links" = "1.1:Labour Rights Network:contributing 1.1:CLEC:contributing 2.1:Labour Rights Network:responsible " ] ||
    fail "links of the new organisations: $links"

# A name too long to become an acronym is refused, even with the option.
long=$(printf 'x%.0s' $(seq 1 70))
printf '%s\r\n' \
    'goal_code,goal,activity_code,activity,responsible,contributing,2018:action_point,2018:progress,2018:rating' \
    "1,,1.2,Second,$long,,,b,Progressing" >long.csv
run --db "$(db c)" import --create-orgs long.csv
expect_status 1
expect_err "is too long to become an acronym"

finish
