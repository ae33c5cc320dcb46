// Troop-deployment claims over time: every claim that a country sent soldiers
// somewhere, oldest first (undated claims last), with the figure, the source
// and how surely it is stated.
// @param country = ""
MATCH (c:Entity)-[r:DEPLOYED_TROOPS_TO]->(dest:Entity)
WHERE $country = '' OR toLower(c.label) = toLower($country) OR any(alias IN c.aliases WHERE toLower(alias) = toLower($country))
UNWIND range(0, r.claimCount - 1) AS i
WITH c, dest, r, i, r.dates[i] AS date
RETURN date,
       c.label AS country,
       dest.label AS destination,
       CASE WHEN r.quantities[i] < 0 THEN null ELSE r.quantities[i] END AS quantity,
       r.units[i] AS unit,
       r.sources[i] AS source,
       r.statuses[i] AS status,
       r.docs[i] AS doc,
       r.quotes[i] AS quote
ORDER BY CASE WHEN date = '' THEN 1 ELSE 0 END, date, country, destination, doc
