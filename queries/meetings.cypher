// Who met whom, where and when: one row per meeting claim. `places` are the
// places either person is said to have visited in the same article.
MATCH (a:Entity)-[m:MET_WITH]-(b:Entity)
WHERE a.id < b.id
UNWIND range(0, m.claimCount - 1) AS i
OPTIONAL MATCH (visitor:Entity)-[v:VISITED]->(place:Entity)
WHERE visitor.id IN [a.id, b.id] AND m.docs[i] IN v.docs
WITH a, b, m, i, collect(DISTINCT place.label) AS places
RETURN a.label AS person,
       b.label AS metWith,
       places,
       m.dates[i] AS date,
       m.sources[i] AS source,
       m.statuses[i] AS status,
       m.docs[i] AS doc,
       m.quotes[i] AS quote
ORDER BY date, person, metWith
