/**
 * Jest preset for API projects: Node environment, TypeScript through ts-jest with each
 * project's own tsconfig.spec.json. Note: Jest runs CommonJS, so API dependencies must ship
 * CommonJS (we pin the Nest 11 lines of @nestjs/typeorm and @nestjs/terminus for that reason;
 * their 12.x lines are ES-module-only). Node itself can `require` ES modules, Jest cannot.
 */
const { join } = require('node:path');
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'txt'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
    // Text assets (the common-password list) are imported as strings, as in the webpack build.
    '^.+\\.txt$': join(__dirname, 'tools/jest/text-transform.cjs'),
  },
};
