/**
 * The peers an analyst would use instead: NetworkX and igraph, Debian's
 * packages under Debian's /usr/bin/python3 (another Python on the PATH would
 * not see them). setupPeers installs them with apt when missing; when that
 * is impossible the peers are reported unavailable and the rest of the
 * benchmark still runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { summarise, type Runs } from './measure';

export const PYTHON = '/usr/bin/python3';
export const PEER_PACKAGES = ['python3-networkx', 'python3-igraph'] as const;
export type PeerLibrary = 'networkx' | 'igraph';
const SCRIPT = path.join(__dirname, 'peers.py');

export interface PeerAvailability {
  available: boolean;
  /** Why not, when unavailable. */
  reason?: string;
  /** Packages apt installed during setup. */
  installed: string[];
}

function dpkgInstalled(pkg: string): boolean {
  const run = spawnSync('dpkg', ['-s', pkg], { encoding: 'utf8' });
  return run.status === 0 && /Status: install ok installed/.test(run.stdout);
}

/** Checks the Debian packages, installs the missing ones with apt-get (under the project's apt lock), and checks they import. */
export function setupPeers(): PeerAvailability {
  if (!existsSync(PYTHON)) return { available: false, reason: `${PYTHON} missing`, installed: [] };
  const missing = PEER_PACKAGES.filter((pkg) => !dpkgInstalled(pkg));
  if (missing.length) {
    const install = spawnSync('flock', ['/tmp/newsgraph-apt.lock', 'apt-get', 'install', '-y', ...missing], { encoding: 'utf8', timeout: 600_000 });
    if (install.status !== 0) {
      return { available: false, reason: `apt-get install ${missing.join(' ')} failed: ${(install.stderr || install.error?.message || '').trim().split('\n').pop()}`, installed: [] };
    }
  }
  const probe = spawnSync(PYTHON, ['-c', 'import networkx, igraph'], { encoding: 'utf8' });
  if (probe.status !== 0) return { available: false, reason: `python3 cannot import networkx/igraph: ${probe.stderr.trim().split('\n').pop()}`, installed: missing };
  return { available: true, installed: missing };
}

export interface PeerResult {
  lib: PeerLibrary;
  version: string;
  loadSeconds: number;
  runs: Runs;
  /** NetworkX PageRank: its transition-matrix build alone, and its power iteration alone (bench/peers.py). */
  matrixRuns?: Runs;
  iterationRuns?: Runs;
  peakRssMiB: number;
}

/** Times `algo` with `lib` on the edge list file; undefined (with the reason on stderr) when the peer fails or times out. */
export function runPeer(lib: PeerLibrary, algo: 'pagerank' | 'betweenness', edgeFile: string, runs: number, timeoutMs: number): PeerResult | { lib: PeerLibrary; error: string } {
  const run = spawnSync(PYTHON, [SCRIPT, lib, algo, edgeFile, String(runs)], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 });
  if (run.status !== 0) return { lib, error: run.error ? run.error.message : (run.stderr || `exit ${run.status}`).trim().split('\n').pop()! };
  const out = JSON.parse(run.stdout.trim().split('\n').pop()!) as { version: string; loadSeconds: number; times: number[]; matrixTimes?: number[]; iterationTimes?: number[]; peakRssMiB: number };
  const result: PeerResult = { lib, version: out.version, loadSeconds: out.loadSeconds, runs: summarise(out.times), peakRssMiB: out.peakRssMiB };
  if (out.matrixTimes?.length) result.matrixRuns = summarise(out.matrixTimes);
  if (out.iterationTimes?.length) result.iterationRuns = summarise(out.iterationTimes);
  return result;
}
