/**
 * The Teams bot's dispatch, in process with botbuilder's TestAdapter (HTTP adds nothing here):
 * messages and card buttons reach the core and come back as Adaptive Cards; desk buttons reach
 * the desk and never the core; invokes get the answer Teams expects.
 */
import { ActivityTypes, TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { createCardRenderer, createTeamsBot, loadCardTemplates, type DeskCardAction, type TeamsDeskSide } from '../../src/channels/teams/index.js';
import type { ConversationCore, Reply, Turn } from '../../src/conversation/types.js';
import { cardText } from './helpers.js';

const renderer = createCardRenderer(loadCardTemplates());

function fakeCore(answer: (turn: Turn) => Reply[] = (turn) => [{ kind: 'text', lang: 'en', text: `heard: ${turn.text ?? turn.action?.verb}` }]) {
  const turns: Turn[] = [];
  const core: ConversationCore = {
    handle: async (turn) => {
      turns.push(turn);
      return answer(turn);
    },
  };
  return { core, turns };
}

function fakeDesk() {
  const observed: string[] = [];
  const actions: DeskCardAction[] = [];
  const desk: TeamsDeskSide = {
    observe: async (context: TurnContext) => void observed.push(context.activity.type),
    act: async (context, action) => {
      actions.push(action);
      await context.sendActivity(`desk did ${action.verb}`);
    },
  };
  return { desk, observed, actions };
}

const cardOfReply = (activity: Partial<Activity>) => activity.attachments?.[0]?.content as Record<string, unknown>;

describe('the Teams bot (TestAdapter)', () => {
  it('answers a message with one Adaptive Card per reply, in order', async () => {
    const { core, turns } = fakeCore(() => [
      { kind: 'text', lang: 'en', text: 'first' },
      { kind: 'text', lang: 'en', text: 'second' },
    ]);
    const adapter = new TestAdapter(createTeamsBot({ core, renderer }));
    await adapter
      .send('outlook is down')
      .assertReply((reply) => expect(cardText(cardOfReply(reply))).toContain('first'))
      .assertReply((reply) => expect(cardText(cardOfReply(reply))).toContain('second'))
      .startTest();
    expect(turns.map((t) => t.text)).toEqual(['outlook is down']);
  });

  it('sends desk buttons to the desk, never to the core; other buttons go to the core', async () => {
    const { core, turns } = fakeCore();
    const { desk, observed, actions } = fakeDesk();
    const adapter = new TestAdapter(createTeamsBot({ core, renderer, desk }));
    await adapter
      .send({ type: ActivityTypes.Message, value: { verb: 'desk.claim', number: 'SR-1', tenant: 't1' } })
      .assertReply('desk did claim')
      .send({ type: ActivityTypes.Message, value: { verb: 'showCase', number: 'SR-1' } })
      .assertReply((reply) => expect(cardText(cardOfReply(reply))).toContain('heard: showCase'))
      .startTest();
    expect(actions).toEqual([{ verb: 'claim', value: { verb: 'desk.claim', number: 'SR-1', tenant: 't1' } }]);
    expect(turns.map((t) => t.action?.verb)).toEqual(['showCase']);
    expect(observed).toEqual(['message', 'message']);
  });

  it('without a desk, a desk button is a button the core answers (it says the button is stale)', async () => {
    const { core, turns } = fakeCore();
    const adapter = new TestAdapter(createTeamsBot({ core, renderer }));
    await adapter
      .send({ type: ActivityTypes.Message, value: { verb: 'desk.claim', number: 'SR-1' } })
      .assertReply((reply) => expect(cardText(cardOfReply(reply))).toContain('heard: unknown'))
      .startTest();
    expect(turns).toHaveLength(1);
  });

  it('answers an Action.Execute invoke with the first card in the invoke response, and refuses other invokes with 400', async () => {
    const { core } = fakeCore(() => [{ kind: 'text', lang: 'en', text: 'in place' }]);
    const adapter = new TestAdapter(createTeamsBot({ core, renderer }));
    await adapter
      .send({ type: ActivityTypes.Invoke, name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'myCases' } } })
      .assertReply((reply) => {
        expect(reply.type).toBe(ActivityTypes.InvokeResponse);
        const body = (reply.value as { status: number; body: { type: string; value: unknown } }).body;
        expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
        expect(cardText(body.value)).toContain('in place');
      })
      .send({ type: ActivityTypes.Invoke, name: 'composeExtension/query', value: {} })
      .assertReply((reply) => expect(reply.value).toEqual({ status: 400, body: { error: 'unsupported_invoke', name: 'composeExtension/query' } }))
      .startTest();
  });
});
