import { Transform } from 'class-transformer';

/**
 * Checks that apply to every value a client sends, whatever the DTO: run by the global
 * validation pipe on each body, query and path parameter before class-transformer and
 * class-validator see it, so a new DTO cannot forget them.
 */

/** Deeper than any DTO goes (the deepest is 3); class-transformer recurses, so no more. */
export const MAX_INPUT_DEPTH = 32;
/** Longer property names are refused rather than echoed back in the field list. */
const MAX_KEY_LENGTH = 100;
/** Enough to say what is wrong without building a huge answer for a huge body. */
const MAX_ERRORS = 20;

/** The int4 columns' range: every whole number a DTO accepts fits the column it is stored in. */
export const INT4_MAX = 2_147_483_647;

/**
 * Names that an object already has through its prototype. class-transformer skips them
 * (the instance's own `constructor` or `toString` is a function), so whitelisting never
 * sees them and they would be dropped silently; `__proto__` is stripped by Nest likewise.
 * No DTO has such a property, so they are refused like any other unknown one.
 */
const PROTOTYPE_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

// A high surrogate not followed by a low one, or a low one not preceded by a high one:
// not valid Unicode, and not encodable as UTF-8 (Node would store U+FFFD instead).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with one string, or undefined. PostgreSQL refuses NUL in text. */
export function stringProblem(value: string): string | undefined {
  if (value.includes('\u0000')) return 'Contains a NUL character, which is not allowed.';
  if (LONE_SURROGATE.test(value)) return 'Contains invalid Unicode (a lone surrogate).';
  return undefined;
}

/**
 * Walks a parsed value iteratively (a recursive walk would overflow on the very input it
 * guards against) and returns field errors keyed like the pipe's: `notes.0.version`.
 * A nesting error is reported on the top-level property that holds it.
 */
export function inspectInput(value: unknown, rootName: string): Record<string, string[]> {
  // No prototype: the key may well be `constructor` (inherited) or `__proto__` (a setter).
  const errors: Record<string, string[]> = Object.create(null);
  const add = (path: string, message: string) => {
    const key = path || rootName;
    const messages = Object.hasOwn(errors, key) ? errors[key] : (errors[key] = []);
    if (!messages.includes(message)) messages.push(message);
  };
  const stack: { value: unknown; path: string; top: string; depth: number }[] = [{ value, path: '', top: '', depth: 0 }];
  while (stack.length > 0 && Object.keys(errors).length < MAX_ERRORS) {
    const item = stack.pop() as (typeof stack)[number];
    if (typeof item.value === 'string') {
      const problem = stringProblem(item.value);
      if (problem) add(item.path, problem);
      continue;
    }
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= MAX_INPUT_DEPTH) {
      add(item.top, `Nested more than ${MAX_INPUT_DEPTH} levels deep.`);
      continue;
    }
    const entries: [string, unknown][] = Array.isArray(item.value) ? item.value.map((entry, index) => [String(index), entry]) : Object.entries(item.value);
    for (const [key, child] of entries) {
      const path = item.path ? `${item.path}.${safeKey(key)}` : safeKey(key);
      const top = item.top || path;
      const keyProblem = Array.isArray(item.value) ? undefined : keyProblemOf(key);
      if (keyProblem) {
        add(path, keyProblem);
        continue;
      }
      stack.push({ value: child, path, top, depth: item.depth + 1 });
    }
  }
  return errors;
}

function keyProblemOf(key: string): string | undefined {
  if (PROTOTYPE_KEYS.has(key)) return 'This property is not allowed.';
  if (key.length > MAX_KEY_LENGTH) return `Property names are at most ${MAX_KEY_LENGTH} characters.`;
  return stringProblem(key) ? 'The property name contains a NUL character or invalid Unicode.' : undefined;
}

/** A property name as it may appear in an answer: shortened, control and lone surrogates escaped. */
function safeKey(key: string): string {
  const short = key.length > MAX_KEY_LENGTH ? `${key.slice(0, 20)}…` : key;
  // eslint-disable-next-line no-control-regex
  return short.replace(/[\u0000-\u001f\uD800-\uDFFF]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A whole number from the query string, where every value arrives as text: only plain
 * decimal digits become a number ("0x10", "1e3", "true" and "" stay text and fail @IsInt).
 * Bodies are JSON and carry real numbers, so body DTOs never convert anything.
 */
export const queryInt = () =>
  Transform(({ value }) => (typeof value === 'string' && /^-?\d{1,10}$/.test(value) ? Number(value) : value));
