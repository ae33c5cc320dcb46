// Contract: package-lock.json lets `npm ci` install on a clean machine: every optional dependency has a lock entry
// (foreign platform binaries the registry mirror lacks are pinned by scripts/dev/pin-foreign-platforms.mjs).
import { readFileSync } from 'node:fs';
import path from 'node:path';

test('every optional dependency named in the lock has an entry of its own', () => {
  const lock = JSON.parse(readFileSync(path.resolve(__dirname, '..', 'package-lock.json'), 'utf8'));
  const packages: Record<string, { optionalDependencies?: Record<string, string> }> = lock.packages;
  const missing: string[] = [];
  for (const [where, meta] of Object.entries(packages)) {
    for (const dep of Object.keys(meta.optionalDependencies ?? {})) {
      const nested = where ? `${where}/node_modules/${dep}` : `node_modules/${dep}`;
      if (!packages[nested] && !packages[`node_modules/${dep}`]) missing.push(dep);
    }
  }
  expect(missing).toEqual([]);
});
