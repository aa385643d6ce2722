module.exports = {
  displayName: 'api-participants',
  preset: '../../../jest.api.preset.js',
  coverageDirectory: '../../../coverage/libs/api/participants'
};
