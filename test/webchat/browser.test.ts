/**
 * The local chat in a real browser: `src/app/main.ts` on port 0 with a temporary DATA_DIR, Debian's
 * Chromium driven by playwright-core, Web Chat served by this server and talking Direct Line
 * (polling) to it. An admin complains, gets the triage card, opens a case, hits a field error,
 * fixes it, gets the case number, and finds the case under "my cases". Screenshots of the journey
 * go to docs/ when UPDATE_SCREENSHOTS=1 (or when missing), so a plain test run leaves tracked files alone.
 *
 * Without /usr/bin/chromium the test is skipped, except under CI=true where it fails.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBundle, haveChromium, inCi, launchChromium, ROOT, startBot, stopBot } from './browser-helpers.js';
import { categoryDisplayName } from '../../src/domain/taxonomy.js';
import { loadDefaultRules } from '../../src/triage/index.js';

const DOCS = join(ROOT, 'docs');
/** The README's screenshots: refreshed on request, written when missing, otherwise left as committed. */
function screenshotPath(name: string): string | undefined {
  const path = join(DOCS, name);
  return process.env.UPDATE_SCREENSHOTS === '1' || !existsSync(path) ? path : undefined;
}

describe.skipIf(!haveChromium && !inCi)('local chat in Chromium', () => {
  let bot: Awaited<ReturnType<typeof startBot>> | undefined;
  let browser: BrowserContext | undefined;
  let page: Page;
  const dataDir = mkdtempSync(join(tmpdir(), 'triage-browser-'));

  beforeAll(async () => {
    ensureBundle();
    mkdirSync(DOCS, { recursive: true });
    bot = await startBot(dataDir);
    browser = await launchChromium(join(dataDir, 'chromium-profile'));
    page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(15_000);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await stopBot(bot);
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The newest bot message in the transcript that contains `text`. */
  const newest = (text: string | RegExp) => page.locator('#webchat .webchat__basic-transcript__activity').filter({ hasText: text }).last();

  async function say(text: string): Promise<void> {
    const box = page.getByRole('textbox', { name: 'Message input box' });
    await box.fill(text);
    await box.press('Enter');
  }

  it('complaint → triage card → case form → field error → case → my cases', async () => {
    await page.goto(`${bot!.url}/`);
    await page.locator('#who').filter({ hasText: 'Local Admin' }).filter({ hasText: 'may open and manage cases' }).waitFor();

    await say("outlook can't send for the whole sales floor since 9am");
    const triage = newest('Sev A (Critical)');
    await triage.waitFor();
    const triageText = await triage.innerText();
    expect(triageText).toContain('Sev A (Critical)');
    expect(triageText).toMatch(/Response time/);
    expect(triageText).toMatch(/initial response within one hour/);
    // The user's own message is echoed (not stuck "sending").
    expect(await page.locator('#webchat').getByText(/Sending|Send failed/).count()).toBe(0);
    await triage.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('triage-card.png') });

    await triage.getByRole('button', { name: 'Open a case' }).click();
    // DEFAULT_PLAN=E3 means no plan question; answer it anyway should it come.
    const form = newest('Submit case');
    const plan = newest(/which.*plan/i);
    await Promise.race([form.waitFor(), plan.waitFor()]);
    if ((await form.count()) === 0) {
      await plan.getByRole('button').first().click();
      await form.waitFor();
    }

    await form.getByRole('textbox', { name: 'Title' }).fill('Outlook cannot send for the sales floor');
    await form.getByRole('textbox', { name: 'Affected users' }).fill('40');
    await form.getByRole('radio', { name: 'Phone' }).check();
    await form.getByRole('textbox', { name: 'Phone' }).fill('');
    await form.getByRole('button', { name: 'Submit case' }).click();

    const invalid = newest('Enter a phone number to be called on.');
    await invalid.waitFor();
    expect(await invalid.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('Outlook cannot send for the sales floor');
    await invalid.getByText('Enter a phone number to be called on.').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('case-form.png') });

    await invalid.getByRole('textbox', { name: 'Phone' }).fill('+886 2 2345 6789');
    await invalid.getByRole('button', { name: 'Submit case' }).click();
    const created = newest(/SR-\d{6}-\d{4,}/);
    await created.waitFor();
    const caseNumber = /SR-\d{6}-\d{4,}/.exec(await created.innerText())?.[0];
    expect(caseNumber).toBeDefined();
    await created.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('case-created.png') });

    await say('my cases');
    // Two cards mention the number now: the confirmation and the list under "my cases".
    const mentions = page.locator('#webchat .webchat__basic-transcript__activity').filter({ hasText: caseNumber! });
    await expect.poll(() => mentions.count(), { timeout: 10_000 }).toBe(2);
    expect(await mentions.last().innerText()).toMatch(/Outlook cannot send for the sales floor/);
  }, 60_000);

  it('asks "Is this about A or B?" with only those buttons, and the click answers in the chosen category', async () => {
    const unsure = 'mail sent to the sales distribution group bounces back for outside senders';
    const names = loadDefaultRules()
      .triage(unsure)
      .clarify.map((id) => categoryDisplayName(id, 'en'));
    expect(names.length).toBeGreaterThanOrEqual(2);
    await page.goto(`${bot!.url}/`);
    await page.locator('#who').filter({ hasText: 'Local Admin' }).waitFor();

    await say(unsure);
    const question = newest(/Is this about .+ or about .+\?/);
    await question.waitFor();
    expect(await question.getByRole('button').allInnerTexts()).toEqual(names);

    await question.getByRole('button', { name: names[1]! }).click();
    const answer = newest(/Sev [ABC]/).filter({ hasText: names[1]! });
    await answer.waitFor();
    expect(await answer.innerText()).toMatch(/Response time/);
  }, 60_000);

  it('refuses cases to the non-admin identity', async () => {
    await page.getByRole('link', { name: 'Switch to a non-admin user' }).click();
    await page.locator('#who').filter({ hasText: 'Local User' }).waitFor();
    await say('my cases');
    const refusal = newest('administrator role');
    await refusal.waitFor();
    expect(await refusal.innerText()).not.toMatch(/SR-\d/);
  }, 30_000);
});
