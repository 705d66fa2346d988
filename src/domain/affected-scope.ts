/**
 * Who a message says is affected, in its own words: "everyone" and "the whole company" name every
 * user; "the whole sales floor" names one group. Severity A covers both, but the words a card
 * shows and the case form prefills must not turn a group into "every user".
 */

const EVERY_USER =
  /\b(?:everyone|everybody|every user|all (?:of )?(?:our |the )?(?:users|staff|employees|people|mailboxes)|all staff|nobody|no one|no-one|(?:whole|entire) (?:company|organi[sz]ation|org|tenant|business)|company-?wide|org-?wide|tenant-?wide)\b|全公司|全體|所有人|所有使用者|所有員工|大家|每個人|每位使用者|沒有人|全社|社員全員|全ユーザー|会社全体|組織全体|誰も/iu;

/** True when the text names every user of the organization, not one group of them. */
export function namesEveryUser(text: string): boolean {
  return EVERY_USER.test(text.normalize('NFKC'));
}

const GROUP_EN = /\b(?:the\s+)?(?:whole|entire)\s+((?:[\p{L}\d&'-]+\s+){0,2}?(?:team|floor|department|dept|office|site|branch|division|group|unit|staff|building|region|store|shop|plant|campus|school|class|crew|desk))\b/iu;
const GROUP_ZH = /(?:整個|全)([\p{Script=Han}]{1,6}?(?:部門|團隊|辦公室|分公司|樓層|組|課|處|部|店|廠|校區))/u;
/** "業務部的人都", "營業部の全員": a department named, then all of its people. */
const GROUP_MEMBERS = /([\p{Script=Han}\p{Script=Katakana}]{1,8}?(?:部門|團隊|辦公室|分公司|組|課|處|部|チーム|支店|オフィス))(?:的(?:人|同仁|同事|員工|使用者)(?:都|全部)|の全員)/u;

/** "the whole sales floor", "整個業務部門", "業務部的人都": the group a message names, in its words; undefined when none. */
export function namedGroup(text: string): string | undefined {
  const normalized = text.normalize('NFKC');
  const en = GROUP_EN.exec(normalized);
  if (en) return en[0].trim();
  const zh = GROUP_ZH.exec(normalized);
  if (zh) return zh[0];
  return GROUP_MEMBERS.exec(normalized)?.[1];
}
