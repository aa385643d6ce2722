module.exports = {
  displayName: 'api-audit',
  preset: '../../../jest.api.preset.js',
  coverageDirectory: '../../../coverage/libs/api/audit'
};
