-- "Done" becomes explicit (issue 21): a project with no done column chosen had its last column
-- count as done, so adding a column after "Done" silently moved it. Freeze today's choice: the
-- last column of every such project is marked as done. No schema change.
UPDATE "columns" SET "is_done" = true
WHERE "id" IN (
  SELECT c."id" FROM "columns" c
  WHERE NOT EXISTS (SELECT 1 FROM "columns" d WHERE d."project_id" = c."project_id" AND d."is_done" = true)
    AND NOT EXISTS (
      SELECT 1 FROM "columns" e
      WHERE e."project_id" = c."project_id" AND (e."position" > c."position" OR (e."position" = c."position" AND e."id" > c."id"))
    )
);
