/**
 * pino's JSON lines as a log pipeline reads them. JSON.parse keeps the last of two equal keys, so
 * a field that shadows one of pino's own (`{ level: 'breach' }` after pino's `"level":30`) would
 * pass unnoticed; `topLevelKeys` lists every key as written, duplicates included.
 */
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';

/** The keys pino writes itself: a log call must never pass one of these as a field. */
export const PINO_KEYS = ['level', 'time', 'pid', 'hostname', 'msg'] as const;

/** The keys of a JSON object's outermost level, in order, as written (a key written twice is listed twice). */
export function topLevelKeys(json: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let expectKey = false;
  for (let i = 0; i < json.length; i += 1) {
    const ch = json[i];
    if (ch === '"') {
      let end = i + 1;
      while (json[end] !== '"') end += json[end] === '\\' ? 2 : 1;
      if (depth === 1 && expectKey) keys.push(JSON.parse(json.slice(i, end + 1)) as string);
      expectKey = false;
      i = end;
    } else if (ch === '{' || ch === '[') {
      depth += 1;
      expectKey = ch === '{' && depth === 1;
    } else if (ch === '}' || ch === ']') depth -= 1;
    else if (ch === ',' && depth === 1) expectKey = true;
  }
  return keys;
}

export interface CapturedLogs {
  readonly logger: Logger;
  readonly lines: string[];
  /** Every line whose fields repeat a key (pino's or another), with the keys repeated. */
  shadowed(): { line: string; keys: string[] }[];
}

export function captureJsonLogs(): CapturedLogs {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter((line) => line.trim() !== ''));
      done();
    },
  });
  return {
    logger: pino({ level: 'debug' }, stream),
    lines,
    shadowed: () =>
      lines
        .map((line) => {
          const keys = topLevelKeys(line);
          return { line, keys: [...new Set(keys.filter((key, index) => keys.indexOf(key) !== index))] };
        })
        .filter((entry) => entry.keys.length > 0),
  };
}
