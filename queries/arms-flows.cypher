// Arms flows: who supplied weapons to whom, which weapons, how many, when and
// according to whom. One row per claim; quantity, unit, date and source are
// empty when the sentence does not give them. `weaponsSupplied` lists the
// weapon systems the supplier is said to supply (SUPPLIED).
// @param supplier = ""
MATCH (s:Entity)-[r:SUPPLIED_ARMS_TO]->(t:Entity)
WHERE $supplier = '' OR toLower(s.label) = toLower($supplier) OR any(alias IN s.aliases WHERE toLower(alias) = toLower($supplier))
OPTIONAL MATCH (s)-[:SUPPLIED]->(w:WeaponSystem)
WITH s, r, t, collect(DISTINCT w.label) AS weaponsSupplied
UNWIND range(0, r.claimCount - 1) AS i
RETURN s.label AS supplier,
       t.label AS recipient,
       coalesce(r.items, []) AS items,
       weaponsSupplied,
       CASE WHEN r.quantities[i] < 0 THEN null ELSE r.quantities[i] END AS quantity,
       r.units[i] AS unit,
       r.dates[i] AS date,
       r.sources[i] AS source,
       r.statuses[i] AS status,
       r.docs[i] AS doc,
       r.quotes[i] AS quote
ORDER BY supplier, recipient, date, doc
