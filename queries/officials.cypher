// Leaders and officials of a country or organisation: who leads it and who
// holds which post there.
// @param name = "Corée du Nord"
MATCH (org:Entity)
WHERE toLower(org.label) = toLower($name) OR any(alias IN org.aliases WHERE toLower(alias) = toLower($name))
MATCH (p:Entity)-[r:LEADS|OFFICIAL_OF]->(org)
RETURN org.label AS of,
       p.label AS person,
       type(r) AS relation,
       coalesce(r.role, '') AS role,
       r.claimCount AS claims
ORDER BY relation, person
