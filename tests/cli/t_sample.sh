# The Cambodian sample: it imports cleanly, and its counts of activities and
# of each rating per area, section and goal, for both rounds, are pinned in
# golden/sample_counts.txt (checked against the seed text as described in
# data/cambodia-lmp-2015-2018/NOTES.md).
. "$(dirname "$0")/lib.sh"

run --db "$(db s)" init --sample cambodia-lmp-2015-2018
expect_status 0

# level|code|round|activities|on_target|progressing|not_on_target|not_rated
db_sql s >out.txt <<'SQL'
WITH act AS (
  SELECT n.id, g.code AS goal, s.code AS section, a.code AS area
  FROM node n JOIN node g ON g.id = n.parent_id
  JOIN node s ON s.id = g.parent_id JOIN node a ON a.id = s.parent_id
  WHERE n.depth = 3),
rated AS (
  SELECT act.*, r.code AS round, x.rating
  FROM act JOIN assessment x ON x.node_id = act.id
  JOIN round r ON r.id = x.round_id),
grouped AS (
  SELECT 'area' AS level, area AS code, round, rating FROM rated
  UNION ALL SELECT 'section', section, round, rating FROM rated
  UNION ALL SELECT 'goal', goal, round, rating FROM rated
  UNION ALL SELECT 'all', '-', round, rating FROM rated)
SELECT level, code, round, count(*),
  count(*) FILTER (WHERE rating = 'on_target'),
  count(*) FILTER (WHERE rating = 'progressing'),
  count(*) FILTER (WHERE rating = 'not_on_target'),
  count(*) FILTER (WHERE rating = 'not_rated')
FROM grouped GROUP BY level, code, round
ORDER BY CASE level WHEN 'area' THEN 0 WHEN 'section' THEN 1
  WHEN 'goal' THEN 2 ELSE 3 END, length(code), code, round;
SQL
expect_golden sample_counts.txt

# The plan's shape: 6 areas, 8 sections, 17 goals, 103 annex rows, of which
# 94 are the 2015 plan's activities assessed in 2016.
shape=$(db_sql s "SELECT depth, count(*) FROM node GROUP BY depth ORDER BY depth" | tr '\n' ' ')
[ "$shape" = "0|6 1|8 2|17 3|103 " ] || fail "plan shape is '$shape'"

# 'show activity 4.8' shows both rounds exactly as the annex has them.
run --db "$(db s)" show activity 4.8
expect_status 0
expect_golden show_activity_4.8.txt

finish
