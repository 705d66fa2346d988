/**
 * Why the engine decided what it did, as data, and its wording in each language. The engine
 * records the cues; this module is the one place that turns them into sentences.
 */
import { namesEveryUser } from '../domain/affected-scope.js';
import type { Severity } from '../domain/severity.js';
import { categoryDisplayName, type CategoryId, type Lang } from '../domain/taxonomy.js';

export type SeverityRule =
  | 'nothing-broken'
  | 'question'
  | 'everyone'
  | 'several'
  | 'deadline'
  | 'outage'
  | 'cosmetic'
  | 'workaround'
  | 'single'
  | 'one-feature'
  | 'unspecified'
  | 'cut-off'
  | 'billing'
  | 'presales';

export type Reason =
  | { readonly kind: 'unknown' }
  /** The message ends by saying the problem is gone and asks nothing (structure.ts, endsResolved). */
  | { readonly kind: 'resolved' }
  /** Only remarks on a documentation page's own form (tie-break 9; page-feedback.ts, onlyPageRemarks). */
  | { readonly kind: 'page-feedback' }
  | {
      readonly kind: 'category';
      readonly cues: readonly string[];
      readonly category: CategoryId;
      readonly tiedWith: readonly CategoryId[];
      /** The statistical layer reads the message as this other category: the admin is asked. */
      readonly disputedBy?: CategoryId;
    }
  | { readonly kind: 'chosen'; readonly category: CategoryId }
  | { readonly kind: 'learned'; readonly category: CategoryId; readonly probability: number }
  | { readonly kind: 'sovereign'; readonly cues: readonly string[] }
  | { readonly kind: 'outside-cause'; readonly cues: readonly string[] }
  | { readonly kind: 'volume-licensing'; readonly cues: readonly string[] }
  | {
      readonly kind: 'severity';
      readonly rule: SeverityRule;
      readonly severity: Severity;
      readonly cues: readonly string[];
      readonly failure?: string;
      /** "works in PowerShell": a workaround only an admin can use does not lower severity. */
      readonly adminOnly?: readonly string[];
    };

/** A cue longer than this is most of a message, not a cue: it is not quoted back. */
const MAX_CUE_CHARS = 40;
const MAX_CUE_WORDS = 6;
/** A trimmed text with more than MAX_CUE_WORDS words has at least that many gaps between words (no word list built). */
const TOO_MANY_WORDS = new RegExp(`(?:\\S+\\s+){${MAX_CUE_WORDS}}`);

function shownCues(cues: readonly string[], max: number): string[] {
  const shown: string[] = [];
  for (const cue of cues) {
    if (shown.length === max) break;
    const text = cue.trim();
    if (text === '' || shown.includes(text) || text.length > MAX_CUE_CHARS || TOO_MANY_WORDS.test(text)) continue;
    shown.push(text);
  }
  return shown;
}

/** Cues each in single quotes, comma-separated. */
function inQuotes(shown: readonly string[]): string {
  return shown.map((cue) => `'${cue}'`).join(', ');
}

/** Up to `max` distinct cues in the order given, each in single quotes, comma-separated. */
function quoted(cues: readonly string[], max = 3): string {
  return inQuotes(shownCues(cues, max));
}

/** "can't", "cannot" and "can not" are one word to compare, whichever the admin typed. */
function folded(text: string): string {
  return text
    .toLowerCase()
    .replace(/n['’]t\b/g, ' not')
    .replace(/\bcannot\b/g, 'can not')
    .replace(/\bwon not\b/g, 'will not')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The failure is worth naming only when no quoted cue already says it. */
function failureNotQuoted(failure: string | undefined, cues: readonly string[]): string | undefined {
  if (!failure) return undefined;
  const said = folded(failure);
  return shownCues(cues, 2).some((cue) => folded(cue).includes(said)) ? undefined : failure;
}

const SEVERITY_EN: Record<SeverityRule | 'group', string> = {
  'nothing-broken': 'nothing is broken right now',
  question: 'a how-to or planning question, nothing broken right now',
  everyone: 'every user is affected',
  // Not an id of the engine: "the whole sales floor" is a group, not every user.
  group: 'a whole team or group of users is affected',
  several: 'several users are affected',
  deadline: 'a deadline is at risk',
  outage: 'a service is down',
  cosmetic: 'a cosmetic problem',
  workaround: 'the user has a workaround',
  single: 'one user or one feature broken, no workaround for the user',
  'one-feature': 'one feature broken, no workaround for the user',
  unspecified: 'something does not work as expected and no workaround is mentioned',
  'cut-off': 'users are cut off from the service',
  billing: 'a billing or subscription request with no users cut off',
  presales: 'a pre-sales question',
};

const SEVERITY_ZH: Record<SeverityRule | 'group', string> = {
  'nothing-broken': '目前沒有任何功能故障',
  question: '這是操作方式或規劃上的問題，目前沒有故障',
  everyone: '所有使用者都受到影響',
  group: '整個團隊或群組的使用者都受到影響',
  several: '多位使用者受到影響',
  deadline: '期限受到威脅',
  outage: '服務中斷',
  cosmetic: '只是外觀上的問題',
  workaround: '使用者有因應措施',
  single: '單一使用者或單一功能故障，使用者沒有因應措施',
  'one-feature': '單一功能故障，使用者沒有因應措施',
  unspecified: '有功能不正常，且沒有提到因應措施',
  'cut-off': '使用者無法使用服務',
  billing: '帳單或訂閱要求，沒有使用者被中斷服務',
  presales: '售前諮詢問題',
};

export function renderReason(reason: Reason, lang: Lang): string {
  const zh = lang === 'zh-TW';
  switch (reason.kind) {
    case 'unknown':
      return zh ? '訊息中沒有足夠明確的服務或症狀可以分類' : 'No service or symptom this bot knows was clear enough to place the message';
    case 'resolved':
      return zh ? '訊息最後表示問題已經解決，也沒有提出問題：沒有需要分類的要求' : 'The message ends with the problem solved and asks nothing: there is no request to place';
    case 'page-feedback':
      return zh
        ? '訊息只是對文件頁面本身的意見（錯字、連結、截圖），沒有東西壞掉：沒有需要分類的要求'
        : 'The message only remarks on a documentation page itself (a typo, a link, a screenshot) with nothing broken: there is no request to place';
    case 'category': {
      const name = categoryDisplayName(reason.category, lang);
      const tied = reason.tiedWith.map((id) => categoryDisplayName(id, lang));
      const cues = shownCues(reason.cues, 3);
      const said = inQuotes(cues);
      const disputed = reason.disputedBy ? categoryDisplayName(reason.disputedBy, lang) : undefined;
      if (zh) {
        const tie = tied.length > 0 ? `（${tied.join('、')} 也同樣符合，依最相近的範例判定）` : disputed ? `（但整體用字較接近 ${disputed} 的範例）` : '';
        return cues.length > 0 ? `${said} 指向 ${name}${tie}` : `歸入 ${name}${tie}`;
      }
      const tie =
        tied.length > 0
          ? ` (${tied.join(', ')} fit as well; the closest examples decided)`
          : disputed
            ? ` (but the wording as a whole reads like the examples of ${disputed})`
            : '';
      if (cues.length === 0) return `Placed in ${name}${tie}`;
      return `${said} ${cues.length === 1 ? 'points' : 'point'} to ${name}${tie}`;
    }
    case 'chosen': {
      const name = categoryDisplayName(reason.category, lang);
      return zh ? `您選擇了 ${name}` : `You chose ${name}`;
    }
    case 'learned': {
      const name = categoryDisplayName(reason.category, lang);
      const percent = Math.round(reason.probability * 100);
      return zh
        ? `沒有規則明確符合；訊息的用字最接近 ${name} 的範例（${percent}%）`
        : `No rule matched clearly; the wording is closest to the examples of ${name} (${percent}%)`;
    }
    case 'sovereign':
      return withCues(reason.cues, zh ? '此租用戶由其所在雲端的專屬支援管道服務' : 'this tenant is served by the support of its own cloud');
    case 'outside-cause':
      return withCues(reason.cues, zh ? '您指出的原因在 Office 365 之外' : 'you name a cause outside Office 365');
    case 'volume-licensing':
      return withCues(reason.cues, zh ? '透過大量授權方案購買的授權' : 'licenses bought under a volume licensing program');
    case 'severity': {
      const said = reason.cues.length > 0 ? quoted(reason.cues, 2) : '';
      const cues = said !== '' ? `${said}: ` : '';
      const rule = reason.rule === 'everyone' && reason.cues.length > 0 && !reason.cues.some(namesEveryUser) ? 'group' : reason.rule;
      const why = (zh ? SEVERITY_ZH : SEVERITY_EN)[rule];
      const failureText = failureNotQuoted(reason.failure, reason.cues);
      const failure = failureText ? ` ('${failureText}')` : '';
      const adminOnly =
        reason.adminOnly && reason.adminOnly.length > 0
          ? zh
            ? `（${quoted(reason.adminOnly, 1)} 是只有管理員能用的因應措施，不會降低嚴重性）`
            : ` (${quoted(reason.adminOnly, 1)} is a workaround only an admin can use, so it does not lower the severity)`
          : '';
      return zh
        ? `${cues}${why}${failure}${adminOnly} → 嚴重性 ${reason.severity}`
        : `${cues}${why}${failure}${adminOnly} → Severity ${reason.severity}`;
    }
  }
}

function withCues(cues: readonly string[], why: string): string {
  const said = quoted(cues);
  return said ? `${said}: ${why}` : why.charAt(0).toUpperCase() + why.slice(1);
}

export function renderReasons(reasons: readonly Reason[], lang: Lang): string[] {
  return reasons.map((reason) => renderReason(reason, lang));
}

/**
 * The reasons of one decision in each language, each worded on first read: a turn shows one
 * language, and many results are read for their category alone. `quote` turns a cue into the
 * admin's own typing of it (applied once, on the first read of any language).
 */
export function wordedOnDemand(decided: readonly Reason[], quote: (cue: string) => string): Readonly<Record<Lang, readonly string[]>> {
  let quoted: readonly Reason[] | undefined;
  const inAdminsWords = () => (quoted ??= decided.map((reason) => ('cues' in reason ? { ...reason, cues: reason.cues.map(quote) } : reason)));
  let en: string[] | undefined;
  let zh: string[] | undefined;
  return {
    get en() {
      return (en ??= renderReasons(inAdminsWords(), 'en'));
    },
    get 'zh-TW'() {
      return (zh ??= renderReasons(inAdminsWords(), 'zh-TW'));
    },
  };
}
