/** Temporary article folders written for the tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Creates a fresh folder under the system temp dir and writes the given files (path → text or bytes). */
export function makeFolder(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-corpus-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return dir;
}

export function removeFolder(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** A paragraph long enough to count as article body, written for the tests. */
export const PARAGRAPH =
  'Le ministre de la Défense a annoncé mardi l’envoi de 4 000 soldats supplémentaires vers la frontière, une décision que le Parlement doit encore approuver selon les services de la présidence.';
