import { readFileSync } from 'node:fs';
import net from 'node:net';

export interface RawOutcome {
  /** What the server wrote back before closing, if anything. */
  response: string;
  /** Body bytes this client had written (handed to its socket) when the server closed. */
  sent: number;
}

const CHUNK = Buffer.alloc(64 * 1024, 'a');

/**
 * A client that posts by hand and then stalls: the headers (a Content-Length of `declared`, or
 * chunked), then `send` bytes of body, then nothing more. Settles when the server closes the
 * connection, or with `undefined` after `waitMs` if it never does.
 */
export function stalledPost(port: number, opts: { declared?: number; send: number; waitMs: number; path?: string }): Promise<RawOutcome | undefined> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let response = '';
    let sent = 0;
    let open = true;
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(undefined);
    }, opts.waitMs);
    socket.on('data', (d: Buffer) => (response += d.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      open = false;
      clearTimeout(timer);
      resolve({ response, sent });
    });
    const chunked = opts.declared === undefined;
    const framing = chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${opts.declared}`;
    socket.write(`POST ${opts.path ?? '/slack/events'} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${framing}\r\n\r\n`);
    const pump = (): void => {
      while (open && sent < opts.send) {
        const piece = CHUNK.subarray(0, Math.min(CHUNK.length, opts.send - sent));
        sent += piece.length;
        const ok = chunked ? socket.write(`${piece.length.toString(16)}\r\n`) && socket.write(piece) && socket.write('\r\n') : socket.write(piece);
        if (!ok) return void socket.once('drain', pump);
      }
    };
    socket.once('connect', pump);
  });
}

/** Resident memory of a process, in MB (Linux). */
export function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Math.round(Number(kb) / 1024);
}
