/**
 * API integration tests against a real PostgreSQL: an embedded server started for the run,
 * or TEST_DATABASE_URL. Every test file makes its own database (createTestDatabase).
 */
module.exports = {
  displayName: 'api-integration',
  preset: '../../jest.api.preset.js',
  testMatch: ['<rootDir>/test/**/*.integration.spec.ts'],
  globalSetup: '<rootDir>/../../libs/api/testing/src/lib/global-setup.ts',
  globalTeardown: '<rootDir>/../../libs/api/testing/src/lib/global-teardown.ts',
  testTimeout: 30000,
  // Two workers on a 2-core machine: each file has its own database, so they never collide.
  maxWorkers: 2,
};
