/**
 * Jest transform for ES-module-only packages in node_modules (eld): compiles
 * them to CommonJS with esbuild, as jest 30 on Node 20 cannot require ES
 * modules. Plain Node ≥ 20.19 needs no such step.
 */
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, { format: 'cjs', loader: 'js', target: 'node20', sourcefile: filename, sourcemap: 'external' });
    return { code, map };
  },
};
