/**
 * adaptivecards-templating, loaded through `require` with a minimal local type. Its own type
 * declarations import `adaptivecards/src/schema` (TypeScript sources, not declarations), which
 * `tsc` then compiles under our strict NodeNext settings and fails on; importing the package
 * normally would break `npm run typecheck` for the whole project.
 */
import { createRequire } from 'node:module';

export interface CardTemplate {
  /** Binds `${...}` expressions, `$data` and `$when` against `{ $root: data }`. Unbound names are left in place. */
  expand(context: { $root: unknown }): unknown;
}

interface TemplatingModule {
  Template: new (payload: unknown) => CardTemplate;
}

const templating = createRequire(import.meta.url)('adaptivecards-templating') as TemplatingModule;

export function compileTemplate(payload: unknown): CardTemplate {
  return new templating.Template(payload);
}
