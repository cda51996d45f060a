import { ServiceError } from '../../src/flows/ports/index.js';

/** The process the flows run in. Once killed, every port call throws, as nothing runs in a dead process. */
export class Life {
  alive = true;
  private readonly onDeath: Array<() => void> = [];
  whenKilled(f: () => void): void {
    this.onDeath.push(f);
  }
  kill(): void {
    this.alive = false;
    for (const f of this.onDeath) f();
  }
  check(): void {
    if (!this.alive) throw new Killed();
  }
}
export class Killed extends Error {
  override name = 'Killed';
  constructor() {
    super('the process was killed');
  }
}

/**
 * Errors: nothing happens. `lose-response`: it happens and the port throws `unavailable`, as the
 * adapter does when it cannot confirm. `kill-before|during|after`: the process dies before the call
 * acts, after it acted but before its answer, or right after its answer (the next call fails).
 */
export type PortFault = 'unavailable' | 'unauthorized' | 'rate-limited' | 'lose-response' | 'kill-before' | 'kill-during' | 'kill-after';

/** The faults queued per operation of one port, taken one per call. */
export class Faults<Op extends string> {
  readonly queued: Partial<Record<Op, PortFault[]>> = {};
  constructor(
    private readonly service: string,
    private readonly life: Life,
  ) {}

  /** Runs `act` under the next fault queued for `op`. */
  async run<T>(op: Op, act: () => T): Promise<T> {
    this.life.check();
    const f = this.queued[op]?.shift();
    if (f === 'kill-before') {
      this.life.kill();
      throw new Killed();
    }
    if (f === 'unavailable' || f === 'unauthorized' || f === 'rate-limited') {
      throw new ServiceError({ service: this.service, operation: op, problem: f, status: f === 'unauthorized' ? 401 : f === 'rate-limited' ? 429 : 503 });
    }
    const value = act();
    if (f === 'lose-response') throw new ServiceError({ service: this.service, operation: op, problem: 'unavailable', detail: 'response lost' });
    if (f === 'kill-during') {
      this.life.kill();
      throw new Killed();
    }
    if (f === 'kill-after') this.life.kill();
    return value;
  }
}
