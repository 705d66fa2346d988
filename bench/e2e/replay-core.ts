/** The "replay" server of the in-process benches: the channel's whole path with a core that costs nothing. */
import type { ConversationCore, Reply } from '../../src/conversation/types.js';

/** The core's replies to each text, once; a replayed turn costs the core nothing. */
export function replayCore(real: ConversationCore): ConversationCore {
  const answers = new Map<string, Reply[]>();
  return {
    async handle(turn) {
      const key = String(turn.text);
      const known = answers.get(key);
      if (known) return known;
      const replies = await real.handle(turn);
      answers.set(key, replies);
      return replies;
    },
  };
}
