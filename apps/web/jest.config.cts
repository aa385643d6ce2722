module.exports = {
  displayName: 'web',
  preset: '../../jest.web.preset.js',
  coverageDirectory: '../../coverage/apps/web',
};
