/**
 * What a rule pattern's text must contain before the regex is worth running. Most patterns
 * name a word ("user", "teams", "@", ".sharepoint.com") that most messages lack, and a
 * substring test is far cheaper than a regex scan, which on the hot path runs ~100 patterns
 * per message.
 *
 * The reading is conservative: only parts that every match must contain are kept. A literal
 * run outside any group, class or quantifier must appear as written; a group of plain literal
 * alternatives that is not optional must contribute one of them. Anything not understood
 * (alternation at the top, escapes other than punctuation, classes) simply adds no
 * requirement, so an unusual pattern is run every time rather than skipped wrongly.
 */

/** Every entry must hold: each is a list of alternatives, one of which the text contains. */
export type Requirements = readonly (readonly string[])[];

const QUANTIFIER_START = new Set(['?', '*', '+', '{']);
/** Escapes that stand for one literal character (`\.`, `\-`, `\/` ...). */
const LITERAL_ESCAPE = /^[.\-/\\()[\]{}?*+|^$@#&%!:=,'"~<> ]$/;
/** `(?=` and `(?<=`: their contents must match too, so their literals are required. */
const POSITIVE_LOOKAROUND = /^\?<?=/;

export function patternRequirements(source: string): Requirements {
  if (hasTopLevelAlternation(source)) return [];
  const requirements: (readonly string[])[] = [];
  let run = '';
  let lastWasLiteral = false;
  const endRun = () => {
    if (run.length > 0) requirements.push([run]);
    run = '';
    lastWasLiteral = false;
  };
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (QUANTIFIER_START.has(ch)) {
      // The element before is optional or repeated: the last literal character is not required.
      if (lastWasLiteral) run = run.slice(0, -1);
      endRun();
      i = ch === '{' ? skipBrace(source, i) : i + 1;
      continue;
    }
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (LITERAL_ESCAPE.test(next)) {
        run += next;
        lastWasLiteral = true;
      } else {
        endRun();
      }
      i += 2;
      continue;
    }
    if (ch === '[') {
      endRun();
      i = skipClass(source, i);
      continue;
    }
    if (ch === '(') {
      endRun();
      const close = matchingParen(source, i);
      if (close < 0) return [];
      const optional = QUANTIFIER_START.has(source[close + 1] ?? '') && !/^\+/.test(source.slice(close + 1));
      const body = source.slice(i + 1, close);
      const lookaround = POSITIVE_LOOKAROUND.exec(body);
      if (lookaround) {
        // What a positive lookaround must see is in the text as well ("(?<=affected:\s?)\d+" needs ':').
        requirements.push(...patternRequirements(body.slice(lookaround[0].length)));
      } else {
        const alternatives = optional ? undefined : literalAlternatives(body);
        if (alternatives) requirements.push(alternatives);
      }
      i = close + 1;
      continue;
    }
    if (ch === '.' || ch === '^' || ch === '$' || ch === '|' || ch === ')') {
      endRun();
      i += 1;
      continue;
    }
    run += ch;
    lastWasLiteral = true;
    i += 1;
  }
  endRun();
  return requirements.filter((alternatives) => alternatives.every((a) => a.length > 0));
}

/** Whether `text` can hold a match, as far as the requirements tell. */
export function mayMatch(text: string, requirements: Requirements): boolean {
  for (const alternatives of requirements) {
    let found = false;
    for (const literal of alternatives) {
      if (text.includes(literal)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

/** `(a|bc|d e)` → ['a', 'bc', 'd e']; undefined for anything but plain literals (or a lookaround). */
function literalAlternatives(body: string): string[] | undefined {
  if (body.startsWith('?:')) body = body.slice(2);
  else if (body.startsWith('?')) return undefined;
  const parts = body.split('|');
  if (parts.some((part) => part.length === 0 || /[\\[\](){}?*+.^$]/.test(part))) return undefined;
  return parts;
}

function hasTopLevelAlternation(source: string): boolean {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') i++;
    else if (ch === '[') i = skipClass(source, i) - 1;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) return true;
  }
  return false;
}

/** Index just past the class that starts at `start` ('['). */
function skipClass(source: string, start: number): number {
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']' && i > start + 1) return i + 1;
  }
  return source.length;
}

function skipBrace(source: string, start: number): number {
  const close = source.indexOf('}', start);
  return close < 0 ? source.length : close + 1;
}

function matchingParen(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') i++;
    else if (ch === '[') i = skipClass(source, i) - 1;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}
