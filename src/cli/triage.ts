/**
 * `npm run triage -- "outlook cannot send for anyone"`: a readable result.
 * `npm run --silent triage -- --jsonl`: lines {"id","text"} on stdin, one JSON result per line
 * on stdout, same order. Nothing else is written to stdout: evaluations parse it.
 * `npm run triage -- --help` lists every form.
 */
import { createInterface } from 'node:readline';
import { categoryDisplayName, isCategoryId } from '../domain/taxonomy.js';
import type { TriageEngine, TriageResult } from '../triage/index.js';
import { loadRulesOrExit } from './rules.js';

function toJsonLine(id: unknown, result: TriageResult): string {
  return JSON.stringify({
    id,
    support: result.support,
    category: result.category,
    severity: result.severity,
    confidence: result.confidence,
    reasons: result.reasons,
    intent: result.intent,
    scope: result.scope,
    needs: result.needs,
    links: result.links,
    alternatives: result.alternatives,
    clarify: result.clarify,
    truncated: result.truncated,
    language: result.language,
  });
}

async function runJsonl(engine: TriageEngine): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  const out: string[] = [];
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    let id: unknown = null;
    let text = '';
    try {
      const parsed = JSON.parse(line) as { id?: unknown; text?: unknown };
      id = parsed.id ?? null;
      text = typeof parsed.text === 'string' ? parsed.text : '';
    } catch {
      process.stderr.write(`line ${lineNumber}: not valid JSON, triaged as empty text\n`);
    }
    out.push(toJsonLine(id, engine.triage(text)));
    if (out.length >= 512) process.stdout.write(out.splice(0).join('\n') + '\n');
  }
  if (out.length > 0) process.stdout.write(out.join('\n') + '\n');
}

function printReadable(text: string, result: TriageResult): void {
  const lines = [
    `message:    ${text}`,
    `category:   ${result.category}${result.category === 'unknown' ? '' : ` (${categoryDisplayName(result.category, result.language)})`}`,
    `support:    ${result.support}`,
    `severity:   ${result.severity ?? '-'}`,
    `confidence: ${result.confidence}`,
    'reasons:',
    ...result.reasonsByLang[result.language].map((reason) => `  - ${reason}`),
  ];
  if (result.clarify.length > 0) lines.push(`unsure:     would ask between ${result.clarify.join(', ')}`);
  if (result.truncated) lines.push('note:       the message was long; only its start was triaged');
  if (result.needs.length > 0) lines.push(`would help: ${result.needs.join(', ')}`);
  if (result.links.length > 0) lines.push('self-service:', ...result.links.map((link) => `  - ${link.title}: ${link.url}`));
  process.stdout.write(lines.join('\n') + '\n');
}

const USAGE = [
  'usage: npm run triage -- "outlook cannot send for anyone"     one message, readable',
  '       npm run triage -- --explain "message"                  the same, plus every cue each intent matched',
  '       npm run triage -- --category exchange.mailflow "message"  triage as the category an admin chose',
  '       npm run --silent triage -- --jsonl < messages.jsonl      lines {"id","text"} in, one JSON result per line out',
  '       npm run triage -- --help                               this text',
].join('\n');

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE + '\n');
  process.exit(0);
}
const unknownFlag = args.find((arg) => arg.startsWith('--') && !['--jsonl', '--explain', '--category'].includes(arg));
if (unknownFlag) {
  process.stderr.write(`unknown option ${unknownFlag}: see npm run triage -- --help\n`);
  process.exit(2);
}
const engine = loadRulesOrExit();
if (args.includes('--jsonl')) {
  await runJsonl(engine);
} else if (args[0] === '--explain') {
  const text = args.slice(1).join(' ');
  printReadable(text, engine.triage(text));
  process.stdout.write(JSON.stringify(engine.explain(text), null, 2) + '\n');
} else if (args[0] === '--category') {
  const category = args[1] ?? '';
  if (!isCategoryId(category)) {
    process.stderr.write(`--category "${category}" is not a category id of taxonomy.md (e.g. exchange.mailflow)\n`);
    process.exit(2);
  }
  const text = args.slice(2).join(' ');
  printReadable(text, engine.triage(text, { category }));
} else {
  const text = args.join(' ');
  if (!text.trim()) {
    process.stderr.write(USAGE + '\n');
    process.exit(2);
  }
  printReadable(text, engine.triage(text));
}
