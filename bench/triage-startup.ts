/**
 * Cold start of the triage engine in a fresh process: import, read + validate the rules,
 * check every example, train the classifier. Prints one JSON line for bench/run.ts, which runs it
 * compiled (tsconfig.bench.json) with plain node, as production runs the bot.
 */
const started = performance.now();
const { loadDefaultRules } = await import('../src/triage/index.js');
const engine = loadDefaultRules();
const loadedMs = performance.now() - started;
engine.triage('warm-up');
process.stdout.write(
  JSON.stringify({ startupMs: loadedMs, rssMb: process.memoryUsage().rss / 1e6, intents: engine.intents.length }) + '\n',
);
