/**
 * Why each bot scope of manifest/slack/manifest.yaml is needed: the Web API methods and events
 * that use it. The manifest test checks every listed scope is here and its methods/events are
 * really used by the code, so the app never asks for more than it needs.
 */
export const SCOPE_USAGE: Readonly<Record<string, { readonly methods?: readonly string[]; readonly events?: readonly string[]; readonly commands?: readonly string[] }>> = {
  'chat:write': { methods: ['chat.postMessage', 'chat.postEphemeral', 'chat.update'] },
  'users:read': { methods: ['users.info'] },
  /** users.info returns profile.email only with this scope: ADMIN_USERS may list emails, and the case form is prefilled. */
  'users:read.email': { methods: ['users.info'] },
  'im:history': { events: ['message.im'] },
  'app_mentions:read': { events: ['app_mention'] },
  commands: { commands: ['/support'] },
  /** The support desk checks who is in the public or private support channel (SUPPORT_SLACK_CHANNEL). */
  'channels:read': { methods: ['conversations.members'] },
  'groups:read': { methods: ['conversations.members'] },
};
