import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A V8 .cpuprofile (what `node --cpu-prof` writes on exit), boiled down to self time per
 * package: node_modules/<pkg>, the bot's own code by src/<folder> (dist/ maps back to src/),
 * Node's internals by module, and V8's pseudo-frames ((garbage collector), (program), (idle));
 * builtins and native code count to the script that called them.
 */
interface CallFrame {
  functionName: string;
  url: string;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileGroup {
  group: string;
  selfMs: number;
  /** Of the busy (not idle) samples in the window. */
  share: number;
}

export interface ProfileSummary {
  /** Samples inside the windows, busy and idle. */
  sampledMs: number;
  idleMs: number;
  busyMs: number;
  /** Every group, largest first. */
  groups: ProfileGroup[];
}

function isProfile(v: unknown): v is CpuProfile {
  return (
    typeof v === 'object' &&
    v !== null &&
    'nodes' in v &&
    Array.isArray(v.nodes) &&
    'samples' in v &&
    Array.isArray(v.samples) &&
    'timeDeltas' in v &&
    Array.isArray(v.timeDeltas) &&
    'startTime' in v &&
    typeof v.startTime === 'number'
  );
}

/** Frames without a script: V8 builtins (JSON, RegExp, Array…) and native bindings (crypto, writev…). */
const BUILTIN = '(V8 builtins, native)';

/** The group a frame's self time is counted under. */
export function groupOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (functionName === '(garbage collector)') return '(gc)';
  if (functionName === '(program)' || functionName === '(idle)' || functionName === '(root)') return functionName;
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const [first = '', second = ''] = url.slice(nm + '/node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  // The bot's compiled code: dist/<folder>/<file>.js is src/<folder>/<file>.ts.
  const own = /\/dist\/(.+)$/.exec(url)?.[1];
  if (own !== undefined) return own.includes('/') ? `src/${own.slice(0, own.lastIndexOf('/'))}` : 'src (top level)';
  if (url.startsWith('node:')) {
    // node:internal/streams/readable → node:streams; node:internal/deps/undici/undici (fetch) → node:deps/undici.
    const [first = '', second = ''] = url
      .slice('node:'.length)
      .replace(/^internal\//, '')
      .split('/');
    return first === 'deps' ? `node:deps/${second}` : `node:${first}`;
  }
  if (url.startsWith('wasm://')) return 'wasm';
  if (url === '') return BUILTIN;
  return url;
}

/**
 * Each node's group; a builtin or native frame is counted to the nearest caller that has a
 * script, so that JSON.parse in Bolt counts as Bolt's and a socket write as node:net's.
 */
function byCaller(nodes: readonly ProfileNode[]): Map<number, string> {
  const parent = new Map<number, number>();
  for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const own = new Map(nodes.map((n) => [n.id, groupOf(n.callFrame)]));
  const resolved = new Map<number, string>();
  for (const n of nodes) {
    let id: number | undefined = n.id;
    while (id !== undefined && own.get(id) === BUILTIN) id = parent.get(id);
    const group = id === undefined ? BUILTIN : (own.get(id) ?? BUILTIN);
    // (root) above a builtin means no script called it: keep it as a builtin.
    resolved.set(n.id, group === '(root)' ? BUILTIN : group);
  }
  return resolved;
}

/**
 * Self time per group of the samples taken inside `windowsUs` (monotonic µs, the same clock
 * as the profile's timestamps), largest first.
 */
export function summarizeProfile(profile: unknown, windowsUs: ReadonlyArray<readonly [number, number]>): ProfileSummary {
  if (!isProfile(profile)) throw new Error('not a V8 CPU profile');
  const groupById = byCaller(profile.nodes);
  const inside = (t: number): boolean => windowsUs.some(([from, to]) => t >= from && t <= to);
  const selfUs = new Map<string, number>();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    // A sample's delta is the time since the one before: that time is counted for this sample.
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    if (!inside(t)) continue;
    const group = groupById.get(profile.samples[i] ?? -1) ?? '(unknown)';
    selfUs.set(group, (selfUs.get(group) ?? 0) + delta);
  }
  const idleUs = selfUs.get('(idle)') ?? 0;
  selfUs.delete('(idle)');
  const busyUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
  return {
    sampledMs: (busyUs + idleUs) / 1000,
    idleMs: idleUs / 1000,
    busyMs: busyUs / 1000,
    groups: [...selfUs].sort((a, b) => b[1] - a[1]).map(([group, us]) => ({ group, selfMs: us / 1000, share: busyUs > 0 ? us / busyUs : 0 })),
  };
}

/** The one .cpuprofile a process wrote into `dir` on exit. */
export async function readProfile(dir: string): Promise<unknown> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length !== 1 || files[0] === undefined) throw new Error(`expected one .cpuprofile in ${dir}, found ${files.length}`);
  return JSON.parse(await readFile(join(dir, files[0]), 'utf8')) as unknown;
}
