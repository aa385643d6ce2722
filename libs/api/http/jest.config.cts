module.exports = {
  displayName: 'api-http',
  preset: '../../../jest.api.preset.js',
  coverageDirectory: '../../../coverage/libs/api/http'
};
