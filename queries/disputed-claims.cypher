// Edges whose claims disagree: the same relation stated with different figures
// for the same unit (10 000 vs 15 000 soldats), or both stated and denied.
// `figures` shows each disagreeing figure with its source (or article).
MATCH (s:Entity)-[r]->(t:Entity)
WHERE r.claimCount > 1
WITH s, r, t, range(0, r.claimCount - 1) AS idx
WITH s, r, t,
     [i IN idx WHERE r.quantities[i] >= 0 AND any(j IN idx WHERE r.quantities[j] >= 0 AND r.units[j] = r.units[i] AND r.quantities[j] <> r.quantities[i])] AS conflicting,
     ('denied' IN r.statuses AND any(status IN r.statuses WHERE status <> 'denied')) AS contested
WHERE size(conflicting) > 0 OR contested
RETURN s.label AS subject,
       type(r) AS relation,
       t.label AS object,
       [i IN conflicting | toString(r.quantities[i]) + ' ' + r.units[i] + ' (' + CASE WHEN r.sources[i] = '' THEN r.docs[i] ELSE r.sources[i] END + ')'] AS figures,
       size(conflicting) > 0 AS figuresDiffer,
       contested AS statedAndDenied,
       r.statuses AS statuses,
       r.docs AS docs
ORDER BY subject, relation, object
