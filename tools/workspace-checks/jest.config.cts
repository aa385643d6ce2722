/** Checks of the workspace itself (lint rules, layout), run with the unit tests. */
module.exports = {
  displayName: 'workspace-checks',
  preset: '../../jest.api.preset.js',
  testTimeout: 60000,
};
