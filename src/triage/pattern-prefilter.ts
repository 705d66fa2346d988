/**
 * What a rule pattern's text must contain before the regex is worth running. Most patterns
 * name a word ("user", "teams", "@", ".sharepoint.com") that most messages lack, and a
 * substring test is far cheaper than a regex scan, which on the hot path runs ~100 patterns
 * per message.
 *
 * The reading is conservative: only parts that every match must contain are kept. A literal
 * run outside any group, class or quantifier must appear as written; a group of alternatives
 * that is not optional (or the whole pattern, when it alternates at the top) must contribute
 * what one of its alternatives requires. Anything not understood (escapes other than
 * punctuation, classes, an alternative that requires nothing) simply adds no requirement, so an
 * unusual pattern is run every time rather than skipped wrongly.
 */

/** Every entry must hold: each is a list of alternatives, one of which the text contains. */
export type Requirements = readonly (readonly string[])[];

const QUANTIFIER_START = new Set(['?', '*', '+', '{']);
/** Escapes that stand for one literal character (`\.`, `\-`, `\/` ...). */
const LITERAL_ESCAPE = /^[.\-/\\()[\]{}?*+|^$@#&%!:=,'"~<> ]$/;
/** `(?=` and `(?<=`: their contents must match too, so their literals are required. */
const POSITIVE_LOOKAROUND = /^\?<?=/;

export function patternRequirements(source: string): Requirements {
  const topLevel = splitTopLevel(source);
  if (topLevel.length > 1) {
    const either = oneOfAlternatives(topLevel);
    return either ? [either] : [];
  }
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
        const alternatives = optional ? undefined : groupAlternatives(body);
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


/**
 * `(a|bc|d e)` → ['a', 'bc', 'd e']; `(?:set ?up policy|app setup)` → ['up policy', 'app setup']:
 * what each alternative must contain, one literal list per alternative, joined. Undefined when some alternative requires
 * nothing (or the group is a lookaround or a named/flagged group).
 */
function groupAlternatives(body: string): string[] | undefined {
  if (body.startsWith('?:')) body = body.slice(2);
  else if (body.startsWith('?')) return undefined;
  return oneOfAlternatives(splitTopLevel(body));
}

/**
 * One requirement that holds whichever alternative matches: from each alternative, its most
 * selective requirement (the longest shortest literal, favouring word literals, which the index
 * answers from the message's words), all of them joined as one list of choices.
 */
function oneOfAlternatives(alternatives: readonly string[]): string[] | undefined {
  const joined = new Set<string>();
  for (const alternative of alternatives) {
    const own = patternRequirements(alternative);
    if (own.length === 0) return undefined;
    for (const literal of mostSelective(own)) joined.add(literal);
  }
  return [...joined];
}

const WORD_LITERAL = /^[a-z0-9]+$/;

function mostSelective(requirements: Requirements): readonly string[] {
  const score = (choices: readonly string[]) =>
    Math.min(8, ...choices.map((literal) => literal.length)) + (choices.every((literal) => WORD_LITERAL.test(literal)) ? 2 : 0) - choices.length / 100;
  return requirements.reduce((best, choices) => (score(choices) > score(best) ? choices : best));
}

/** The alternatives of `source` split at its top-level `|` (none inside groups or classes). */
function splitTopLevel(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') i++;
    else if (ch === '[') i = skipClass(source, i) - 1;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
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
