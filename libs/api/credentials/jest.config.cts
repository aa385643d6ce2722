module.exports = {
  displayName: 'api-credentials',
  preset: '../../../jest.api.preset.js',
  coverageDirectory: '../../../coverage/libs/api/credentials'
};
