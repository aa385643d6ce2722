module.exports = {
  displayName: 'web-audit-data',
  preset: '../../../jest.web.preset.js',
  coverageDirectory: '../../../coverage/libs/web/audit-data',
};
