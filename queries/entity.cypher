// Everything known about one entity (named by its label or any alias, in any
// case): each relation in or out, the entity at the other end, and the claims
// behind it (statuses, dates, sources, quotes).
// @param name = "Corée du Nord"
MATCH (e:Entity)
WHERE toLower(e.label) = toLower($name) OR any(alias IN e.aliases WHERE toLower(alias) = toLower($name))
MATCH (e)-[r]-(other:Entity)
RETURN e.label AS entity,
       type(r) AS relation,
       CASE WHEN type(r) IN ['MET_WITH', 'ALLIED_WITH'] THEN 'both' WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction,
       other.label AS other,
       other.type AS otherType,
       r.claimCount AS claims,
       r.statuses AS statuses,
       [d IN r.dates WHERE d <> ''] AS dates,
       [s IN r.sources WHERE s <> ''] AS sources,
       r.quotes AS quotes
ORDER BY claims DESC, relation, other
