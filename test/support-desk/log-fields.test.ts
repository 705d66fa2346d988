/**
 * No log call in src/ passes a field pino writes itself (level, time, pid, hostname, msg): the JSON
 * line would carry the key twice and log pipelines would read the wrong one. sla-watch.test.ts
 * checks the SLA watch's real lines; this reads every `logger.<level>({ … })` call's own keys.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PINO_KEYS } from './log-lines.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** The keys of the object literal opening at `start` (its own level only), shorthand included. */
function literalKeys(text: string, start: number): string[] {
  const keys: string[] = [];
  let depth = 0;
  let atKey = true;
  for (let i = start; i < text.length; i += 1) {
    const ch = text[i]!;
    if (ch === '{' || ch === '[' || ch === '(') {
      depth += 1;
      if (depth === 1) atKey = true;
      continue;
    }
    if (ch === '}' || ch === ']' || ch === ')') {
      depth -= 1;
      if (depth === 0) return keys;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') {
      const end = text.indexOf(ch, i + 1);
      i = end < 0 ? text.length : end;
      continue;
    }
    if (depth !== 1) continue;
    if (ch === ',') {
      atKey = true;
      continue;
    }
    if (atKey && /[A-Za-z_$]/.test(ch)) {
      const name = /^[A-Za-z_$][\w$]*/.exec(text.slice(i))![0];
      keys.push(name);
      i += name.length - 1;
      atKey = false;
    } else if (atKey && ch === '.') atKey = false; // a spread: its keys are not written here
  }
  return keys;
}

describe('log fields', () => {
  it('the key reader sees plain and shorthand keys, not nested ones', () => {
    const text = "logger.info({ case: c.number, level, nested: { time: 1 }, ...rest, msg: 'x' }, 'm')";
    expect(literalKeys(text, text.indexOf('{'))).toEqual(['case', 'level', 'nested', 'msg']);
  });

  it("no log call in src/ passes level, time, pid, hostname or msg as a field", () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const call of text.matchAll(/\b[\w.]*(?:logger|Logger|log|Log)\??\.(?:trace|debug|info|warn|error|fatal)\(\s*\{/g)) {
        const keys = literalKeys(text, call.index + call[0].length - 1);
        const shadowing = keys.filter((key) => (PINO_KEYS as readonly string[]).includes(key));
        if (shadowing.length > 0) offenders.push(`${file.slice(SRC.length)}: ${shadowing.join(', ')}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
