module.exports = {
  displayName: 'web-shell',
  preset: '../../../jest.web.preset.js',
  coverageDirectory: '../../../coverage/libs/web/shell',
};
