/**
 * User text reaches every sink only as data: Adaptive Cards (Markdown escaped, `${...}` never
 * expanded), Slack mrkdwn (`<!channel>`, `<@U1>`, `<http://x|y>` escaped), the handoff webhook
 * (a JSON string, signed) and SQL (parameters: stored verbatim, tables intact).
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReply } from '../../src/channels/slack/index.js';
import { createCardRenderer, loadCardTemplates, type CardRenderer } from '../../src/channels/teams/index.js';
import type { Reply } from '../../src/conversation/types.js';
import { createWebhookTarget, signBody } from '../../src/handoff/webhook.js';
import { openSqliteStore, SQLITE_FILE_NAME, type SupportCase } from '../../src/store/index.js';
import { loadDefaultRules, type TriageEngine } from '../../src/triage/index.js';
import { harness, only } from '../conversation/helpers.js';
import { inputs } from '../teams/helpers.js';
import { tempDataDir } from '../store/helpers.js';

const TEMPLATE = '${$root.secret} ${message} ${if(true, "x", "y")}';
const MARKDOWN = '*bold* _it_ [click](http://evil.example) `code` # head';
const SLACK = '<!channel> <@U1> <http://x|y> & <!here>';
const SQL = "'); DROP TABLE cases; --";
const HOSTILE = `outlook cannot send mail for the whole sales floor since 9am, NDR 550 5.7.1 ${TEMPLATE} ${MARKDOWN} ${SLACK} ${SQL}`;

let engine: TriageEngine;
let renderer: CardRenderer;
beforeAll(() => {
  engine = loadDefaultRules();
  renderer = createCardRenderer(loadCardTemplates());
});

/** A triage, the case form and the created case, all carrying the hostile text. */
async function journey(): Promise<{ triage: Reply; form: Reply; created: Reply; detail: Reply; cases: SupportCase[] }> {
  const h = await harness(engine, { config: { adminUsers: '*' } });
  const triage = only(await h.say(HOSTILE), 'triage');
  const form = only(await h.act('openCase', {}), 'case-form');
  const created = only(await h.act('submitCase', { ...form.values, title: HOSTILE.slice(0, 190), description: HOSTILE, formId: form.formId }), 'case-created');
  const detail = only(await h.say(`case ${created.case.number}`), 'case-detail');
  return { triage, form, created, detail, cases: h.created };
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('injection: user text is data in every sink', () => {
  it('Adaptive Cards: Markdown escaped, ${...} left as typed, input values raw', async () => {
    const { triage, form, detail } = await journey();
    for (const reply of [triage, detail]) {
      const card = renderer.render(reply);
      const text = strings(card).join('\n');
      expect(text).toContain('${$root.secret}');
      expect(text).toContain('${message}');
      expect(text).toContain('\\*bold\\*');
      expect(text).toContain('\\[click\\]\\(http://evil.example\\)');
      expect(text).not.toMatch(/(^|[^\\])\[click\]\(http/);
      expect(text).not.toContain('undefined');
    }
    // An input shows what the admin typed, unescaped and unexpanded.
    const formCard = renderer.render(form);
    expect(inputs(formCard).get('description')?.value).toBe(HOSTILE.slice(0, 4000));
  });

  it('Slack mrkdwn: mentions, broadcasts and links are escaped', async () => {
    const { triage, created, detail } = await journey();
    for (const reply of [triage, created, detail]) {
      const message = JSON.stringify(renderReply(reply));
      expect(message).not.toContain('<!channel>');
      expect(message).not.toContain('<!here>');
      expect(message).not.toContain('<@U1>');
      expect(message).not.toContain('<http://x|y>');
    }
    expect(JSON.stringify(renderReply(detail))).toContain('&lt;!channel&gt;');
  });

  it('the webhook carries the text intact as a JSON string, signed over the exact bytes', async () => {
    const { cases } = await journey();
    const sent: { body: string; signature: string }[] = [];
    const fetch = (async (_url: string, init: RequestInit) => {
      sent.push({ body: String(init.body), signature: (init.headers as Record<string, string>)['X-Signature-256']! });
      return new Response('', { status: 200 });
    }) as typeof globalThis.fetch;
    const webhook = createWebhookTarget({ url: 'http://hooks.test/x', secret: 's3cret', fetch, logger: pino({ level: 'silent' }) });
    expect(await webhook.deliver(cases[0]!)).toEqual({ delivered: true });
    expect(sent).toHaveLength(1);
    const parsed = JSON.parse(sent[0]!.body) as { event: string; case: { description: string; title: string } };
    expect(parsed.event).toBe('case.created');
    expect(parsed.case.description).toBe(HOSTILE);
    expect(Object.keys(parsed)).toEqual(['event', 'case']);
    expect(sent[0]!.signature).toBe(signBody(sent[0]!.body, 's3cret'));
  });

  it('SQL: stored verbatim through parameters, tables intact', async () => {
    const dataDir = tempDataDir();
    const store = await openSqliteStore({ dataDir });
    const tenant = `t'); DROP TABLE cases; --`;
    const { case: c } = await store.createCase(
      {
        tenantId: tenant,
        requester: { channel: 'msteams', userId: `u' OR '1'='1`, name: SQL },
        category: 'exchange.mailflow',
        severity: 'B',
        planFamily: SQL,
        title: SQL,
        description: HOSTILE,
        contact: { method: 'email', email: `x@y.z'; --`, language: 'en', timeZone: 'UTC' },
        affectedUsers: SQL,
        conversationReference: { sql: SQL },
      },
      SQL,
    );
    await store.setConversationState(SQL, { text: SQL });
    expect(await store.getConversationState(SQL)).toEqual({ text: SQL });
    const back = await store.getCase(tenant, c.number);
    expect(back?.title).toBe(SQL);
    expect(back?.description).toBe(HOSTILE);
    expect(back?.requester.name).toBe(SQL);
    expect(await store.listCases(tenant, { requesterUserId: `u' OR '1'='1` })).toHaveLength(1);
    expect(await store.listCases('another-tenant')).toHaveLength(0);
    await store.close();

    const db = new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    expect(tables).toEqual(expect.arrayContaining(['cases', 'case_audit', 'conversation_state', 'tenant_settings', 'dedup_claims']));
    expect(db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(1);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
