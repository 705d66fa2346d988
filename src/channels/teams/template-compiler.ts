/**
 * A compiler for the small subset of the Adaptive Card templating language our `cards/*.json`
 * use. A template is parsed once into a tree of closures; expanding it walks that tree against
 * the data with no expression parsing and no per-call memory or context objects.
 *
 * The subset (anything else makes `compileCardTemplate` return a reason, and the caller falls back
 * to adaptivecards-templating's `Template` for the whole template):
 *
 * - a string that is exactly `${path}`, `${!path}` or `${length(path) > 0}` (spacing exactly so);
 * - a string mixing literal text and `${path}` (the literal text may not hold `$`, `{`, `}`, `\`
 *   or a backquote, whose meaning inside the library's template strings is subtle);
 * - `"$data": "${path}"` and `"$when": "${path}" | "${!path}" | "${length(path) > 0}"` on objects;
 * - JSON values: strings, finite or not numbers, booleans, null, arrays, plain objects.
 *
 * `path` is `name(.name)*` with `name` = `[A-Za-z_][A-Za-z0-9_]*`, none of them `true`, `false`,
 * `null` or `undefined` (the expression language's constants). No `$root`, `$index`, `$host`,
 * other functions or operators.
 *
 * Semantics, as established against adaptivecards-templating 2.3.1 / adaptive-expressions 4.23
 * (test/cards/template-compiler.test.ts holds the evidence):
 *
 * - names resolve against the current `$data` (the root data, or the item of the enclosing
 *   `$data` array) only, never against an outer scope; each step takes the FIRST own enumerable
 *   key that equals the name case-insensitively (`${title}` reads `Title`), a Map's exact key
 *   first; a falsy value (0, '', false, null) has no properties;
 * - `${path}` alone takes the value's own type (object, array, number, boolean, null); an
 *   undefined value becomes the literal text `${path}`; null stays null;
 * - `${path}` inside a longer string is `value.toString()` (`[object Object]`, `a,b`), undefined
 *   is the literal `${path}`, and null throws a TypeError, as the library does;
 * - `${!path}` is true for false, null and undefined, else false; `${length(path) > 0}` is true
 *   only for a non-empty string (the library's `length` rejects arrays);
 * - `$when` keeps the object only when the expression is exactly `true`;
 * - `$data` bound to an array repeats the object once per item (an undefined item reuses the
 *   previous item, as in the library); bound to anything else (an object, or the text `${path}`
 *   when unbound) the object is expanded once with that as `$data`;
 * - an object yields null (no copy left), the object (one) or an array (several); an array drops
 *   null members and splices array members in; an object keeps null values;
 * - the keys `$data`, `$when`, `$root`, `$index`, `$host` and `$_acTemplateVersion` are dropped;
 * - data values are never evaluated again: a user's `${x}` stays text.
 *
 * One deliberate difference: the library returns the data's own objects and arrays by reference
 * (`"data": "${data}"` is the view model's object); here they are copied (plain objects and
 * arrays, recursively, up to 100 levels deep), so a card shares nothing with the template, the
 * data or another card.
 */

type Expand = (scope: unknown) => unknown;

/** The keys the library never copies into the output. */
const RESERVED_KEYS = new Set(['$data', '$when', '$root', '$index', '$host', '$_acTemplateVersion']);
/** The expression language's constants: `${true}` is not a name. */
const CONSTANT_WORDS = new Set(['true', 'false', 'null', 'undefined']);

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const PATH = `${NAME}(?:\\.${NAME})*`;
const PATH_ONLY = new RegExp(`^${PATH}$`);
const WHOLE_PATH = new RegExp(`^\\$\\{(${PATH})\\}$`);
const WHOLE_NOT = new RegExp(`^\\$\\{!(${PATH})\\}$`);
const WHOLE_LENGTH = new RegExp(`^\\$\\{length\\((${PATH})\\) > 0\\}$`);
/** Literal text allowed around embedded expressions. */
const PLAIN_TEXT = /^[^${}\\`]*$/;

class Unsupported extends Error {}

// ---------------------------------------------------------------------------------------------
// Reading the data

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * One step of a path, as adaptive-expressions' `accessProperty` takes it: the first own
 * enumerable key equal to `name` case-insensitively; for a Map, the exact key first.
 * `lower` is `name.toLowerCase()`; `name` is ASCII, so a key whose lowercase equals it has the
 * same length (no character lowercases to several ASCII ones), which skips most keys cheaply.
 */
function step(value: unknown, name: string, lower: string): unknown {
  if (!value) return undefined;
  const type = typeof value;
  // A string's own keys are its indices, a number's or boolean's none: never a name.
  if (type !== 'object' && type !== 'function') return undefined;
  if (value instanceof Map) {
    const exact: unknown = value.get(name);
    if (exact !== undefined) return exact;
    for (const key of value.keys()) {
      // Like the library, a non-string key throws here.
      if ((key as string).toLowerCase() === lower) return value.get(key) as unknown;
    }
    return undefined;
  }
  // `for in` lists the own enumerable keys in `Object.keys` order, then inherited ones (skipped
  // by the own-property check), without allocating the key array.
  const length = name.length;
  for (const key in value as object) {
    if (key.length === length && (key === name || key.toLowerCase() === lower) && hasOwn.call(value, key)) {
      return (value as Record<string, unknown>)[key];
    }
  }
  return undefined;
}

type Getter = (scope: unknown) => unknown;

function compilePath(path: string): Getter {
  const names = path.split('.');
  for (const name of names) if (CONSTANT_WORDS.has(name)) throw new Unsupported(`"${name}" is a constant, not a name`);
  const lowers = names.map((name) => name.toLowerCase());
  if (names.length === 1) {
    const [name] = names as [string];
    const [lower] = lowers as [string];
    return (scope) => step(scope, name, lower);
  }
  if (names.length === 2) {
    const [a, b] = names as [string, string];
    const [la, lb] = lowers as [string, string];
    return (scope) => step(step(scope, a, la), b, lb);
  }
  return (scope) => {
    let value = scope;
    for (let i = 0; i < names.length; i++) value = step(value, names[i]!, lowers[i]!);
    return value;
  };
}

// ---------------------------------------------------------------------------------------------
// Copying values out of the data

const MAX_COPY_DEPTH = 100;

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A copy of plain objects and arrays (recursively); anything else as is. */
export function copyData(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null || depth > MAX_COPY_DEPTH) return value;
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = copyData(value[i], depth + 1);
    return copy;
  }
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = Object.getPrototypeOf(value) === null ? Object.create(null) : {};
  for (const key of Object.keys(value)) {
    const item = copyData((value as Record<string, unknown>)[key], depth + 1);
    if (key === '__proto__') Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    else copy[key] = item;
  }
  return copy;
}

// ---------------------------------------------------------------------------------------------
// Expressions

/** `${path}` alone: the value itself (copied), or the literal text when undefined. */
function valueOf(path: string): Expand {
  const get = compilePath(path);
  const unbound = '${' + path + '}';
  return (scope) => {
    const value = get(scope);
    if (value === undefined) return unbound;
    return typeof value === 'object' && value !== null ? copyData(value) : value;
  };
}

/** `${!path}`: adaptive-expressions' `!isLogicTrue(value)`. */
function notOf(path: string): Expand {
  const get = compilePath(path);
  return (scope) => {
    const value = get(scope);
    return typeof value === 'boolean' ? !value : value === undefined || value === null;
  };
}

/** `${length(path) > 0}`: `length` takes a string (null and undefined count as ''), else fails, and a failed comparison is false. */
function nonEmptyOf(path: string): Expand {
  const get = compilePath(path);
  return (scope) => {
    const value = get(scope);
    return typeof value === 'string' && value.length > 0;
  };
}

/** A whole-string expression, or undefined when the string is not one. */
function wholeExpression(text: string): Expand | undefined {
  let match = WHOLE_PATH.exec(text);
  if (match) return valueOf(match[1]!);
  match = WHOLE_NOT.exec(text);
  if (match) return notOf(match[1]!);
  match = WHOLE_LENGTH.exec(text);
  if (match) return nonEmptyOf(match[1]!);
  return undefined;
}

/** `$when`: the expression without substitution; only `true` keeps the object. */
function condition(text: unknown): (scope: unknown) => boolean {
  if (typeof text !== 'string') throw new Unsupported('$when is not an expression string');
  let match = WHOLE_PATH.exec(text);
  if (match) {
    const get = compilePath(match[1]!);
    return (scope) => get(scope) === true;
  }
  match = WHOLE_NOT.exec(text);
  if (match) {
    const not = notOf(match[1]!);
    return (scope) => not(scope) as boolean;
  }
  match = WHOLE_LENGTH.exec(text);
  if (match) {
    const nonEmpty = nonEmptyOf(match[1]!);
    return (scope) => nonEmpty(scope) as boolean;
  }
  throw new Unsupported(`$when ${JSON.stringify(text)} is outside the supported subset`);
}

/** Text with `${path}` inside: each value's `toString()`, undefined left as `${path}`. */
function interpolation(text: string): Expand {
  const literals: string[] = [];
  const getters: Getter[] = [];
  const unbound: string[] = [];
  let rest = text;
  for (;;) {
    const start = rest.indexOf('${');
    if (start < 0) break;
    const end = rest.indexOf('}', start);
    if (end < 0) throw new Unsupported(`unterminated expression in ${JSON.stringify(text)}`);
    const literal = rest.slice(0, start);
    const path = rest.slice(start + 2, end);
    if (!PLAIN_TEXT.test(literal)) throw new Unsupported(`text around an expression holds $, {, }, \\ or \` in ${JSON.stringify(text)}`);
    if (!PATH_ONLY.test(path)) throw new Unsupported(`expression \${${path}} inside text is not a plain name`);
    literals.push(literal);
    getters.push(compilePath(path));
    unbound.push('${' + path + '}');
    rest = rest.slice(end + 1);
  }
  if (!PLAIN_TEXT.test(rest)) throw new Unsupported(`text around an expression holds $, {, }, \\ or \` in ${JSON.stringify(text)}`);
  const tail = rest;
  const count = getters.length;
  return (scope) => {
    let result = '';
    for (let i = 0; i < count; i++) {
      result += literals[i]!;
      const value = getters[i]!(scope);
      // `value.toString()` exactly as the library: null throws a TypeError.
      result += value === undefined ? unbound[i]! : (value as { toString(): string }).toString();
    }
    return result + tail;
  };
}

// ---------------------------------------------------------------------------------------------
// Nodes

function constant(value: unknown): Expand {
  return () => value;
}

function compileString(text: string): Expand {
  if (!text.includes('${')) return constant(text);
  return wholeExpression(text) ?? interpolation(text);
}

function compileArray(items: readonly unknown[]): Expand {
  const parts: Expand[] = [];
  const fixed: boolean[] = [];
  for (let i = 0; i < items.length; i++) {
    if (!(i in items)) throw new Unsupported('sparse array');
    const item = items[i];
    // The library drops null members and splices nested arrays in, template or not.
    if (item === null) continue;
    parts.push(compileNode(item));
    fixed.push(typeof item !== 'object' && !(typeof item === 'string' && item.includes('${')));
  }
  const count = parts.length;
  return (scope) => {
    const result: unknown[] = [];
    for (let i = 0; i < count; i++) {
      const value = parts[i]!(scope);
      if (fixed[i]) result.push(value);
      else if (value === null) continue;
      else if (Array.isArray(value)) for (let j = 0; j < value.length; j++) result.push(value[j]);
      else result.push(value);
    }
    return result;
  };
}

function compileObject(node: Record<string, unknown>): Expand {
  const keys: string[] = [];
  const values: Expand[] = [];
  for (const key of Object.keys(node)) {
    if (RESERVED_KEYS.has(key)) continue;
    if (key === '__proto__') throw new Unsupported('a "__proto__" key');
    keys.push(key);
    values.push(compileNode(node[key]));
  }
  const count = keys.length;
  const build = (scope: unknown): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    for (let i = 0; i < count; i++) result[keys[i]!] = values[i]!(scope);
    return result;
  };

  const when = '$when' in node ? condition(node.$when) : undefined;
  if (!('$data' in node)) {
    if (!when) return build;
    return (scope) => (when(scope) ? build(scope) : null);
  }

  const data = node.$data;
  const match = typeof data === 'string' ? WHOLE_PATH.exec(data) : null;
  if (!match) throw new Unsupported(`$data ${JSON.stringify(data)} is not "\${name}"`);
  const path = match[1]!;
  const get = compilePath(path);
  const unbound = '${' + path + '}';
  return (scope) => {
    const bound = get(scope);
    if (!Array.isArray(bound)) {
      // Not an array (an object, a primitive, null, or the unbound text): expanded once with it as $data.
      const item = bound === undefined ? unbound : bound;
      return !when || when(item) ? build(item) : null;
    }
    const results: unknown[] = [];
    let item = scope;
    for (let i = 0; i < bound.length; i++) {
      const next: unknown = bound[i];
      // The library leaves $data as it was (the previous item) for an undefined member.
      if (next !== undefined) item = next;
      if (!when || when(item)) results.push(build(item));
    }
    return results.length === 0 ? null : results.length === 1 ? results[0] : results;
  };
}

function compileNode(node: unknown): Expand {
  switch (typeof node) {
    case 'string':
      return compileString(node);
    case 'number':
    case 'boolean':
      return constant(node);
    case 'object':
      if (node === null) return constant(null);
      if (Array.isArray(node)) return compileArray(node);
      if (!isPlainObject(node)) throw new Unsupported('a value that is not JSON');
      return compileObject(node as Record<string, unknown>);
    default:
      throw new Unsupported(`a ${typeof node} value, which is not JSON`);
  }
}

export type CompiledTemplate = (root: unknown) => unknown;

/**
 * The template as a function of the root data, or the reason it is outside the subset.
 * The template is read once, here: changing it afterwards does not change the function.
 */
export function compileCardTemplate(payload: unknown): { expand: CompiledTemplate } | { unsupported: string } {
  try {
    return { expand: compileNode(payload) };
  } catch (error) {
    if (error instanceof Unsupported) return { unsupported: error.message };
    throw error;
  }
}
