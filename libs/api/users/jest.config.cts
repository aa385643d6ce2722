module.exports = {
  displayName: 'api-users',
  preset: '../../../jest.api.preset.js',
  coverageDirectory: '../../../coverage/libs/api/users'
};
