/**
 * Renders replies as plain text for the terminal chat: cards become text blocks and buttons
 * become numbered choices the user can type. Exhaustive over reply kinds.
 */
import { assertNever, type ActionButton, type ActionVerb, type ChoiceOption, type Reply, type TurnAction } from '../../conversation/types.js';
import stringWidth from 'string-width';
import type { Lang } from '../../domain/taxonomy.js';
import { renderCaseForm } from './case-form.js';

/** Columns the command names take in the help, counted as a terminal shows them (CJK = 2). */
const COMMAND_COLUMN = 16;

/** Pads by display width, so Chinese command names line up with English ones. */
function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(1, width - stringWidth(text)));
}

function exampleLine(lang: Lang, lead: string, example: string): string {
  return lang === 'zh-TW' ? `${lead}「${example}」` : `${lead} "${example}"`;
}

export interface RenderedReply {
  readonly text: string;
  /** Numbered choices, in the order printed: typing the number sends the action. */
  readonly choices: readonly TurnAction[];
}

export function renderForTerminal(reply: Reply): RenderedReply {
  const lines: string[] = [];
  const choices: TurnAction[] = [];
  const offer = (title: string, action: TurnAction) => {
    choices.push(action);
    lines.push(`  [${choices.length}] ${title}`);
  };
  const buttons = (actions: readonly ActionButton[]) => {
    for (const action of actions) offer(action.title, { verb: action.verb, data: action.data ?? {} });
  };
  // Every choice is sent as `value`, the field the cards' choice sets submit.
  const options = (list: readonly ChoiceOption[], verb: ActionVerb) => {
    for (const option of list) offer(option.title, { verb, data: { value: option.value } });
  };

  switch (reply.kind) {
    case 'triage':
      lines.push(`── ${reply.categoryName}${reply.severityLabel ? ` · ${reply.severityLabel}` : ''}`);
      for (const reason of reply.reasons) lines.push(`   · ${reason}`);
      if (reply.expectation) lines.push(`   ⏱ ${reply.expectation.summary}`);
      if (reply.notice) lines.push(`   ${reply.notice}`);
      for (const link of reply.links) lines.push(`   → ${link.title}: ${link.url}`);
      buttons(reply.actions);
      break;
    case 'question':
      lines.push(`? ${reply.question}`);
      options(reply.options, reply.verb);
      break;
    case 'plan-question':
      lines.push(`? ${reply.question}`);
      options(reply.options, 'choosePlan');
      break;
    case 'case-form':
      lines.push(...renderCaseForm(reply));
      break;
    case 'case-created':
      lines.push(`✔ ${reply.case.number} · ${reply.case.title} · Sev ${reply.case.severity}`);
      if (reply.expectation) lines.push(`   ⏱ ${reply.expectation.summary}`);
      lines.push(`   ${reply.nextSteps}`);
      break;
    case 'case-list':
      lines.push(`── ${reply.title}`);
      if (reply.cases.length === 0) lines.push(`   ${reply.empty}`);
      for (const c of reply.cases) {
        lines.push(`   ${c.number}  ${c.status}  Sev ${c.severity}  ${c.title}${c.owner ? `  (${c.owner})` : ''}`);
        offer(c.number, { verb: 'showCase', data: { number: c.number } });
      }
      if (reply.more) lines.push(`   ${reply.more}`);
      break;
    case 'case-detail':
      lines.push(`── ${reply.case.number} · ${reply.case.title} · ${reply.case.status} · Sev ${reply.case.severity}`);
      lines.push(`   ${reply.case.categoryName}`, `   ${reply.case.description}`);
      for (const entry of reply.case.history) lines.push(`   · ${entry}`);
      buttons(reply.actions);
      break;
    case 'text':
      lines.push(reply.tone === 'error' ? `✖ ${reply.text}` : reply.tone === 'warning' ? `! ${reply.text}` : reply.text);
      if (reply.link) lines.push(`   ${reply.link.title}: ${reply.link.url}`);
      break;
    case 'welcome':
      lines.push(`── ${reply.title}`, reply.text);
      for (const example of reply.examples) lines.push(`   ${exampleLine(reply.lang, reply.exampleLead, example)}`);
      for (const command of reply.commands) lines.push(`   ${padToWidth(command.command, COMMAND_COLUMN)} ${command.description}`);
      break;
    default:
      return assertNever(reply);
  }
  return { text: lines.join('\n'), choices };
}
