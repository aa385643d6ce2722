module.exports = {
  displayName: 'web-admin',
  preset: '../../../jest.web.preset.js',
  coverageDirectory: '../../../coverage/libs/web/admin',
};
