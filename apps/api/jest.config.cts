/** Unit tests of the API app: fast, no database. Integration tests have their own config. */
module.exports = {
  displayName: 'api',
  preset: '../../jest.api.preset.js',
  testPathIgnorePatterns: ['/node_modules/', '\\.integration\\.spec\\.ts$'],
  coverageDirectory: '../../coverage/apps/api',
};
