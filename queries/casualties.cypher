// Losses: claims that a country's soldiers were killed, wounded or captured
// somewhere, with the figures and their sources, oldest first.
MATCH (c:Entity)-[r:SUFFERED_LOSSES_IN]->(place:Entity)
UNWIND range(0, r.claimCount - 1) AS i
RETURN c.label AS country,
       place.label AS place,
       CASE WHEN r.quantities[i] < 0 THEN null ELSE r.quantities[i] END AS quantity,
       r.units[i] AS unit,
       r.dates[i] AS date,
       r.sources[i] AS source,
       r.statuses[i] AS status,
       r.docs[i] AS doc,
       r.quotes[i] AS quote
ORDER BY country, place, date, doc
