// Shortest path between two entities through their relations (articles are
// not hops), with the relation type of each hop and the first quote behind it.
// @param from = "Kim Jong Un"
// @param to = "Ukraine"
// @param maxHops = 6
MATCH (a:Entity)
WHERE toLower(a.label) = toLower($from) OR any(alias IN a.aliases WHERE toLower(alias) = toLower($from))
MATCH (b:Entity)
WHERE (toLower(b.label) = toLower($to) OR any(alias IN b.aliases WHERE toLower(alias) = toLower($to))) AND b.id <> a.id
MATCH p = shortestPath((a)-[:LEADS|OFFICIAL_OF|MET_WITH|VISITED|SIGNED|RATIFIED|ALLIED_WITH|DEPLOYED_TROOPS_TO|SUPPLIED_ARMS_TO|SUPPLIED|TRANSFERRED_TECHNOLOGY_TO|DEVELOPS|SUPPORTS|WARNED|ATTACKED|LOCATED_IN|MEMBER_OF|PART_OF|SUFFERED_LOSSES_IN*..10]-(b))
WHERE length(p) <= $maxHops
RETURN length(p) AS hops,
       [n IN nodes(p) | n.label] AS path,
       [r IN relationships(p) | type(r)] AS relations,
       [r IN relationships(p) | r.quotes[0]] AS evidence
