// Treaty signatories and ratifications: for each treaty, who signed it and who
// ratified it, with the dates and sources the articles give.
MATCH (party:Entity)-[r:SIGNED|RATIFIED]->(t:Treaty)
RETURN t.label AS treaty,
       type(r) AS act,
       party.label AS party,
       party.type AS partyType,
       [d IN r.dates WHERE d <> ''] AS dates,
       [s IN r.sources WHERE s <> ''] AS sources,
       r.statuses AS statuses,
       r.claimCount AS claims
ORDER BY treaty, act DESC, party
