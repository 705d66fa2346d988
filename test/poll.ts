/** Waiting for a positive event in tests, instead of sleeping a fixed time. */

/**
 * Polls `probe` until it returns something, or fails after `timeoutMs` naming `what` it waited
 * for (a function is asked at the timeout, so the message can say what arrived instead).
 */
export async function until<T>(what: string | (() => string), probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
