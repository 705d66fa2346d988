/**
 * The compiled card templates (src/channels/teams/template-compiler.ts) against
 * adaptivecards-templating, which they replace: the library's semantics as found by experiment,
 * every template in cards/ over real and random view models, the fallback, and fresh output.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Reply, ReplyKind } from '../../src/conversation/types.js';
import { cardData, DEFAULT_CARDS_DIR, loadCardTemplates, REPLY_KINDS } from '../../src/channels/teams/renderer.js';
import { compileTemplate, libraryTemplate, type CardTemplate } from '../../src/channels/teams/templating.js';
import { SAMPLE_REPLIES } from './samples.js';
import { compiledOutcome, dataFor, hostileText, libraryOutcome, perturbed, templateShape, type Outcome } from './template-arbitraries.js';

const CARD_FILES = readdirSync(DEFAULT_CARDS_DIR).filter((file) => file.endsWith('.json')).sort();
const cardJson = (file: string): unknown => JSON.parse(readFileSync(join(DEFAULT_CARDS_DIR, file), 'utf8'));

/** Both implementations, each built once. */
function pair(template: unknown): { compiled: CardTemplate; library: ReturnType<typeof libraryTemplate> } {
  return { compiled: compileTemplate(template), library: libraryTemplate(template) };
}

function run(template: { expand(context: { $root: unknown }): unknown }, data: unknown): Outcome {
  try {
    return { value: template.expand({ $root: data }) };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

describe('adaptivecards-templating semantics, and the compiled templates follow them', () => {
  const v = (text: string) => ({ v: text });
  const list = (item: unknown) => ({ list: [0, item, 9] });
  // [what, template, data, the library's output]
  const cases: [string, unknown, unknown, unknown][] = [
    // A string that is exactly ${path} takes the value's own type.
    ['${x} alone: a string', v('${a}'), { a: 'x' }, v('x')],
    ['${x} alone: a number', v('${a}'), { a: 5 }, { v: 5 }],
    ['${x} alone: a boolean', v('${a}'), { a: false }, { v: false }],
    ['${x} alone: an object', v('${a}'), { a: { b: 1 } }, { v: { b: 1 } }],
    ['${x} alone: an array', v('${a}'), { a: [1, 2] }, { v: [1, 2] }],
    ['${x} alone: null stays null', v('${a}'), { a: null }, { v: null }],
    ['${x} alone: an empty string', v('${a}'), { a: '' }, v('')],
    // Unbound names are left in place as the literal expression.
    ['unbound name left in place', v('${a}'), {}, v('${a}')],
    ['unbound dotted name left in place', v('${a.b.c}'), { a: {} }, v('${a.b.c}')],
    ['a path through a string is unbound', v('${a.b}'), { a: 'text' }, v('${a.b}')],
    ['a path through null is unbound', v('${a.b}'), { a: null }, v('${a.b}')],
    ['a path through 0 is unbound', v('${a.b}'), { a: 0 }, v('${a.b}')],
    ['an array has no length', v('${a.length}'), { a: [1, 2] }, v('${a.length}')],
    ['inherited properties are not read', v('${a}'), Object.create({ a: 1 }), v('${a}')],
    ['root null', v('${a}'), null, v('${a}')],
    ['root text', v('${a}'), 'text', v('${a}')],
    // Names match keys case-insensitively: the first such key wins.
    ['case-insensitive name', v('${title}'), { Title: 'T' }, v('T')],
    ['first case-insensitive key wins (1)', v('${title}'), { Title: 'T', title: 't' }, v('T')],
    ['first case-insensitive key wins (2)', v('${title}'), { title: 't', Title: 'T' }, v('t')],
    ['the Kelvin sign lowercases to k', v('${k}'), { '\u212A': 'kelvin' }, v('kelvin')],
    ['İ does not match i', v('${i}'), { '\u0130': 'x' }, v('${i}')],
    ['a Map is read, exact key first', v('${a}'), { a: new Map([['A', 1], ['a', 2]]) }, { v: new Map([['A', 1], ['a', 2]]) }],
    ['through a Map', v('${m.a}'), { m: new Map([['A', 1]]) }, { v: 1 }],
    // Embedded in a longer string: value.toString().
    ['embedded string', v('x ${a} y'), { a: 'A' }, v('x A y')],
    ['embedded number', v('x ${a}'), { a: 1e21 }, v('x 1e+21')],
    ['embedded boolean', v('x ${a}'), { a: true }, v('x true')],
    ['embedded object', v('x ${a}'), { a: { b: 1 } }, v('x [object Object]')],
    ['embedded array', v('x ${a}'), { a: [1, [2, 3]] }, v('x 1,2,3')],
    ['embedded unbound', v('x ${a} and ${b}'), { a: 'A' }, v('x A and ${b}')],
    ['two expressions', v('${a}${b}'), { a: 'A', b: 'B' }, v('AB')],
    // A data value is never evaluated again.
    ['user text ${...} stays text', v('${a}'), { a: '${b}', b: 'EVIL' }, v('${b}')],
    ['user text ${...} stays text when embedded', v('x ${a}'), { a: '${b}', b: 'EVIL' }, v('x ${b}')],
    ['user object holding ${...} stays as is', v('${a}'), { a: { t: '${b}', $when: '${no}' }, b: 'EVIL' }, { v: { t: '${b}', $when: '${no}' } }],
    // ${!x} and ${length(x) > 0}
    ['!true', v('${!a}'), { a: true }, { v: false }],
    ['!false', v('${!a}'), { a: false }, { v: true }],
    ['!undefined', v('${!a}'), {}, { v: true }],
    ['!null', v('${!a}'), { a: null }, { v: true }],
    ['!0 (only booleans and null are logic values)', v('${!a}'), { a: 0 }, { v: false }],
    ['!""', v('${!a}'), { a: '' }, { v: false }],
    ['length of a string', v('${length(a.b) > 0}'), { a: { b: 'x' } }, { v: true }],
    ['length of an empty string', v('${length(a.b) > 0}'), { a: { b: '' } }, { v: false }],
    ['length of nothing', v('${length(a.b) > 0}'), {}, { v: false }],
    ['length of an array is an error: false', v('${length(a) > 0}'), { a: [1] }, { v: false }],
    ['length of a number is an error: false', v('${length(a) > 0}'), { a: 5 }, { v: false }],
    // $data
    ['$data array repeats', list({ $data: '${xs}', t: '${t}' }), { xs: [{ t: 'a' }, { t: 'b' }] }, { list: [0, { t: 'a' }, { t: 'b' }, 9] }],
    ['$data empty array drops', list({ $data: '${xs}', t: '${t}' }), { xs: [] }, { list: [0, 9] }],
    ['$data object binds once', list({ $data: '${xs}', t: '${t}' }), { xs: { t: 'o' } }, { list: [0, { t: 'o' }, 9] }],
    ['$data unbound binds the text "${xs}"', list({ $data: '${xs}', t: '${t}' }), { t: 'outer' }, { list: [0, { t: '${t}' }, 9] }],
    ['$data null binds null', list({ $data: '${xs}', t: '${t}' }), { xs: null, t: 'outer' }, { list: [0, { t: '${t}' }, 9] }],
    ['$data names never fall back to the outer data', list({ $data: '${xs}', t: '${t}', u: '${u}' }), { xs: [{ t: 'a' }], u: 'U' }, { list: [0, { t: 'a', u: '${u}' }, 9] }],
    ['$data primitive items', list({ $data: '${xs}', t: '${t}' }), { xs: ['a', 1] }, { list: [0, { t: '${t}' }, { t: '${t}' }, 9] }],
    ['$data undefined item reuses the previous item', list({ $data: '${xs}', t: '${t}' }), { xs: [{ t: 'a' }, undefined, { t: 'c' }] }, { list: [0, { t: 'a' }, { t: 'a' }, { t: 'c' }, 9] }],
    ['$data undefined first item keeps the outer data', list({ $data: '${xs}', t: '${t}' }), { xs: [undefined, { t: 'c' }], t: 'outer' }, { list: [0, { t: 'outer' }, { t: 'c' }, 9] }],
    ['$data on a property: several items make an array', { p: { $data: '${xs}', t: '${t}' } }, { xs: [{ t: 'a' }, { t: 'b' }] }, { p: [{ t: 'a' }, { t: 'b' }] }],
    ['$data on a property: one item is the object', { p: { $data: '${xs}', t: '${t}' } }, { xs: [{ t: 'a' }] }, { p: { t: 'a' } }],
    ['$data on a property: no item is null', { p: { $data: '${xs}', t: '${t}' } }, { xs: [] }, { p: null }],
    ['$data on the root, empty', { $data: '${xs}', t: '${t}' }, { xs: [] }, null],
    ['nested $data', list({ $data: '${xs}', items: [{ $data: '${ys}', t: '${t}' }] }), { xs: [{ ys: [{ t: 'a' }, { t: 'b' }] }, { ys: [] }] }, { list: [0, { items: [{ t: 'a' }, { t: 'b' }] }, { items: [] }, 9] }],
    // $when
    ['$when true keeps', list({ $when: '${w}', t: 'k' }), { w: true }, { list: [0, { t: 'k' }, 9] }],
    ['$when false drops', list({ $when: '${w}', t: 'k' }), { w: false }, { list: [0, 9] }],
    ['$when undefined drops', list({ $when: '${w}', t: 'k' }), {}, { list: [0, 9] }],
    ['$when "true" (not a boolean) drops', list({ $when: '${w}', t: 'k' }), { w: 'true' }, { list: [0, 9] }],
    ['$when 1 drops', list({ $when: '${w}', t: 'k' }), { w: 1 }, { list: [0, 9] }],
    ['$when on a property: null', { p: { $when: '${w}', t: 'k' } }, { w: false }, { p: null }],
    ['$when on the root: null', { $when: '${w}', t: 'k' }, { w: false }, null],
    ['$when with $data is per item', list({ $data: '${xs}', $when: '${ok}', t: '${t}' }), { xs: [{ t: 'a', ok: true }, { t: 'b', ok: false }], ok: true }, { list: [0, { t: 'a' }, 9] }],
    // Arrays and objects
    ['arrays drop nulls', { l: [null, 1, '${a}'] }, { a: null }, { l: [1] }],
    ['arrays splice nested arrays', { l: [[1, 2], 3, [[4]], '${a}'] }, { a: [5, [6]] }, { l: [1, 2, 3, 4, 5, [6]] }],
    ['objects keep nulls', { p: '${a}', q: null }, { a: null }, { p: null, q: null }],
    ['reserved keys are dropped, keys never expanded', { $root: 1, $index: 2, $host: 3, $_acTemplateVersion: 4, '${k}': 1 }, { k: 'K' }, { '${k}': 1 }],
    ['a root string', '${a}', { a: { b: 1 } }, { b: 1 }],
  ];

  it.each(cases)('%s', (_what, template, data, expected) => {
    expect(libraryOutcome(template, data)).toStrictEqual({ value: expected });
    expect(compileTemplate(template).engine).toBe('compiled');
    expect(compiledOutcome(template, data)).toStrictEqual({ value: expected });
  });

  it('null embedded in a longer string throws the same TypeError in both', () => {
    const template = v('x ${a}');
    expect(libraryOutcome(template, { a: null })).toEqual({ error: "TypeError: Cannot read properties of null (reading 'toString')" });
    expect(compiledOutcome(template, { a: null })).toEqual(libraryOutcome(template, { a: null }));
  });

  it('the library shares the data’s objects with its output; ours copies them', () => {
    const template = { actions: [{ $data: '${actions}', data: '${data}' }], whole: '${obj}' };
    const data = { actions: [{ data: { verb: 'v' } }], obj: { deep: { x: 1 } } };
    const library = libraryTemplate(template).expand({ $root: data }) as { actions: { data: unknown }[]; whole: unknown };
    expect(library.actions[0]!.data).toBe(data.actions[0]!.data);
    expect(library.whole).toBe(data.obj);
    const ours = compileTemplate(template).expand({ $root: data }) as typeof library;
    expect(ours).toStrictEqual(library);
    expect(ours.actions[0]!.data).not.toBe(data.actions[0]!.data);
    expect(ours.whole).not.toBe(data.obj);
  });
});

describe('compiled card templates', () => {
  it('compiles every template in cards/ (none needs the library)', () => {
    expect(CARD_FILES.length).toBeGreaterThanOrEqual(11);
    for (const file of CARD_FILES) {
      const template = compileTemplate(cardJson(file));
      expect({ file, engine: template.engine, unsupported: template.unsupported }).toEqual({ file, engine: 'compiled', unsupported: undefined });
    }
  });

  const templates = loadCardTemplates();
  const byKind = new Map(REPLY_KINDS.map((kind) => [kind, pair(templates[kind])]));
  const sampleCases = REPLY_KINDS.flatMap((kind) => SAMPLE_REPLIES[kind].map((reply, i) => ({ name: `${kind} #${i + 1}`, reply })));

  it.each(sampleCases)('$name: the same card as the library', ({ reply }) => {
    const { compiled, library } = byKind.get(reply.kind)!;
    const data = cardData(reply);
    expect(run(compiled, data)).toStrictEqual(run(library, data));
  });

  it.each(REPLY_KINDS)('%s: the same card as the library for view models of varied replies', (kind: ReplyKind) => {
    const { compiled, library } = byKind.get(kind)!;
    const replies = fc.oneof(...SAMPLE_REPLIES[kind].map((sample) => perturbed<Reply>(sample)));
    fc.assert(
      fc.property(replies, (reply) => {
        const data = cardData(reply);
        expect(run(compiled, data)).toStrictEqual(run(library, data));
      }),
      { numRuns: 150 },
    );
  });

  it.each(CARD_FILES)('%s: the same output as the library for random data over its names', (file) => {
    const template = cardJson(file);
    const { compiled, library } = pair(template);
    expect(compiled.engine).toBe('compiled');
    const data = fc.oneof({ weight: 20, arbitrary: dataFor(templateShape(template)) }, fc.constantFrom(null, undefined, 'text', 0, [], {}));
    fc.assert(
      fc.property(data, (root) => {
        expect(run(compiled, root)).toStrictEqual(run(library, root));
      }),
      { numRuns: 300 },
    );
  });

  it('interpolated text: the same as the library, compiled or not', () => {
    const literal = fc.oneof(hostileText, fc.constantFrom('', ' ', 'Case ', ': ', ' · ', '\n'));
    const expression = fc.constantFrom('${a}', '${b.c}', '${missing}', '${A}', '${!a}', '${length(a) > 0}', '${ a }', '${a.}', '${true}', '${$index}');
    const text = fc.array(fc.tuple(literal, expression), { minLength: 1, maxLength: 3 }).chain((parts) =>
      literal.map((tail) => parts.map(([l, e]) => l + e).join('') + tail),
    );
    const value = fc.oneof(hostileText, fc.integer(), fc.boolean(), fc.constant(undefined), fc.array(fc.integer(), { maxLength: 2 }));
    fc.assert(
      fc.property(text, value, value, (t, a, c) => {
        const template = { v: t };
        const data = { a, b: { c } };
        expect(compiledOutcome(template, data)).toStrictEqual(libraryOutcome(template, data));
      }),
      { numRuns: 300 },
    );
  });
});

describe('templates outside the subset', () => {
  const unsupported: [string, unknown, unknown][] = [
    ['$index', { body: [{ $data: '${items}', text: '${$index}' }] }, { items: [{}, {}] }],
    ['$root.', { body: [{ $data: '${items}', text: '${$root.title}' }] }, { title: 'T', items: [{}, {}] }],
    ['another function', { text: '${toUpper(name)}' }, { name: 'eve' }],
    ['if()', { text: "${if(ok, 'yes', 'no')}" }, { ok: true }],
    ['a comparison', { $when: "${status == 'open'}", text: 'open' }, { status: 'open' }],
    ['length(x) > 1', { $when: '${length(a) > 1}', text: 'x' }, { a: 'ab' }],
    ['an operator', { text: '${a + b}' }, { a: 1, b: 2 }],
    ['a constant', { text: '${true}' }, {}],
    ['spaces inside', { text: '${ name }' }, { name: 'eve' }],
    ['an index', { text: '${items[0].title}' }, { items: [{ title: 'first' }] }],
    ['a string literal', { text: "${'x'}" }, {}],
    ['a $data literal array', { body: [{ $data: [{ t: 'a' }, { t: 'b' }], text: '${t}' }] }, {}],
    ['a literal $when', { body: [{ $when: false, text: 'kept' }, { $when: 'x', text: 'dropped' }] }, {}],
    ['an escaped ${ in text', { text: 'price \\${a} ${a}' }, { a: 1 }],
    ['! inside text', { text: 'not ${!a}' }, { a: true }],
  ];

  it.each(unsupported)('%s: falls back to the library, same output', (_what, template, data) => {
    const compiled = compileTemplate(template);
    expect(compiled.engine).toBe('library');
    expect(compiled.unsupported).toEqual(expect.any(String));
    expect(compiledOutcome(template, data)).toStrictEqual(libraryOutcome(template, data));
  });

  it('a template the library cannot parse (a backquote beside an expression) throws its error, as before', () => {
    const template = { text: 'run `x` ${a}' };
    expect(() => libraryTemplate(template)).toThrow('Invalid expression format');
    expect(() => compileTemplate(template)).toThrow('Invalid expression format');
  });

  it('a fallback template also returns fresh objects', () => {
    const template = { text: '${$root.title}', data: '${data}' };
    const data = { title: 'T', data: { verb: 'v' } };
    const compiled = compileTemplate(template);
    expect(compiled.engine).toBe('library');
    const first = compiled.expand({ $root: data }) as { data: { verb: string } };
    expect(first).toStrictEqual({ text: 'T', data: { verb: 'v' } });
    first.data.verb = 'changed';
    expect(data.data.verb).toBe('v');
    expect(compiled.expand({ $root: data })).toStrictEqual({ text: 'T', data: { verb: 'v' } });
  });
});

describe('fresh output', () => {
  it('mutating one card changes neither the next card, the data nor the template', () => {
    const file = 'triage.json';
    const template = cardJson(file);
    const before = JSON.stringify(template);
    const compiled = compileTemplate(template);
    const data = cardData(SAMPLE_REPLIES.triage[0]!);
    const dataBefore = JSON.stringify(data);
    const first = compiled.expand({ $root: data }) as Record<string, any>;
    const expected = structuredClone(first);

    first.body[0].text = 'changed';
    first.body[1].facts.push({ title: 'x', value: 'y' });
    first.body[1].facts[0].title = 'changed';
    first.actions[0].data.verb = 'changed';
    first.actions[0].data.extra = { deep: true };
    first.actions.length = 0;
    first.version = '0';

    expect(compiled.expand({ $root: data })).toStrictEqual(expected);
    expect(JSON.stringify(data)).toBe(dataBefore);
    expect(JSON.stringify(template)).toBe(before);
  });

  it('two expansions share no object', () => {
    const compiled = compileTemplate(cardJson('case-form.json'));
    const data = cardData(SAMPLE_REPLIES['case-form'][0]!);
    const objects = (value: unknown, into = new Set<object>()): Set<object> => {
      if (value !== null && typeof value === 'object') {
        into.add(value);
        for (const item of Object.values(value)) objects(item, into);
      }
      return into;
    };
    const first = objects(compiled.expand({ $root: data }));
    const second = objects(compiled.expand({ $root: data }));
    const inData = objects(data);
    for (const object of second) {
      expect(first.has(object)).toBe(false);
      expect(inData.has(object)).toBe(false);
    }
  });

  it('changing the template after compiling does not change the cards (as with the library)', () => {
    const template = { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: '${t}' }] };
    const compiled = compileTemplate(template);
    const library = libraryTemplate(template);
    template.body[0]!.text = 'changed';
    expect(compiled.expand({ $root: { t: 'x' } })).toStrictEqual(library.expand({ $root: { t: 'x' } }));
    expect(compiled.expand({ $root: { t: 'x' } })).toStrictEqual({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'x' }] });
  });
});
