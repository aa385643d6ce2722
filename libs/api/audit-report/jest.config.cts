module.exports = {
  displayName: 'api-audit-report',
  preset: '../../../jest.api.preset.js',
  coverageDirectory: '../../../coverage/libs/api/audit-report'
};
