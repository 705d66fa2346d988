/** Over Teams HTTP with the real core: the plan dropdown, questions about support, the form's prefill. */
import { describe, expect, it } from 'vitest';
import { useCoreOverTeams } from './core-bot.js';
import { ALEX, cardOf, cardText, inputs, post, submitActions, teamsMessage } from './helpers.js';

describe('Teams: the admin journey without DEFAULT_PLAN', () => {
  const bot = useCoreOverTeams({ ADMIN_USERS: ALEX.aadObjectId });

  async function say(conversationId: string, options: { text?: string; value?: Record<string, unknown> }) {
    const before = bot.connector.calls.length;
    expect((await post(bot.server.url, teamsMessage({ serviceUrl: bot.connector.url, conversationId, ...options }))).status).toBe(200);
    return bot.connector.calls.slice(before).map(cardOf);
  }

  it('Choose with nothing picked in the plan dropdown says to pick a plan; a pick answers the complaint', async () => {
    const conversation = 'a:personal-plan-empty';
    const cards = await say(conversation, { text: "outlook can't send for the whole sales floor since 9am, NDR 550 5.7.1" });
    const planCard = cards.find((card) => /Which Office 365 plan/.test(cardText(card)))!;
    expect(planCard).toBeDefined();
    const dropdown = inputs(planCard).get('value');
    expect(dropdown?.value ?? '').toBe('');
    const choose = submitActions(planCard).find((a) => a.data.verb === 'choosePlan')!;
    // Teams sends the submit data without the input when nothing was picked.
    const empty = (await say(conversation, { value: { ...choose.data } })).map(cardText).join('\n');
    expect(empty).toMatch(/Pick your plan from the list first/);
    expect(empty).not.toMatch(/expired/i);

    const answered = (await say(conversation, { value: { ...choose.data, value: 'enterprise' } })).map(cardText).join('\n');
    expect(answered).toContain('Exchange Online · Mail flow');
    expect(answered).toContain('Enterprise · Sev A');
  });

  it('answers "what is the response time for Sev A?" from the plan, and the form prefills the group named', async () => {
    const conversation = 'a:personal-support-question';
    const asked = (await say(conversation, { text: 'what is the response time for Sev A?' })).map(cardText).join('\n');
    expect(asked).toMatch(/Response times depend on your Office 365 plan/);
    const text = (await say(conversation, { value: { verb: 'choosePlan', value: 'Office 365 E3' } })).map(cardText).join('\n');
    expect(text).toMatch(/Enterprise · Sev A: 24\/7, initial response within one hour/);
    expect(text).not.toMatch(/Which service/);

    const [triage] = await say(conversation, { text: "outlook can't send for the whole sales floor since 9am, NDR 550 5.7.1" });
    expect(cardText(triage)).not.toMatch(/exchange\.mailflow|every user/);
    const open = submitActions(triage).find((a) => a.data.verb === 'openCase')!;
    const [form] = await say(conversation, { value: open.data });
    expect(inputs(form).get('affectedUsers')?.value).toBe('the whole sales floor');
  });
});
