/** The welcome reply: what the bot does, examples, and the commands in the user's language. */
import type { Lang } from '../domain/taxonomy.js';
import { strings } from './strings/index.js';
import type { TextReply, WelcomeReply } from './types.js';

export function welcomeReply(lang: Lang): WelcomeReply {
  const s = strings(lang);
  return {
    kind: 'welcome',
    lang,
    title: s.welcomeTitle,
    text: s.welcomeText,
    exampleLead: s.welcomeExampleLead,
    examples: [...s.welcomeExamples],
    commands: [
      { command: s.commandNewCase, description: s.commandNewCaseHelp },
      { command: s.commandMyCases, description: s.commandMyCasesHelp },
      { command: s.commandCase, description: s.commandCaseHelp },
      { command: s.commandClose, description: s.commandCloseHelp },
      { command: s.commandReopen, description: s.commandReopenHelp },
      { command: s.commandChangePlan, description: s.commandChangePlanHelp },
      { command: s.commandHelp, description: s.commandHelpHelp },
    ],
  };
}

export function textReply(lang: Lang, text: string, tone?: TextReply['tone']): TextReply {
  return { kind: 'text', lang, text, ...(tone ? { tone } : {}) };
}
