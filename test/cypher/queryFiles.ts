/** Runs a file of queries/ through the same preparation as `npm run query` (header defaults, lint). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CypherEngine, Params, Row } from '../../src/cypher';
import { parseQueryFile, prepareQuery } from '../../src/cypher';

export const QUERIES_DIR = path.join(__dirname, '../../queries');

export async function runQueryFile(engine: CypherEngine, name: string, params: Params = {}): Promise<Row[]> {
  const file = path.join(QUERIES_DIR, name);
  const prepared = prepareQuery(parseQueryFile(file, readFileSync(file, 'utf8')), params);
  return engine.run(prepared.query.text, prepared.params);
}
