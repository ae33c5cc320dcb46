// Weapons each country develops or supplies: one row per (country, relation,
// weapon system) with the number of claims and their statuses and dates.
// @param country = ""
MATCH (c:Entity)-[r:DEVELOPS|SUPPLIED]->(w:WeaponSystem)
WHERE $country = '' OR toLower(c.label) = toLower($country) OR any(alias IN c.aliases WHERE toLower(alias) = toLower($country))
RETURN c.label AS country,
       type(r) AS relation,
       w.label AS weapon,
       r.claimCount AS claims,
       r.statuses AS statuses,
       [d IN r.dates WHERE d <> ''] AS dates
ORDER BY country, relation, weapon
