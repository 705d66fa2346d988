/** The local chat's pages (`/` as admin or user, `/support` as the local engineer), filled from page.html. */
import { readFileSync } from 'node:fs';
import type { Lang } from '../../domain/taxonomy.js';
import { projectPath } from '../../paths.js';
import { FETCH_COMMAND, WEBCHAT_VERSION } from './bundle.js';
import { LOCAL_IDENTITIES, type LocalIdentity } from './identity.js';

export const BUNDLE_URL = '/webchat/webchat.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

// From src/ also when running compiled from dist/: tsc does not copy the page.
const PAGE_TEMPLATE = readFileSync(projectPath('src/channels/webchat/page.html'), 'utf8');

/** The Web Chat script tag, or how to fetch the bundle when it is missing. */
function bundleBlockOf(bundle: boolean): string {
  return bundle
    ? `<script src="${BUNDLE_URL}?v=${WEBCHAT_VERSION}"></script>`
    : `<div id="missing" role="alert"><strong>The Web Chat bundle is missing.</strong> This page serves Web Chat
    ${WEBCHAT_VERSION} from this server (no CDN). Fetch it once with <code>${FETCH_COMMAND}</code> (it runs
    <code>npm pack botframework-webchat@${WEBCHAT_VERSION}</code> and caches the bundle in
    <code>.cache/webchat/</code>), then reload this page. Meanwhile, <code>npm run chat</code> talks to the same bot in a terminal.</div>`;
}

const CHAT_HINT =
  'Describe a problem the way an admin would, for example <q>outlook can\'t send for the whole sales floor since 9am</q>; ' +
  'type <code>my cases</code> to list your cases, or <code>help</code> for everything the bot understands.';

const CHAT_HINT_ZH =
  '請像系統管理員一樣描述問題，例如<q>整個業務樓層從早上九點起都無法從 Outlook 寄信</q>；' +
  '輸入 <code>我的案件</code> 可列出您的案件，輸入 <code>說明</code> 可查看機器人能做的所有事。';

const SUPPORT_HINT =
  'This page stands in for the Teams/Slack support channel. Each case opened in the local chat (or anywhere else, while ' +
  'this page is open) appears here as a case card; <strong>Claim</strong>, <strong>Reply</strong>, <strong>Ask for ' +
  'information</strong>, <strong>Change severity</strong>, <strong>Assign</strong> and <strong>Resolve</strong> update the ' +
  'card in place and notify the admin in their chat. Open cases of tenant <code>local</code> are shown when the page opens.';

interface PageView {
  readonly identity: LocalIdentity;
  readonly title: string;
  readonly subtitle: string;
  readonly roleClass: string;
  readonly roleLabel: string;
  readonly switchHref: string;
  readonly switchLabel: string;
  readonly switchInNewTab: boolean;
  readonly hint: string;
  readonly ariaLabel: string;
  readonly initials: string;
  readonly admin?: boolean;
}

/** Fills the one page template (src/channels/webchat/page.html); the hints are trusted constants. */
function fillPage(view: PageView, bundle: boolean): string {
  const { identity } = view;
  const values: Record<string, string> = {
    title: escapeHtml(view.title),
    subtitle: view.subtitle,
    userName: escapeHtml(identity.name),
    userId: escapeHtml(identity.id),
    roleClass: view.roleClass,
    roleLabel: escapeHtml(view.roleLabel),
    switchHref: view.switchHref,
    switchAttributes: view.switchInNewTab ? ' target="_blank" rel="noopener"' : '',
    switchLabel: escapeHtml(view.switchLabel),
    hint: view.hint,
    ariaLabel: escapeHtml(view.ariaLabel),
    bundleBlock: bundleBlockOf(bundle),
    configJson: JSON.stringify({
      as: identity.as,
      userId: identity.id,
      userName: identity.name,
      initials: view.initials,
      ...(view.admin === undefined ? {} : { admin: view.admin }),
      bundle,
    }).replace(/</g, '\\u003c'),
  };
  return PAGE_TEMPLATE.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

/** The local support channel's page (`/support`): Web Chat as the local engineer. */
export function renderSupportPage(bundle: boolean): string {
  return fillPage(
    {
      identity: LOCAL_IDENTITIES.engineer,
      title: 'local support channel',
      subtitle: 'local support channel',
      roleClass: 'engineer',
      roleLabel: 'support engineer',
      switchHref: '/',
      switchLabel: "Open the admin's chat",
      switchInNewTab: true,
      hint: SUPPORT_HINT,
      ariaLabel: 'The local support channel',
      initials: 'LE',
    },
    bundle,
  );
}

/** The chat page for an identity; says how to fetch the bundle when it is missing. */
export function renderPage(identity: LocalIdentity, admin: boolean, bundle: boolean, lang: Lang = 'en'): string {
  const other = identity.as === 'admin' ? LOCAL_IDENTITIES.user : LOCAL_IDENTITIES.admin;
  return fillPage(chatPageView(identity, other, admin, lang), bundle);
}

function chatHint(admin: boolean, lang: Lang): string {
  if (lang === 'zh-TW') {
    return `${CHAT_HINT_ZH}${admin ? '在分流卡片上按<em>提出案件</em>即可開啟案件表單。' : '非系統管理員會收到分流結果與要轉給系統管理員的文字，但無法提出案件。'}`;
  }
  const roleHint = admin
    ? 'Press <em>Open a case</em> on a triage card to get the case form.'
    : 'As a non-admin you get the triage and the text to forward to your admin, but no cases.';
  return `${CHAT_HINT} ${roleHint}`;
}

function chatPageView(identity: LocalIdentity, other: LocalIdentity, admin: boolean, lang: Lang): PageView {
  return {
      identity,
      title: 'local chat',
      subtitle: 'local chat · tenant <code>local</code>',
      roleClass: admin ? 'admin' : 'user',
      roleLabel: admin ? 'admin: may open and manage cases' : 'not an admin: cases are refused',
      switchHref: `/?as=${other.as}`,
      switchLabel: other.as === 'user' ? 'Switch to a non-admin user' : 'Switch back to the admin',
      switchInNewTab: false,
      hint: chatHint(admin, lang),
      ariaLabel: 'Chat with the Support Triage Bot',
      initials: identity.as === 'user' ? 'LU' : 'LA',
      admin,
  };
}
