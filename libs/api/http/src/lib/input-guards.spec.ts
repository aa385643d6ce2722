import { plainToInstance } from 'class-transformer';
import { IsInt, validate } from 'class-validator';
import { inspectInput, MAX_INPUT_DEPTH, queryInt } from './input-guards';

describe('inspectInput', () => {
  it('finds nothing wrong with ordinary input, emoji (surrogate pairs) included', () => {
    expect(inspectInput({ name: 'Zoë 🙂', tags: ['a', 'b'], nested: { list: [{ n: 1 }] } }, 'body')).toEqual({});
  });

  it('walks a body nested 200,000 levels deep without overflowing and names its top-level property', () => {
    const text = `{"title":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const errors = inspectInput(JSON.parse(text), 'body');
    expect(errors).toEqual({ title: [`Nested more than ${MAX_INPUT_DEPTH} levels deep.`] });
  });

  it('accepts nesting up to the limit', () => {
    let value: unknown = 'leaf';
    for (let depth = 0; depth < MAX_INPUT_DEPTH - 1; depth++) value = [value];
    expect(inspectInput({ deep: value }, 'body')).toEqual({});
  });

  it('refuses NUL and lone surrogates in values, array items and keys, by path', () => {
    const errors = inspectInput(JSON.parse('{"a":"x\\u0000","b":["ok","\\ud800"],"c":{"\\udc00":1}}'), 'body');
    expect(Object.keys(errors).sort()).toEqual(['a', 'b.1', 'c.\\udc00']);
    expect(errors['a'][0]).toMatch(/NUL/);
    expect(errors['b.1'][0]).toMatch(/Unicode/);
  });

  it('refuses keys every object inherits, __proto__ as an own key included', () => {
    const errors = inspectInput(JSON.parse('{"constructor":1,"x":{"toString":1},"__proto__":{"polluted":true}}'), 'body');
    expect(Object.keys(errors).sort()).toEqual(['__proto__', 'constructor', 'x.toString']);
    expect(Object.getPrototypeOf(errors)).toBeNull();
  });

  it('names a bad scalar (a path parameter) after its parameter', () => {
    expect(Object.keys(inspectInput('a\u0000b', 'id'))).toEqual(['id']);
  });
});

describe('queryInt', () => {
  class Query {
    @queryInt() @IsInt() limit!: number;
  }
  const errorsFor = async (limit: unknown) => (await validate(plainToInstance(Query, { limit }))).length;

  it('reads plain decimal digits and nothing else', async () => {
    expect(plainToInstance(Query, { limit: '25' }).limit).toBe(25);
    expect(await errorsFor('25')).toBe(0);
    for (const text of ['0x10', '1e3', 'true', '', ' 5', '1.5', '99999999999']) expect(await errorsFor(text)).toBe(1);
  });
});
