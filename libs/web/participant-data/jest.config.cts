module.exports = {
  displayName: 'web-participant-data',
  preset: '../../../jest.web.preset.js',
  coverageDirectory: '../../../coverage/libs/web/participant-data',
};
