import { subscribe, unsubscribe } from 'node:diagnostics_channel';

/**
 * TCP connections accepted by the fakes, per service. Node publishes every socket any server of
 * this thread accepts on `net.server.socket` (the same moment as the server's `connection`
 * event), which reaches the Scalekit fake's raw net.Server as well as the http.Servers of the
 * Slack and Google fakes without reaching into them. Sockets are told apart by the local port
 * they arrived on. During a burst only the bot (or the bare app) connects to the fakes.
 */
export interface ConnectionCounter {
  /** Connections accepted per service since the last call, then starts again from zero. */
  take(): Record<string, number>;
  stop(): void;
}

const localPortOf = (m: unknown): number | undefined => {
  const socket = typeof m === 'object' && m !== null && 'socket' in m ? m.socket : undefined;
  const port = typeof socket === 'object' && socket !== null && 'localPort' in socket ? socket.localPort : undefined;
  return typeof port === 'number' ? port : undefined;
};

/** `services`: name → a URL on that service's port (e.g. the fake's base URL). */
export function countConnections(services: Record<string, string>): ConnectionCounter {
  const byPort = new Map(Object.entries(services).map(([name, url]) => [Number(new URL(url).port), name]));
  const zero = (): Record<string, number> => Object.fromEntries(Object.keys(services).map((name) => [name, 0]));
  let counts = zero();
  const listener = (m: unknown): void => {
    const port = localPortOf(m);
    const name = port === undefined ? undefined : byPort.get(port);
    if (name !== undefined) counts[name] = (counts[name] ?? 0) + 1;
  };
  subscribe('net.server.socket', listener);
  return {
    take() {
      const taken = counts;
      counts = zero();
      return taken;
    },
    stop: () => void unsubscribe('net.server.socket', listener),
  };
}
