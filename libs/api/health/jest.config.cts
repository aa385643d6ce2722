// Exercised end to end by the API integration tests (apps/api/test); no unit tests of its own yet.
module.exports = {
  passWithNoTests: true,
  displayName: 'api-health',
  preset: '../../../jest.api.preset.js',
  coverageDirectory: '../../../coverage/libs/api/health'
};
