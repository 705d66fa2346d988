/**
 * The local `/support` page in Chromium (src/app/main.ts, Web Chat, Direct Line): open cases read as
 * a compact list, each card opening in place; Assign refuses free text and names the engineers
 * who may be assigned; assigning a listed engineer tells them on the page, and the card worked
 * on stays expanded while the others stay compact. Cases are opened over Direct Line (the admin's
 * browser journey is test/webchat/browser.test.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBundle, haveChromium, inCi, launchChromium, startBot, stopBot, type BotProcess } from '../webchat/browser-helpers.js';
import { openCaseAsAdmin, startConversation } from '../webchat/helpers.js';

describe.skipIf(!haveChromium && !inCi)('the local /support page in Chromium', () => {
  let bot: BotProcess | undefined;
  let browser: BrowserContext | undefined;
  let page: Page;
  const dataDir = mkdtempSync(join(tmpdir(), 'support-browser-'));

  beforeAll(async () => {
    ensureBundle();
    bot = await startBot(dataDir, { SUPPORT_ENGINEERS: 'local-engineer,eve@contoso.example' });
    browser = await launchChromium(join(dataDir, 'chromium-profile'));
    page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(15_000);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await stopBot(bot);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const activities = () => page.locator('#webchat .webchat__basic-transcript__activity');
  /** An Adaptive Card button (Web Chat also lists each card's buttons in a screen-reader summary). */
  const button = (scope: Page | ReturnType<Page['locator']>, name: string) => scope.getByRole('button', { name, exact: true }).and(page.locator('.ac-pushButton'));
  /** The case card of `number` (notes name the case too, but never its severity). */
  const cardOf = (number: string) => activities().filter({ hasText: number }).filter({ hasText: 'Sev ' }).last();

  it('lists open cases compactly, opens one in place, refuses a free-text assignee and tells the engineer assigned', async () => {
    const numbers: string[] = [];
    for (const title of ['Outlook cannot send for the sales floor', 'Teams calls drop every few minutes', 'SharePoint site returns access denied']) {
      numbers.push(await openCaseAsAdmin(bot!.url, await startConversation(bot!.url), { title }));
    }
    await page.goto(`${bot!.url}/support`);
    for (const number of numbers) await button(page, `Open ${number}`).waitFor();

    // A list: summaries only, no inputs or engineer buttons until a case is opened.
    expect(await button(page, 'Claim').count()).toBe(0);
    expect(await page.getByRole('textbox', { name: 'Assign to' }).count()).toBe(0);
    const first = cardOf(numbers[0]!);
    expect(await first.innerText()).toMatch(/Open, waiting for an engineer/);

    await button(page, `Open ${numbers[0]}`).click();
    await button(first, 'Claim').waitFor();
    expect(await first.innerText()).toContain('Email (preferred): admin@contoso.example');

    await first.getByRole('textbox', { name: 'Assign to' }).fill('Mallory <script>');
    await button(first, 'Assign').click();
    await activities().filter({ hasText: 'Only support engineers can be assigned. Pick one of: local-engineer, eve@contoso.example.' }).waitFor();
    expect(await page.locator('#webchat script').count()).toBe(0);

    // The refusal left the card as it was; a listed engineer is assigned and told.
    await first.getByRole('textbox', { name: 'Assign to' }).fill('eve@contoso.example');
    await button(first, 'Assign').click();
    await activities().filter({ hasText: `📌 eve@contoso.example: Local Engineer assigned ${numbers[0]}` }).waitFor();

    // The case worked on stays expanded with its new owner; the others are still one line each.
    const worked = cardOf(numbers[0]!);
    await expect.poll(async () => (await worked.innerText()).includes('eve@contoso.example')).toBe(true);
    expect(await button(worked, 'Reply to requester').count()).toBe(1);
    expect(await button(page, 'Reply to requester').count()).toBe(1);
    for (const number of numbers.slice(1)) expect(await button(page, `Open ${number}`).count()).toBe(1);
  }, 90_000);
});
