module.exports = {
  displayName: 'api-database',
  preset: '../../../jest.api.preset.js',
  coverageDirectory: '../../../coverage/libs/api/database'
};
