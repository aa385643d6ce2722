module.exports = {
  displayName: 'web-audit',
  preset: '../../../jest.web.preset.js',
  coverageDirectory: '../../../coverage/libs/web/audit',
};
