/**
 * The Teams card renderer alone, in one process: the replies the real core gives the benchmark's
 * complaints, each rendered to its Adaptive Card attachment (view model, Markdown escaping,
 * adaptivecards-templating) over and over; prints the CPU per render (median and lowest of 9
 * rounds) and the bytes allocated per render. For A/B runs of a renderer change.
 *   npx tsx bench/card-render.ts [rendersPerRound=6000]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { countAllocation } from './allocation.js';
import { COMPLAINTS } from './e2e/slack-fixtures.js';
import { createCardRenderer, loadCardTemplates } from '../src/channels/teams/index.js';
import { loadCoreConfig } from '../src/conversation/config.js';
import { createConversationCore } from '../src/conversation/core.js';
import type { Reply } from '../src/conversation/types.js';
import { openSqliteStore } from '../src/store/index.js';
import { loadDefaultRules } from '../src/triage/index.js';
const store = await openSqliteStore({ dataDir: mkdtempSync(join(tmpdir(), 'r-')) });
const core = createConversationCore({ engine: loadDefaultRules(), store, config: loadCoreConfig({ DEFAULT_PLAN: 'Office 365 E3', ADMIN_USERS: '*' }), logger: pino({ level: 'warn' }) });
const replies: Reply[] = [];
let i = 0;
for (const text of COMPLAINTS) {
  i++;
  replies.push(...(await core.handle({ channel: 'msteams', tenantId: 'T', conversationId: `a${i}`, user: { id: `u${i}`, name: 'u' }, text, conversationReference: {} } as never)));
}
const renderer = createCardRenderer(loadCardTemplates());
const N = Number(process.argv[2] ?? 6000);
const us: number[] = [];
for (let r = 0; r < 9; r++) {
  const stop = countAllocation();
  const t = process.cpuUsage();
  for (let k = 0; k < N; k++) renderer.attachment(replies[k % replies.length]!);
  const u = process.cpuUsage(t);
  const b = stop();
  us.push((u.user + u.system) / N);
  if (r === 8) console.log(`bytes/render ${Math.round(b / N)}`);
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!.toFixed(2);
console.log(`card render: median ${med(us)}, min ${Math.min(...us).toFixed(2)} µs per reply`);
process.exit(0);
