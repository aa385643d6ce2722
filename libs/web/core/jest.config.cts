module.exports = {
  displayName: 'web-core',
  preset: '../../../jest.web.preset.js',
  coverageDirectory: '../../../coverage/libs/web/core',
};
