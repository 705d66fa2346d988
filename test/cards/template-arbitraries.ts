/**
 * fast-check arbitraries for comparing our compiled card templates with adaptivecards-templating:
 * hostile text, view models perturbed from real samples, and random data over the names a
 * template uses.
 */
import fc from 'fast-check';
import { compileTemplate, libraryTemplate } from '../../src/channels/teams/templating.js';

/** Text a user or the core might put in a card: template syntax, mentions, Markdown, unicode. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '${title}',
    '${labels.why}',
    '${!useButtons}',
    '${$root.message}',
    '${length(errors.form) > 0}',
    '${',
    '}',
    '$',
    '\\${x}',
    '`code`',
    '@channel',
    '<at>Eve</at>',
    '**bold** _it_ [link](https://example.com)',
    '- item\n- item',
    'İstanbul',
    '\u212A',
    '😀 中文 עברית',
    '',
  ),
  fc.array(fc.constantFrom('${', '}', '$', 'x', ' ', '@', '\\', '`', '{', 'title', '中'), { maxLength: 8 }).map((parts) => parts.join('')),
);

/** Keys whose values select behaviour in the view-model builders (enums), kept as in the sample. */
const ENUM_KEYS = new Set(['kind', 'lang', 'verb', 'style', 'status', 'severity', 'tone', 'contactMethod', 'family', 'support', 'category', 'field', 'language', 'url']);

/** Variations of a real sample: any string may become hostile text, booleans flip, arrays resize. */
export function perturbed<T>(sample: T, key?: string): fc.Arbitrary<T> {
  const value: unknown = sample;
  if (typeof value === 'string') {
    return (key !== undefined && ENUM_KEYS.has(key) ? fc.constant(value) : fc.oneof(fc.constant(value), hostileText)) as fc.Arbitrary<T>;
  }
  if (typeof value === 'boolean') return fc.boolean() as unknown as fc.Arbitrary<T>;
  if (Array.isArray(value)) {
    if (value.length === 0) return fc.constant(sample);
    return fc.array(fc.oneof(...value.map((item) => perturbed(item, key))), { maxLength: 7 }) as unknown as fc.Arbitrary<T>;
  }
  if (value !== null && typeof value === 'object') {
    const fields: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [k, v] of Object.entries(value)) fields[k] = perturbed(v, k);
    return fc.record(fields) as unknown as fc.Arbitrary<T>;
  }
  return fc.constant(sample);
}

// ---------------------------------------------------------------------------------------------
// Random data over the names a template uses

/** The data a template reads: dotted names, and for `$data` names the shape of each item. */
export interface DataShape {
  readonly fields: Map<string, DataShape>;
  item?: DataShape;
}

const newShape = (): DataShape => ({ fields: new Map() });

function shapeAt(scope: DataShape, path: string): DataShape {
  let shape = scope;
  for (const name of path.split('.')) {
    let next = shape.fields.get(name);
    if (!next) shape.fields.set(name, (next = newShape()));
    shape = next;
  }
  return shape;
}

const EXPRESSION = /\$\{([^}]*)\}/g;
const PATH_IN = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/g;

function collect(node: unknown, scope: DataShape): void {
  if (typeof node === 'string') {
    for (const [, expression] of node.matchAll(EXPRESSION)) {
      for (const [path] of expression!.matchAll(PATH_IN)) if (path !== 'length') shapeAt(scope, path);
    }
  } else if (Array.isArray(node)) {
    for (const item of node) collect(item, scope);
  } else if (node !== null && typeof node === 'object') {
    let inner = scope;
    const data = (node as Record<string, unknown>).$data;
    if (typeof data === 'string') {
      const match = /^\$\{(.+)\}$/.exec(data);
      if (match) {
        const bound = shapeAt(scope, match[1]!);
        inner = bound.item ??= newShape();
      }
    }
    for (const [key, value] of Object.entries(node)) if (key !== '$data') collect(value, inner);
  }
}

export function templateShape(template: unknown): DataShape {
  const shape = newShape();
  collect(template, shape);
  return shape;
}

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileText },
  fc.boolean(),
  fc.integer(),
  fc.constantFrom(0, -0, 1.5, 1e21, Number.NaN),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(hostileText, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('title', 'value', 'verb', 'Title'), hostileText, { maxKeys: 3 }),
);

/** A key as given, or in another case (the library matches names case-insensitively). */
function keyVariant(name: string): fc.Arbitrary<string> {
  return fc.oneof({ weight: 6, arbitrary: fc.constant(name) }, fc.constant(name.toUpperCase()), fc.constant(name[0]!.toUpperCase() + name.slice(1)));
}

/** Objects over the shape's names: any field missing, of any type, or of the shape the template expects. */
export function dataFor(shape: DataShape, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const entries = [...shape.fields].map(([name, sub]) =>
    fc.option(fc.tuple(keyVariant(name), valueFor(sub, depth + 1)), { nil: undefined, freq: 4 }),
  );
  return fc.tuple(...entries).map((pairs) => {
    const result: Record<string, unknown> = {};
    for (const pair of pairs) if (pair) result[pair[0]] = pair[1];
    return result;
  });
}

function valueFor(shape: DataShape, depth: number): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [leaf];
  if (depth < 5 && shape.fields.size > 0) options.push(dataFor(shape, depth), dataFor(shape, depth));
  if (depth < 5 && shape.item) {
    const item = shape.item;
    options.push(
      fc.array(fc.oneof({ weight: 6, arbitrary: dataFor(item, depth) }, leaf), { maxLength: 4 }),
      fc.array(dataFor(item, depth), { maxLength: 4 }),
      fc.constant([]),
      dataFor(item, depth),
    );
  }
  return fc.oneof(...options);
}

// ---------------------------------------------------------------------------------------------
// Comparing

export type Outcome = { readonly value: unknown } | { readonly error: string };

function outcome(run: () => unknown): Outcome {
  try {
    return { value: run() };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

/** What adaptivecards-templating's `Template` makes of the template and data. */
export function libraryOutcome(template: unknown, data: unknown): Outcome {
  return outcome(() => libraryTemplate(template).expand({ $root: data }));
}

/** What `compileTemplate` makes of them. */
export function compiledOutcome(template: unknown, data: unknown): Outcome {
  return outcome(() => compileTemplate(template).expand({ $root: data }));
}
