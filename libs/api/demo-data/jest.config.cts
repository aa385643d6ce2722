module.exports = {
  displayName: 'api-demo-data',
  preset: '../../../jest.api.preset.js',
  coverageDirectory: '../../../coverage/libs/api/demo-data'
};
