WITH c AS (
  SELECT sex, province, destination, assisting_org, types, stage, satisfied,
         ordered, paid, lodged_on, resolved_on,
         stage = 'resolved' AND resolved_on <> '' AS res,
         stage = 'resolved' AND resolved_on <> '' AND resolved_on <= CASE
           WHEN strftime('%d', lodged_on) > strftime('%d', date(lodged_on, 'start of month', '+4 months', '-1 day'))
           THEN date(lodged_on, 'start of month', '+4 months', '-1 day')
           ELSE date(lodged_on, '+3 months') END AS w3
  FROM complaint_case),
d AS (
  SELECT 'all' AS dim, 'all' AS val, * FROM c
  UNION ALL SELECT 'sex', sex, * FROM c
  UNION ALL SELECT 'province', province, * FROM c
  UNION ALL SELECT 'destination', destination, * FROM c
  UNION ALL SELECT 'assisting_org', assisting_org, * FROM c
  UNION ALL SELECT 'complaint_type', t.name, c.* FROM c JOIN (
     SELECT 1 AS bit, 'unpaid_wages' AS name UNION ALL SELECT 2, 'deception'
     UNION ALL SELECT 4, 'confiscated_documents' UNION ALL SELECT 8, 'abuse'
     UNION ALL SELECT 16, 'injury' UNION ALL SELECT 32, 'death'
     UNION ALL SELECT 64, 'other') t ON c.types & t.bit)
SELECT dim, val, count(*), sum(res), sum(w3), sum(w3 AND satisfied = 'yes'),
  round(100.0 * sum(w3) / count(*)), round(100.0 * sum(w3 AND satisfied = 'yes') / count(*)),
  printf('%.2f', sum(ordered) / 100.0), printf('%.2f', sum(paid) / 100.0)
FROM d GROUP BY dim, val ORDER BY dim, val;
