#!/usr/bin/env node
// Why: the npm registry mirror this project is built against does not serve the
// prebuilt binaries of other platforms (@swc/core-darwin-arm64, @grafeo-db/js-win32-…,
// @unrs/resolver-binding-…), so `npm install` leaves them out of package-lock.json,
// and `npm ci` then refuses the lock as "out of sync". This adds each missing optional
// platform package to the lock with its os/cpu/libc, so that npm ci skips it as foreign
// to this machine instead of asking for it. Run after any `npm install`:
//   node scripts/dev/pin-foreign-platforms.mjs
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../../package-lock.json', import.meta.url);
const OS = ['darwin', 'win32', 'linux', 'android', 'freebsd', 'openharmony', 'sunos', 'netbsd', 'openbsd', 'aix'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el', 'wasm32'];

/** os/cpu/libc read from a platform package name such as core-linux-arm64-musl or js-win32-x64-msvc. */
function platformOf(name) {
  const words = name.split('/').pop().split('-');
  const os = words.find((w) => OS.includes(w));
  let cpu = words.find((w) => CPU.includes(w));
  if (!cpu && words.includes('arm')) cpu = 'arm';
  if (!cpu && words.includes('universal')) cpu = undefined;
  const libc = words.some((w) => w.startsWith('musl')) ? 'musl' : os === 'linux' && words.some((w) => w.startsWith('gnu')) ? 'glibc' : undefined;
  return os ? { os, cpu, libc } : null;
}

const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [path, meta] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const base = path ? `${path}/node_modules/${dep}` : `node_modules/${dep}`;
    if (packages[`node_modules/${dep}`] || packages[base]) continue;
    const platform = platformOf(dep);
    if (!platform) continue;
    packages[`node_modules/${dep}`] = {
      version,
      optional: true,
      ...(platform.cpu ? { cpu: [platform.cpu] } : {}),
      ...(platform.libc ? { libc: [platform.libc] } : {}),
      os: [platform.os],
    };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
const tmp = new URL(`../../.package-lock.json.${process.pid}.tmp`, import.meta.url);
writeFileSync(tmp, `${JSON.stringify(lock, null, 2)}\n`);
renameSync(tmp, LOCK);
console.log(`pin-foreign-platforms: ${added} foreign platform package(s) pinned in package-lock.json`);
