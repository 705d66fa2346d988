/**
 * Summarises the profiles bench/e2e/orchestrate.ts writes with BENCH_PROFILE_DIR: per turn, the
 * main thread's CPU (a .cpuprofile: self time of the samples) or the bytes allocated (a
 * .heapprofile: a sampling heap profile that kept collected objects), grouped by where the code
 * lives (our src/ file, a package under node_modules, Node's own modules, V8's GC) and by function.
 * Given two profiles (the bot's, then the echo's) it prints both and the difference per group:
 * the bot's own work, and where it is.
 *   npx tsx bench/profile-summary.ts DIR/teams-bot.cpuprofile DIR/teams-echo.cpuprofile [top=25]
 * Each profile's turns are read from <file>.turns.
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}
interface CpuNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}
interface CpuProfile {
  readonly nodes: readonly CpuNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}
interface HeapNode {
  readonly callFrame: CallFrame;
  readonly selfSize: number;
  readonly children: readonly HeapNode[];
}

/** Where a frame's code lives: `pkg:<name>`, `src/<dir>/<file>`, `node:<module>`, or V8's own entries. */
function groupOf(frame: CallFrame): string {
  const url = frame.url;
  if (url === '') return frame.functionName.startsWith('(') ? frame.functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return `pkg:${pkg[1]}`;
  const ours = /\/(src|bench)\/(.+?)\.[jt]s$/.exec(url);
  if (ours) return `${ours[1]}/${ours[2]}`;
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/').slice(0, 2).join('/')}`;
  return url;
}

const functionOf = (frame: CallFrame): string => `${frame.functionName || '(anonymous)'} ${groupOf(frame)}:${frame.lineNumber + 1}`;

/**
 * A built-in (Set#add, String#split, JSON.stringify: no url) is charged to the code that called
 * it, so `(native)` does not hide whose work it was; `caller` is that nearest JavaScript frame.
 */
function placeOf(frame: CallFrame, caller: CallFrame | undefined): string {
  const group = groupOf(frame);
  return group === '(native)' && caller ? `${groupOf(caller)} (built-ins)` : group;
}
const isJs = (frame: CallFrame) => frame.url !== '';

interface Summary {
  readonly unit: string;
  readonly turns: number;
  readonly total: number;
  readonly groups: Map<string, number>;
  readonly functions: Map<string, number>;
}

const add = (map: Map<string, number>, key: string, value: number) => map.set(key, (map.get(key) ?? 0) + value);

function summariseCpu(profile: CpuProfile, turns: number): Summary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // The nearest JavaScript frame above each node.
  const caller = new Map<number, CallFrame>();
  const walk = (node: CpuNode, above: CallFrame | undefined): void => {
    if (above) caller.set(node.id, above);
    const next = isJs(node.callFrame) ? node.callFrame : above;
    for (const child of node.children ?? []) walk(byId.get(child)!, next);
  };
  walk(profile.nodes[0]!, undefined);
  const groups = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') return;
    const us = profile.timeDeltas[i + 1] ?? 0;
    total += us;
    add(groups, placeOf(frame, caller.get(id)), us);
    add(functions, functionOf(frame), us);
  });
  return { unit: 'µs', turns, total, groups, functions };
}

function summariseHeap(head: HeapNode, turns: number): Summary {
  const groups = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  const visit = (node: HeapNode, above: CallFrame | undefined): void => {
    if (node.selfSize > 0) {
      total += node.selfSize;
      add(groups, placeOf(node.callFrame, above), node.selfSize);
      add(functions, functionOf(node.callFrame), node.selfSize);
    }
    const next = isJs(node.callFrame) ? node.callFrame : above;
    for (const child of node.children) visit(child, next);
  };
  visit(head, undefined);
  return { unit: 'B', turns, total, groups, functions };
}

function summarise(file: string): Summary {
  const turns = Number(readFileSync(`${file}.turns`, 'utf8'));
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile | { head: HeapNode };
  return 'head' in parsed ? summariseHeap(parsed.head, turns) : summariseCpu(parsed, turns);
}

const perTurn = (s: Summary, value: number) => Math.round(value / s.turns);

function print(label: string, s: Summary, top: number): void {
  console.log(`${label}: ${s.turns} turns, ${perTurn(s, s.total)} ${s.unit} per turn (main thread, idle excluded)`);
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top);
  console.log('  by place:');
  for (const [group, value] of sorted(s.groups)) console.log(`    ${String(perTurn(s, value)).padStart(7)} ${group}`);
  console.log('  by function:');
  for (const [fn, value] of sorted(s.functions)) console.log(`    ${String(perTurn(s, value)).padStart(7)} ${fn}`);
}

const [botFile, echoFile, topArg] = process.argv.slice(2);
if (!botFile) throw new Error('usage: profile-summary.ts BOT_PROFILE [ECHO_PROFILE] [top]');
const top = Number(topArg ?? 25);
const bot = summarise(botFile);
print(botFile, bot, top);
if (echoFile) {
  const echo = summarise(echoFile);
  print(echoFile, echo, top);
  console.log(`bot - echo: ${perTurn(bot, bot.total) - perTurn(echo, echo.total)} ${bot.unit} per turn, by place:`);
  const places = new Set([...bot.groups.keys(), ...echo.groups.keys()]);
  const diff = [...places].map((g) => [g, perTurn(bot, bot.groups.get(g) ?? 0) - perTurn(echo, echo.groups.get(g) ?? 0)] as const);
  for (const [group, value] of diff.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, top)) console.log(`    ${String(value).padStart(7)} ${group}`);
}
if (echoFile) {
  const echo = summarise(echoFile);
  console.log(`bot - echo, by function:`);
  const names = new Set([...bot.functions.keys(), ...echo.functions.keys()]);
  const diff = [...names].map((f) => [f, perTurn(bot, bot.functions.get(f) ?? 0) - perTurn(echo, echo.functions.get(f) ?? 0)] as const);
  for (const [fn, value] of diff.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, top)) console.log(`    ${String(value).padStart(7)} ${fn}`);
}
