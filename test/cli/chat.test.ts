/** `npm run chat`: the real CLI process, piped input, every button of every reply as a numbered choice. */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { SIGNATURE_HEADER, signBody } from '../../src/handoff/webhook.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chat, tempDir } from './helpers.js';

const CASE_NUMBER = /✔ (SR-\d{6}-\d{4,})/;

// Each test starts the real CLI (tsx) once or twice: allow for a slow, busy machine.
describe('npm run chat (terminal, piped input)', { timeout: 60_000 }, () => {
  it('answers every clarifying question, "Not quite", a category pick and "This solved it"', async () => {
    const run = await chat([
      "it's broken again",
      '1', // Which service: Exchange Online
      '3', // Who is affected: Everyone
      '4', // Which fits best: Exchange Online · Mail flow
      '2', // Not quite
      '1', // the first category offered
      '3', // This solved it
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/card has expired/i);
    expect(run.stdout).toContain('? Who is affected?');
    expect(run.stdout).toContain('── Exchange Online · Mail flow · Sev A');
    expect(run.stdout.match(/\? Which of these fits best\?/g)).toHaveLength(2);
    expect(run.stdout).toMatch(/Glad that helped/);
  });

  it('asks the plan by number and keeps it', async () => {
    const run = await chat(['All users cannot send email since this morning', '2'], { env: { DEFAULT_PLAN: '' } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Which Office 365 plan');
    expect(run.stdout).toMatch(/Thanks, I noted your plan: Enterprise\./);
    expect(run.stdout).toMatch(/Enterprise · Sev A/);
  });

  it('walks a boundary to a case: display names, refused choices listed, the error summary first, the webhook called', async () => {
    const received: { body: string; signature: string | undefined }[] = [];
    const hook = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        received.push({ body, signature: req.headers[SIGNATURE_HEADER.toLowerCase()] as string | undefined });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    const secret = 'chat-hook-secret';
    try {
      const run = await chat(
        [
          'our new firewall blocks Outlook for everyone',
          '1', // It is an Office 365 problem after all
          '', // title
          '', // description
          'Mail flow', // category, by part of its name
          '', // affected users
          'carrier pigeon', // contact method: refused on the spot, with the list
          'Phone',
          '', // email
          'not-a-phone',
          '', // language
          '', // time zone
          '+1 425 555 0100', // the one field asked again
          'my cases',
          '1', // the case
          '1', // Close case
          'my cases',
          '1',
          '1', // Reopen case
          'my cases',
          '1',
          '2', // My cases, from the case's detail
        ],
        { env: { HANDOFF_WEBHOOK_URL: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`, HANDOFF_WEBHOOK_SECRET: secret } },
      );
      expect(run.code, run.stderr).toBe(0);
      const out = run.stdout;
      const form = out.slice(out.indexOf('── Open a support case'));
      expect(form).toContain('Affected users: Everyone');
      expect(form).toContain('How should support contact you?: Email');
      expect(form).not.toMatch(/affectedUsers|contactMethod|exchange\.mailflow|boundary\./);
      expect(out).toMatch(/"carrier pigeon" is not one of the choices[^\n]*\n\s+1\) Email\n\s+2\) Phone\n\s+3\) In this chat/);

      const refused = out.slice(out.indexOf('⚠ Please fix the fields marked below.'));
      expect(refused.indexOf('⚠ Please fix')).toBe(0);
      expect(refused).toMatch(/^ {3}Phone: not-a-phone\s+⚠ Enter the number with country code/m);
      expect(refused).toContain('Category: Exchange Online · Mail flow');

      const number = CASE_NUMBER.exec(out)?.[1];
      expect(number).toBeDefined();
      expect(out).toContain(`Case ${number} is closed`);
      expect(out).toContain(`Case ${number} is open again`);
      expect(out.match(/── Cases: open, and closed in the last 14 days/g)).toHaveLength(4);
      expect(out).not.toMatch(/card has expired/i);

      expect(received).toHaveLength(1);
      expect(received[0]!.signature).toBe(signBody(received[0]!.body, secret));
      expect(JSON.parse(received[0]!.body)).toMatchObject({ event: 'case.created', case: { number, category: 'exchange.mailflow', contact: { method: 'phone' } } });
    } finally {
      await new Promise<void>((resolve) => hook.close(() => resolve()));
    }
  });

  it('answers every one of 45 piped lines (the terminal has no per-minute limit)', async () => {
    const lines = Array.from({ length: 45 }, (_, i) => (i % 3 === 0 ? 'help' : i % 3 === 1 ? 'thanks' : 'what is the response time for Sev C?'));
    const run = await chat(lines, { env: { RATE_LIMIT_PER_MINUTE: '5' } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/slow down/i);
    expect(run.stdout.match(/── Office 365 support triage/g)).toHaveLength(15);
    expect(run.stdout.match(/You're welcome/g)).toHaveLength(15);
    expect(run.stdout.match(/Enterprise · Sev C/g)).toHaveLength(15);
  });

  it('a bad flag is one line on stderr and exit code 2; --help prints the usage', async () => {
    const bad = await chat([], { args: ['--verbose'] });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/--verbose.*npm run chat -- --help/);
    const help = await chat([], { args: ['--help'] });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run chat/);
  });

  it('reads .env from the folder it starts in', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.env'), 'DEFAULT_PLAN=Premier Support\n');
    const run = await chat(['what is the response time for Sev A?'], { cwd: dir, env: { DEFAULT_PLAN: '' } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Response times for your plan \(Premier Support\)/);
  });
});

describe('npm run chat in Chinese', () => {
  it('"說明" lists examples after 例如 and lines the command descriptions up in one column as the terminal shows it', async () => {
    const run = await chat(['說明']);
    expect(run.code, run.stderr).toBe(0);
    const examples = run.stdout.split('\n').filter((line) => line.includes('收不到外部郵件') || line.includes('無法登入'));
    expect(examples.length).toBeGreaterThan(0);
    for (const line of examples) expect(line).toMatch(/^\s+例如「/);
    expect(run.stdout).not.toContain('e.g.');
    // Each command row: indent, the command, padding, its description. The descriptions must start
    // at the same display column (a CJK character takes two).
    const rows = ['我的案件', '說明'].map((command) => run.stdout.split('\n').find((line) => line.trimStart().startsWith(`${command} `)));
    expect(rows.every(Boolean), run.stdout).toBe(true);
    const column = (line: string) => {
      const head = /^(\s+\S+\s+)/.exec(line)![1]!;
      return [...head].reduce((width, ch) => width + (/\p{Script=Han}/u.test(ch) ? 2 : 1), 0);
    };
    expect(column(rows[0]!)).toBe(column(rows[1]!));
  });
});
