// Overview: how many relations of each type the graph holds, with their
// claims and the articles those claims come from.
MATCH (:Entity)-[r]->(:Entity)
UNWIND r.docs AS doc
WITH type(r) AS relation, r, doc
WITH relation, count(DISTINCT r) AS relations, count(*) AS claims, count(DISTINCT doc) AS articles
RETURN relation, relations, claims, articles
ORDER BY claims DESC, relation
