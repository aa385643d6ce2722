module.exports = {
  displayName: 'web-participants',
  preset: '../../../jest.web.preset.js',
  coverageDirectory: '../../../coverage/libs/web/participants',
};
