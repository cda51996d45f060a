import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * Slack's side of Socket Mode: says hello when an app connects, sends envelopes, and hands back
 * the app's acks (`{ envelope_id, payload }`) to whoever sent each envelope.
 */
export class FakeSocketMode {
  private socket: WebSocket | undefined;
  private readonly waiting = new Map<string, (ack: Record<string, unknown>) => void>();
  private onConnect: Array<() => void> = [];

  private constructor(
    private readonly server: WebSocketServer,
    readonly url: string,
  ) {
    server.on('connection', (ws) => {
      this.socket = ws;
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0FAKEAPP' }, debug_info: { host: 'fake-applink' } }));
      ws.on('message', (data) => {
        const ack = JSON.parse(String(data)) as Record<string, unknown>;
        const resolve = typeof ack.envelope_id === 'string' ? this.waiting.get(ack.envelope_id) : undefined;
        if (resolve) resolve(ack);
      });
      for (const f of this.onConnect.splice(0)) f();
    });
  }

  static async start(): Promise<FakeSocketMode> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    return new FakeSocketMode(server, `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link`);
  }

  connected(): Promise<void> {
    return this.socket ? Promise.resolve() : new Promise((resolve) => this.onConnect.push(resolve));
  }

  /** Sends one envelope (`slash_commands`, `interactive`, `events_api`) and resolves with the app's ack. */
  send(type: string, payload: Record<string, unknown>, timeoutMs = 5_000): Promise<Record<string, unknown>> {
    const socket = this.socket;
    if (!socket) return Promise.reject(new Error('no app is connected'));
    const id = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ack for ${type} within ${timeoutMs} ms`)), timeoutMs);
      this.waiting.set(id, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
      socket.send(JSON.stringify({ envelope_id: id, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' }));
    });
  }

  async stop(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
