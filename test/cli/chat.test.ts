import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;

function chat(lines: string[], dataDir: string): string {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/chat.ts'], {
    cwd: root,
    input: lines.join('\n') + '\n',
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir, DOTENV_CONFIG_QUIET: 'true', ADMIN_USERS: '', MicrosoftAppId: '' },
    timeout: 30_000,
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe('npm run chat (terminal, piped input)', () => {
  it('walks a complaint to a case and lists it, with buttons as numbered choices', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chat-'));
    try {
      const out = chat(
        [
          'outlook cannot send mail for anyone since 9am, NDR 550 5.7.1',
          'E3',
          '1', // Open a case
          '', '', '', '', 'phone', '', '', '', '', // title … time zone (severity is not editable on E3)
          'not-a-phone', // phone is required and must be valid
          '+1 425 555 0100',
          'my cases',
        ],
        dataDir,
      );
      expect(out).toContain('Exchange Online · Mail flow');
      expect(out).toMatch(/\[1\] Open a case/);
      expect(out).toMatch(/phone: not-a-phone\s+⚠/);
      const number = out.match(/✔ (SR-\d{6}-\d{4,})/)?.[1];
      expect(number).toBeDefined();
      expect(out.slice(out.lastIndexOf('✔'))).toContain(number!);
      expect(out.split(number!).length).toBeGreaterThan(2); // confirmation and the case list
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
