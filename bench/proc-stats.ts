import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Another process's CPU time and memory as Linux keeps them in /proc, read from outside so the
 * measured process runs nothing extra.
 */

/** Clock ticks per second of utime/stime (USER_HZ): 100 on every usual Linux. */
const TICKS_PER_S = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU time of every thread of `pid` so far, in ms (resolution 1000 / USER_HZ = 10 ms). */
export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 (utime) and 15 (stime) of proc(5), i.e. 12th and 13th after the name and state.
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`/proc/${pid}/stat: no utime/stime`);
  return ((utime + stime) * 1000) / TICKS_PER_S;
}

export interface Rss {
  /** Resident now (VmRSS). */
  rssMb: number;
  /** The most it has ever been resident (VmHWM). */
  peakMb: number;
}

export function rssOf(pid: number): Rss {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string): number => {
    const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
    if (!m?.[1]) throw new Error(`/proc/${pid}/status: no ${key}`);
    return Number(m[1]) / 1024;
  };
  return { rssMb: kb('VmRSS'), peakMb: kb('VmHWM') };
}
