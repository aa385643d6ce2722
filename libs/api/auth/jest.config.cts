module.exports = {
  displayName: 'api-auth',
  preset: '../../../jest.api.preset.js',
  coverageDirectory: '../../../coverage/libs/api/auth'
};
