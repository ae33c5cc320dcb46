// Most-cited sources: who the articles quote (NIS, HUR, an agency, a minister)
// ranked by the claims attributed to them, with the relations they speak to.
// @param limit = 20
MATCH (:Entity)-[r]->(:Entity)
UNWIND range(0, r.claimCount - 1) AS i
WITH r.sources[i] AS source, r.docs[i] AS doc, type(r) AS relation
WHERE source <> ''
RETURN source,
       count(*) AS claims,
       count(DISTINCT doc) AS articles,
       collect(DISTINCT relation) AS relations
ORDER BY claims DESC, source
LIMIT $limit
