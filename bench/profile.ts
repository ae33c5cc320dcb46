/**
 * Summarises a V8 CPU profile (node --cpu-prof) into the functions that hold
 * the time: self time and inclusive time per function, with file and line,
 * as shares of the sampled total. Used to find the hot paths BENCHMARKS.md
 * names.
 *
 *   node -r ts-node/register bench/profile.ts FILE.cpuprofile [TOP]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** One function's share of a profile. */
export interface HotFunction {
  name: string;
  where: string;
  selfShare: number;
  totalShare: number;
}

function label(node: ProfileNode): { key: string; name: string; where: string } {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url ? path.relative(process.cwd(), url.replace(/^file:\/\//, '')) : '(native)';
  const name = functionName || '(anonymous)';
  const where = `${file}:${lineNumber + 1}`;
  return { key: `${name} ${where}`, name, where };
}

/** Self and inclusive time per function (recursion counted once), sorted by self time. */
export function summariseProfile(profile: CpuProfile): HotFunction[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const info = new Map<string, { name: string; where: string }>();
  let sum = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    sum += dt;
    const leaf = label(byId.get(id)!);
    info.set(leaf.key, leaf);
    self.set(leaf.key, (self.get(leaf.key) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const l = label(byId.get(at)!);
      if (seen.has(l.key)) continue;
      seen.add(l.key);
      info.set(l.key, l);
      total.set(l.key, (total.get(l.key) ?? 0) + dt);
    }
  });
  return [...info.entries()]
    .map(([key, { name, where }]) => ({ name, where, selfShare: (self.get(key) ?? 0) / sum, totalShare: (total.get(key) ?? 0) / sum }))
    .sort((a, b) => b.selfShare - a.selfShare);
}

if (require.main === module) {
  const [file, topArg] = process.argv.slice(2);
  const top = Number(topArg ?? 25);
  const rows = summariseProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
  const pct = (x: number) => `${(100 * x).toFixed(1).padStart(5)}%`;
  console.log('self    total   function  (file:line)');
  for (const r of rows.slice(0, top)) console.log(`${pct(r.selfShare)} ${pct(r.totalShare)}  ${r.name}  ${r.where}`);
  console.log('\nby inclusive time:');
  for (const r of [...rows].sort((a, b) => b.totalShare - a.totalShare).slice(0, top)) console.log(`${pct(r.selfShare)} ${pct(r.totalShare)}  ${r.name}  ${r.where}`);
}
