// Entities co-mentioned in the same articles: pairs ranked by the number of
// articles naming both. With a name, only the pairs that include that entity.
// @param name = ""
// @param limit = 25
MATCH (a:Entity)-[:MENTIONED_IN]->(d:Article)<-[:MENTIONED_IN]-(b:Entity)
WHERE ($name = '' AND a.id < b.id)
   OR ($name <> '' AND (toLower(a.label) = toLower($name) OR any(alias IN a.aliases WHERE toLower(alias) = toLower($name))))
RETURN a.label AS entity,
       b.label AS coMentioned,
       count(DISTINCT d) AS articles,
       collect(DISTINCT d.id) AS docs
ORDER BY articles DESC, entity, coMentioned
LIMIT $limit
