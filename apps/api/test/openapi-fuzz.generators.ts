import fc from 'fast-check';

/**
 * Hostile requests generated from the OpenAPI document the API publishes. Every generated
 * body carries at least one change that no DTO may accept, so a 2xx on a write, or any row
 * written, is a finding. Hostile strings carry MARKER, so an answer that echoes input is seen.
 */

export const MARKER = 'FUZZMARK';

/** The part of OpenAPI 3 the generators read. */
export interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  example?: unknown;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
}
export interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  schema?: Schema;
}
export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** A JSON value, plus nesting written straight into the text (a recursive stringify would overflow). */
export class Deep {
  constructor(readonly depth: number) {}
}
export type Json = string | number | boolean | null | Deep | Json[] | { [key: string]: Json };

/** JSON text; own keys only, so `__proto__` is sent as a key like any other. */
export function toJson(value: Json): string {
  if (value instanceof Deep) return '['.repeat(value.depth) + ']'.repeat(value.depth);
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).map((key) => `${JSON.stringify(key)}:${toJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Sets a key as an own property, even `__proto__` (plain assignment would set the prototype). */
function withKey(target: Record<string, Json>, key: string, value: Json): Record<string, Json> {
  const copy: Record<string, Json> = {};
  for (const existing of Object.keys(target)) Object.defineProperty(copy, existing, { value: target[existing], enumerable: true, writable: true, configurable: true });
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

export function resolve(schema: Schema | undefined, doc: OpenApiDocument): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')], doc);
  return schema;
}

/** A plausible value, so a mutation elsewhere is what the request is judged on. */
function plausible(schema: Schema, doc: OpenApiDocument): Json {
  if (schema.enum?.length) return schema.enum[0] as Json;
  if (schema.example !== undefined) return schema.example as Json;
  switch (schema.type) {
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return schema.items ? [plausible(resolve(schema.items, doc), doc)] : [];
    case 'string':
      return 'Fuzz plausible text';
    default:
      if (schema.properties) return baseBody(schema, doc);
      return schema.nullable ? null : 'Fuzz plausible text';
  }
}

/** The required properties, each plausible. */
export function baseBody(schema: Schema, doc: OpenApiDocument): Record<string, Json> {
  const body: Record<string, Json> = {};
  for (const name of schema.required ?? []) body[name] = plausible(resolve(schema.properties?.[name], doc), doc);
  return body;
}

const PROTOTYPE_KEYS = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'toLocaleString'];
const EXTRA_KEYS = ['role', 'programId', 'isAdmin', 'status', 'id', 'createdAt', 'zzUnknown'];

const marked = (text: string) => fc.constantFrom(`${MARKER}${text}`, `${text}${MARKER}`);
/** Strings no field may hold: NUL, lone surrogates (both halves), and far more text than any field takes. */
export const hostileString = fc.oneof(
  marked('\u0000'),
  marked('a\u0000b'),
  marked('\uD800'),
  marked('x\uDC00y'),
  marked('\uDBFF'),
  fc.nat({ max: 3 }).map((n) => `${MARKER}${'Ω'.repeat(10_001 + n)}`),
);
/** Beyond every int4 column, the JavaScript-safe range, or a double's. */
export const hugeNumber = fc.constantFrom(2_147_483_648, -2_147_483_649, 2 ** 53, -(2 ** 53), 1e308, -1e308, 4_294_967_296);
export const deepNesting = fc.integer({ min: 40, max: 20_000 }).map((depth) => new Deep(depth));
const nestedHostile: fc.Arbitrary<Json> = fc.oneof(hostileString, deepNesting, fc.constant({ constructor: { prototype: { polluted: true } } }));

/** A value the property's declared type can never accept. */
function hostileFor(schema: Schema): fc.Arbitrary<Json> {
  const universal = [hostileString, deepNesting];
  switch (schema.type) {
    case 'number':
    case 'integer':
      return fc.oneof(hugeNumber, fc.constantFrom<Json>(true, false, '1', '30', [], {}, [1]), ...universal);
    case 'boolean':
      return fc.oneof(fc.constantFrom<Json>('true', 'false', 1, 0, [], {}), ...universal);
    case 'array':
      return fc.oneof(fc.constantFrom<Json>('x', 1, true, {}), fc.array(nestedHostile, { minLength: 1, maxLength: 3 }), ...universal);
    case 'string':
      return fc.oneof(fc.constantFrom<Json>(true, 1, 0, [], {}, ['x']), ...universal);
    default:
      // Declared loosely (string-or-null fields and free-form maps): only what no field takes.
      return fc.oneof(...universal);
  }
}

/** Objects in a body that a mutation may reach: the body and the items of its arrays of objects. */
interface Spot {
  /** Property names from the body down to this object ('0' for an array item). */
  path: string[];
  schema: Schema;
}

function spotsOf(schema: Schema, doc: OpenApiDocument): Spot[] {
  const spots: Spot[] = [{ path: [], schema }];
  for (const name of schema.required ?? []) {
    const property = resolve(schema.properties?.[name], doc);
    const item = property.type === 'array' ? resolve(property.items, doc) : undefined;
    if (item?.properties) spots.push({ path: [name, '0'], schema: item });
  }
  return spots;
}

function setAt(body: Json, path: string[], change: (target: Record<string, Json>) => Record<string, Json>): Json {
  // An earlier change may have replaced the object on the way with a hostile scalar already.
  if (body === null || typeof body !== 'object' || body instanceof Deep) return body;
  if (path.length === 0) return change(body as Record<string, Json>);
  const [head, ...rest] = path;
  if (Array.isArray(body)) return body.map((entry, index) => (String(index) === head ? setAt(entry, rest, change) : entry));
  return withKey(body as Record<string, Json>, head, setAt((body as Record<string, Json>)[head], rest, change));
}

export interface HostileBody {
  kind: string;
  body: Json;
}

/** The operation's base body with one or two changes that no DTO accepts. */
export function hostileBody(schema: Schema, doc: OpenApiDocument): fc.Arbitrary<HostileBody> {
  const base = baseBody(schema, doc);
  const spots = spotsOf(schema, doc);
  const spot = fc.constantFrom(...spots);
  const mutation: fc.Arbitrary<{ kind: string; apply: (body: Json) => Json }> = fc.oneof(
    fc.tuple(spot, fc.constantFrom(...EXTRA_KEYS), fc.jsonValue({ maxDepth: 2 })).filter(([where, key]) => !where.schema.properties?.[key]).map(([where, key, value]) => ({
      kind: `extra property ${key} at ${where.path.join('.') || 'body'}`,
      apply: (body: Json) => setAt(body, where.path, (target) => withKey(target, key, value as Json)),
    })),
    fc.tuple(spot, fc.constantFrom(...PROTOTYPE_KEYS), fc.constantFrom<Json>('x', 1, { polluted: true }, null)).map(([where, key, value]) => ({
      kind: `prototype key ${key} at ${where.path.join('.') || 'body'}`,
      apply: (body: Json) => setAt(body, where.path, (target) => withKey(target, key, value)),
    })),
    spot
      .filter((where) => Object.keys(where.schema.properties ?? {}).length > 0)
      .chain((where) =>
        fc.constantFrom(...Object.keys(where.schema.properties ?? {})).chain((name) =>
          hostileFor(resolve(where.schema.properties?.[name], doc)).map((value) => ({
            kind: `hostile ${name} at ${where.path.join('.') || 'body'}`,
            apply: (body: Json) => setAt(body, where.path, (target) => withKey(target, name, value)),
          })),
        ),
      ),
  );
  const wholeBody = fc.constantFrom<Json>([], [base], 'x', 1, true, null).map((body) => ({ kind: 'body of the wrong type', body }));
  const mutated = fc.array(mutation, { minLength: 1, maxLength: 2 }).map((changes) => ({
    kind: changes.map((change) => change.kind).join(' + '),
    body: changes.reduce<Json>((body, change) => change.apply(body), base),
  }));
  return fc.oneof({ arbitrary: mutated, weight: 6 }, { arbitrary: wholeBody, weight: 1 }, { arbitrary: deepNesting.map((body) => ({ kind: 'deeply nested body', body })), weight: 1 });
}

/** Path ids: mostly not ids at all; `own` (an existing object) only when the body is hostile. */
export function hostileId(own: string | undefined): fc.Arbitrary<{ kind: string; raw: string }> {
  const encoded = (text: string) => encodeURIComponent(text);
  const junk = fc.oneof(
    fc.uuid().map((id) => ({ kind: 'random uuid', raw: id })),
    fc.constantFrom(
      { kind: 'not a uuid', raw: `${MARKER}-not-a-uuid` },
      { kind: 'NUL', raw: encoded(`${MARKER}\u0000`) },
      { kind: 'bad percent-encoding', raw: `${MARKER}%E0%A4%A` },
      { kind: 'encoded lone surrogate', raw: `${MARKER}%ED%A0%80` },
      { kind: 'SQL', raw: encoded(`${MARKER}' OR '1'='1`) },
      { kind: 'traversal', raw: encoded(`../../${MARKER}`) },
      { kind: 'long', raw: `${MARKER}${'a'.repeat(3000)}` },
      { kind: 'nil uuid', raw: '00000000-0000-0000-0000-000000000000' },
      { kind: 'uppercase uuid', raw: 'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF' },
      { kind: 'huge number', raw: '99999999999999999999' },
    ),
  );
  return own ? fc.oneof({ arbitrary: fc.constant({ kind: 'own object', raw: own }), weight: 3 }, { arbitrary: junk, weight: 2 }) : junk;
}

/** A query string: each declared parameter maybe hostile, plus unknown and prototype keys. */
export function hostileQuery(parameters: Parameter[]): fc.Arbitrary<{ kind: string; raw: string }> {
  const value = fc.oneof(
    hostileString.map(queryEncode),
    fc.constantFrom('99999999999', '2147483648', '-1', '0x10', '1e3', 'true', '', ' 5', '1.5', `${MARKER}%E0%A4%A`, `${MARKER}%ED%A0%80`),
  );
  const declared = parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name);
  const names = fc.constantFrom(...declared, ...PROTOTYPE_KEYS, 'zzUnknown', 'limit[$gt]', 'a[b][c][d][e][f][g]');
  return fc.array(fc.tuple(names, value), { minLength: 1, maxLength: 3 }).map((pairs) => ({
    kind: `query ${pairs.map(([name]) => name).join(', ')}`,
    raw: pairs.map(([name, text]) => `${encodeURIComponent(name)}=${text}`).join('&'),
  }));
}

/** encodeURIComponent throws on a lone surrogate; send the bytes UTF-8 would have used instead. */
function queryEncode(text: string): string {
  return text
    .split(/([\uD800-\uDFFF])/)
    .map((part) => (/^[\uD800-\uDFFF]$/.test(part) ? `%ED%${(0x80 + ((part.charCodeAt(0) >> 6) & 0x3f)).toString(16).toUpperCase()}%${(0x80 + (part.charCodeAt(0) & 0x3f)).toString(16).toUpperCase()}` : encodeURIComponent(part)))
    .join('');
}
