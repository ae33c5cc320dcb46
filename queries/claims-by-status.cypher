// Claims by status: every claim that is denied or planned (or any statuses
// you pass: asserted, reported, planned, denied), with who says so.
// @param statuses = ["denied", "planned"]
MATCH (s:Entity)-[r]->(t:Entity)
UNWIND range(0, r.claimCount - 1) AS i
WITH s, r, t, i
WHERE r.statuses[i] IN $statuses
RETURN r.statuses[i] AS status,
       s.label AS subject,
       type(r) AS relation,
       t.label AS object,
       r.dates[i] AS date,
       r.sources[i] AS source,
       r.docs[i] AS doc,
       r.quotes[i] AS quote
ORDER BY status, subject, relation, object, doc
