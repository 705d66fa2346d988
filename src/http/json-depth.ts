/**
 * A guard against deeply nested JSON, run on the raw bytes before anything parses them. V8's
 * JSON.parse copes with deep nesting, but everything after it that walks the value recursively
 * (JSON.stringify of a conversation reference, botbuilder's cloning, zod) can overflow the stack
 * on 10,000 levels. Real activities and Slack payloads nest a dozen levels at most.
 */

/** Deeper than this is refused with 400. */
export const MAX_JSON_DEPTH = 64;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** True when the JSON text nests objects/arrays more than `max` levels (strings are skipped). One pass, no allocation. */
export function jsonTooDeep(raw: Buffer | string, max = MAX_JSON_DEPTH): boolean {
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === BACKSLASH) i += 1;
      else if (b === QUOTE) inString = false;
      continue;
    }
    if (b === QUOTE) inString = true;
    else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
      depth += 1;
      if (depth > max) return true;
    } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) depth -= 1;
  }
  return false;
}

/** A body parser's `verify` hook: refuses a too-deep body before it is parsed. */
export function verifyJsonDepth(_req: unknown, _res: unknown, raw: Buffer): void {
  if (jsonTooDeep(raw)) throw new JsonTooDeepError();
}

/** The error a body parser's `verify` throws for a too-deep body: express answers it as a 400. */
export class JsonTooDeepError extends Error {
  readonly status = 400;
  readonly statusCode = 400;
  readonly type = 'entity.too.deep';
  readonly expose = true;
  constructor(max = MAX_JSON_DEPTH) {
    super(`the JSON nests deeper than ${max} levels`);
    this.name = 'JsonTooDeepError';
  }
}
