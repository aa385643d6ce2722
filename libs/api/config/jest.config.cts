module.exports = {
  displayName: 'api-config',
  preset: '../../../jest.api.preset.js',
  coverageDirectory: '../../../coverage/libs/api/config'
};
