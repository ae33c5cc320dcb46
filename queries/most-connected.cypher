// Most connected entities: how many other entities each one is related to,
// through how many relations, backed by how many claims.
// @param limit = 15
MATCH (e:Entity)
OPTIONAL MATCH (e)-[r]-(other:Entity)
WITH e, count(DISTINCT other) AS neighbours, count(r) AS relations, sum(r.claimCount) AS claims
RETURN e.label AS entity, e.type AS type, neighbours, relations, claims
ORDER BY neighbours DESC, claims DESC, entity
LIMIT $limit
