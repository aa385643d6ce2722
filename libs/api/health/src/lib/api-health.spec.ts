import { apiHealth } from './api-health';

describe('apiHealth', () => {
  it('should work', () => {
    expect(apiHealth()).toEqual('api-health');
  })
})
