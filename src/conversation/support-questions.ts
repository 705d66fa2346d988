/**
 * Questions about support itself ("what is the response time for Sev A?", "how do I reopen a
 * case?", "can our partner open cases for us?", "thanks"): the bot's own conversation in
 * taxonomy.md, recognized before triage and answered from the support rules and the tenant's
 * plan. The triage engine never sees them, so its output for the same text is unchanged.
 */
import { caseActionRefusal, SUPPORT_RULES } from '../domain/support-rules.js';
import { SEVERITIES, type Severity } from '../domain/severity.js';
import { isOnlyThanks } from '../domain/thanks.js';
import { tenantPlan, type TurnContext } from './context.js';
import { expectationViewAt } from './expectation.js';
import { planDisplayName, planQuestion } from './questions.js';
import { strings } from './strings/index.js';
import type { Reply } from './types.js';
import { textReply } from './welcome.js';

export type SupportTopic = 'response-time' | 'reopen' | 'how-to-open' | 'who-may-open' | 'partner' | 'translator' | 'severity' | 'thanks';

export interface SupportQuestion {
  readonly topic: SupportTopic;
  /** "Sev A", "嚴重性 B": the one severity asked about. */
  readonly severity?: Severity;
}

/** A message that reports something broken is a complaint, even when it mentions cases or support. */
const FAILURE =
  /\b(?:not working|doesn'?t work|does not work|stopped|fail(?:s|ed|ing)?|errors?|broken|can'?t|cannot|can not|unable|won'?t|down|outage|stuck|bounc\w*|ndr|slow|crash\w*|gr[ae]yed out|missing|disappeared)\b|(?:無法|不能|失敗|錯誤|當機|故障|退回|收不到|打不開|很慢)/iu;

const CASE_WORD = /\b(?:cases?|tickets?|service requests?|support requests?|requests?|srs?)\b|(?:案件|案例|服務要求|工單|支援要求)/iu;

const TOPICS: readonly { readonly topic: Exclude<SupportTopic, 'thanks'>; readonly test: (t: string) => boolean }[] = [
  {
    topic: 'translator',
    test: (t) =>
      (/\b(?:translat\w*|interpret\w*)\b/i.test(t) && /\b(?:call|phone|support|engineer|speak|language|arrange)\b/i.test(t)) ||
      (/(?:翻譯|口譯|通譯)/u.test(t) && /(?:通話|電話|工程師|支援|安排|語言)/u.test(t)),
  },
  {
    topic: 'partner',
    test: (t) =>
      (/\b(?:partners?|csp|resellers?|msp|consultants?)\b/i.test(t) && (CASE_WORD.test(t) || /\b(?:contact|call) support\b/i.test(t))) ||
      (/(?:合作夥伴|經銷商|代理商)/u.test(t) && (CASE_WORD.test(t) || /(?:代為|幫我們|替我們)/u.test(t))),
  },
  {
    topic: 'reopen',
    test: (t) => (/\bre-?open\w*\b/i.test(t) && CASE_WORD.test(t)) || (/(?:重新開啟|重開|再次開啟)/u.test(t) && CASE_WORD.test(t)),
  },
  {
    topic: 'response-time',
    test: (t) =>
      (/\b(?:response times?|respond\w*|response|reply|replies|sla|answer)\b/i.test(t) &&
        /\b(?:sev(?:erity)?|support|cases?|tickets?|requests?|engineers?|microsoft|you|plan|how (?:fast|quickly|soon|long))\b/i.test(t) &&
        /\b(?:what|how|when|which|is|are|does|do|will|sla)\b/i.test(t)) ||
      /(?:回應時間|回覆時間|多久(?:會|才會|可以)?(?:回應|回覆|處理|聯絡)|SLA)/iu.test(t),
  },
  {
    topic: 'severity',
    test: (t) =>
      (/\bseverity\b/i.test(t) && /\b(?:who|how|can|may|set|sets|change|choose|pick|decides?|assign\w*)\b/i.test(t)) ||
      (/(?:嚴重性|嚴重程度)/u.test(t) && /(?:誰|如何|怎麼|可以|設定|決定|指派|更改|調整)/u.test(t)),
  },
  {
    topic: 'how-to-open',
    test: (t) =>
      (/\bhow\b/i.test(t) && /\b(?:open|create|file|submit|raise|log)\b/i.test(t) && CASE_WORD.test(t)) ||
      (/(?:如何|怎麼|怎樣)/u.test(t) && /(?:提出|開立|建立|提交|開)/u.test(t) && CASE_WORD.test(t)),
  },
  {
    topic: 'who-may-open',
    test: (t) =>
      (/\b(?:who|can|may|are)\b/i.test(t) && /\b(?:open|create|file|submit|raise|log)\b/i.test(t) && CASE_WORD.test(t)) ||
      (/(?:誰|哪些人|可以|能否|能不能)/u.test(t) && /(?:提出|開立|建立|提交|開)/u.test(t) && CASE_WORD.test(t)),
  },
];

const QUESTION_MAX_CHARS = 160;

function severityNamed(text: string): Severity | undefined {
  const match = /\bsev(?:erity)?\s*[-:]?\s*([abc])\b|(?:嚴重性|嚴重程度)\s*([abc])\b/iu.exec(text);
  const letter = (match?.[1] ?? match?.[2])?.toUpperCase();
  return (SEVERITIES as readonly string[]).includes(letter ?? '') ? (letter as Severity) : undefined;
}

/** The support question a message asks, or undefined when it is a complaint or anything else. */
export function supportQuestionOf(raw: string): SupportQuestion | undefined {
  const text = raw.normalize('NFKC').trim();
  if (text === '' || text.length > QUESTION_MAX_CHARS) return undefined;
  // First the test most complaints answer: a text naming a failure has a word no thanks has.
  if (FAILURE.test(text)) return undefined;
  if (isOnlyThanks(text)) return { topic: 'thanks' };
  const found = TOPICS.find((t) => t.test(text));
  if (!found) return undefined;
  const severity = found.topic === 'response-time' ? severityNamed(text) : undefined;
  return { topic: found.topic, ...(severity ? { severity } : {}) };
}

/** The answer in the conversation's language; response times need the plan and ask it first. */
export function answerSupportQuestion(ctx: TurnContext, question: SupportQuestion, text: string): Reply[] {
  const s = strings(ctx.lang);
  const rule = (id: keyof typeof SUPPORT_RULES) => SUPPORT_RULES[id][ctx.lang];
  switch (question.topic) {
    case 'thanks':
      return [textReply(ctx.lang, s.youAreWelcome)];
    case 'reopen':
      return [textReply(ctx.lang, `${rule('reopen-window')} ${s.howToReopen}`)];
    case 'how-to-open':
      return [textReply(ctx.lang, `${s.howToOpen} ${rule('admins-only')}`)];
    case 'who-may-open':
      return [textReply(ctx.lang, `${rule('admins-only')}${ctx.admin.admin ? ` ${s.youMayOpen}` : ` ${s.youMayNotOpen}`}`)];
    case 'partner':
      return [textReply(ctx.lang, `${rule('partner-delegation')} ${caseActionRefusal('delegated-partner', 'view')?.[ctx.lang] ?? ''}`.trim())];
    case 'translator':
      return [textReply(ctx.lang, `${rule('translation-on-call')} ${s.translatorHow}`)];
    case 'severity':
      return [textReply(ctx.lang, `${rule('severity-assigned')} ${rule('elevated-sets-severity')}`)];
    case 'response-time':
      return responseTimes(ctx, question.severity, text);
  }
}

function responseTimes(ctx: TurnContext, severity: Severity | undefined, text: string): Reply[] {
  const s = strings(ctx.lang);
  const plan = tenantPlan(ctx);
  if (!plan) {
    // Asked again once the plan is known, so the admin gets the answer without retyping it.
    ctx.state.planQuestion = { kind: 'supportQuestion', text };
    return [textReply(ctx.lang, s.responseTimesNeedPlan), planQuestion(ctx.lang)];
  }
  const lines = (severity ? [severity] : SEVERITIES).flatMap((sev) => {
    const view = expectationViewAt(
      { plan, severity: sev, support: 'technical', at: ctx.now, timeZone: ctx.zone, ...(ctx.businessHours ? { businessHours: ctx.businessHours } : {}) },
      ctx.lang,
    );
    return view ? [`• ${view.summary}`] : [];
  });
  return [textReply(ctx.lang, [s.responseTimesFor(planDisplayName(plan, ctx.lang)), ...lines, SUPPORT_RULES['severity-assigned'][ctx.lang]].join('\n'))];
}
