/**
 * Card templates: `compileTemplate(payload).expand({ $root: data })`.
 *
 * Our templates use a small subset of the Adaptive Card templating language, which
 * `./template-compiler.ts` compiles once into closures (a few µs per expansion instead of the
 * library's ~36 µs of expression evaluation and garbage). A template with anything outside that
 * subset is expanded by adaptivecards-templating's own `Template` instead, so the output never
 * differs from the library's (test/cards/template-compiler.test.ts compares the two).
 *
 * Either way the result is a fresh structure each call: plain objects and arrays taken from the
 * data are copied, so a caller may mutate the card.
 *
 * adaptivecards-templating is loaded through `require` with a minimal local type. Its own type
 * declarations import `adaptivecards/src/schema` (TypeScript sources, not declarations), which
 * `tsc` then compiles under our strict NodeNext settings and fails on; importing the package
 * normally would break `npm run typecheck` for the whole project.
 */
import { createRequire } from 'node:module';
import { compileCardTemplate, copyData } from './template-compiler.js';

export interface CardTemplate {
  /** Binds `${...}` expressions, `$data` and `$when` against `{ $root: data }`. Unbound names are left in place. */
  expand(context: { $root: unknown }): unknown;
  /** `compiled` for our subset, `library` when the template needed adaptivecards-templating. */
  readonly engine: 'compiled' | 'library';
  /** Why the template is outside the compiled subset (only for `library`). */
  readonly unsupported?: string;
}

interface TemplatingModule {
  Template: new (payload: unknown) => { expand(context: { $root: unknown }): unknown };
}

let templating: TemplatingModule | undefined;

/** The library's `Template`, loaded on first need (none of our own templates needs it). */
export function libraryTemplate(payload: unknown): { expand(context: { $root: unknown }): unknown } {
  templating ??= createRequire(import.meta.url)('adaptivecards-templating') as TemplatingModule;
  return new templating.Template(payload);
}

export function compileTemplate(payload: unknown): CardTemplate {
  const compiled = compileCardTemplate(payload);
  if ('expand' in compiled) {
    const expand = compiled.expand;
    return { engine: 'compiled', expand: (context) => expand(context.$root) };
  }
  const template = libraryTemplate(payload);
  return {
    engine: 'library',
    unsupported: compiled.unsupported,
    // The library returns the data's own objects inside the card: copy them like the compiled path.
    expand: (context) => copyData(template.expand(context)),
  };
}
