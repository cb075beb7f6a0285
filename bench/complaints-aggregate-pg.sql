-- The complaints report's overall and per-dimension counts as plain SQL
-- in PostgreSQL: bench/complaints-aggregate.sql in PostgreSQL's terms
-- (adding an interval of months keeps a month's last day, which is the
-- three-month rule of core/cases.c).
WITH c AS (
  SELECT sex, province, destination, assisting_org, types, stage, satisfied,
         ordered, paid,
         (stage = 'resolved' AND resolved_on IS NOT NULL)::int AS res,
         (stage = 'resolved' AND resolved_on IS NOT NULL
          AND resolved_on <= lodged_on + interval '3 months')::int AS w3
  FROM complaint_case),
d AS (
  SELECT 'all' AS dim, 'all' AS val, * FROM c
  UNION ALL SELECT 'sex', sex, * FROM c
  UNION ALL SELECT 'province', province, * FROM c
  UNION ALL SELECT 'destination', destination, * FROM c
  UNION ALL SELECT 'assisting_org', assisting_org, * FROM c
  UNION ALL SELECT 'complaint_type', t.name, c.* FROM c JOIN (VALUES
     (1, 'unpaid_wages'), (2, 'deception'), (4, 'confiscated_documents'),
     (8, 'abuse'), (16, 'injury'), (32, 'death'), (64, 'other')) t(bit, name)
     ON c.types & t.bit <> 0)
SELECT dim, val, count(*), sum(res), sum(w3),
  sum(CASE WHEN w3 = 1 AND satisfied = 'yes' THEN 1 ELSE 0 END),
  round(100.0 * sum(w3) / count(*)),
  round(100.0 * sum(CASE WHEN w3 = 1 AND satisfied = 'yes' THEN 1 ELSE 0 END) / count(*)),
  to_char(sum(ordered) / 100.0, 'FM999999999990.00'),
  to_char(sum(paid) / 100.0, 'FM999999999990.00')
FROM d GROUP BY dim, val ORDER BY dim, val;
