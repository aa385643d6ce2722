import { apiDatabase } from './api-database';

describe('apiDatabase', () => {
  it('should work', () => {
    expect(apiDatabase()).toEqual('api-database');
  })
})
