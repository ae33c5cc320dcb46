/** Tests mirror src/: test/<stage>/… exercises src/<stage>/… */
/** node_modules packages that ship ES modules only (eld, htmlparser2 and its DOM helpers). */
const ESM_ONLY_PACKAGES = ['eld', 'htmlparser2', 'entities', 'domhandler', 'domutils', 'dom-serializer', 'domelementtype'].join('|');

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { diagnostics: false }],
    // Packages published as ES modules only, compiled to CommonJS for jest (see test/esm-transform.js).
    [`/node_modules/(${ESM_ONLY_PACKAGES})/.+\\.js$`]: '<rootDir>/test/esm-transform.js',
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY_PACKAGES})/)`],
  testTimeout: 60000,
};
