import { apiHttp } from './api-http';

describe('apiHttp', () => {
  it('should work', () => {
    expect(apiHttp()).toEqual('api-http');
  })
})
