/** Tests mirror src/: test/<stage>/… exercises src/<stage>/… */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { diagnostics: false }],
    // eld is published as ES modules only; compiled to CommonJS for jest (see test/esm-transform.js).
    '/node_modules/eld/.+\\.js$': '<rootDir>/test/esm-transform.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!eld/)'],
  testTimeout: 60000,
};
