module.exports = {
  displayName: 'web-auth',
  preset: '../../../jest.web.preset.js',
  coverageDirectory: '../../../coverage/libs/web/auth',
};
