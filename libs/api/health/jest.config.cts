module.exports = {
  displayName: 'api-health',
  preset: '../../../jest.api.preset.js',
  coverageDirectory: '../../../coverage/libs/api/health'
};
