import net from 'node:net';

interface Link {
  client: net.Socket;
  upstream: net.Socket | undefined;
  /** Bytes held back while the network is cut, in each direction. */
  toServer: Buffer[];
  toClient: Buffer[];
}

/**
 * A loopback TCP proxy in front of a server (the test PostgreSQL) that can cut the network the
 * way a partition does: nothing is refused or closed, bytes just stop arriving. While cut, new
 * connections are accepted and stall too. Healing lets the held bytes through, as TCP's
 * retransmissions would; a side that gave up and closed meanwhile closes its link.
 */
export class TcpProxy {
  /** Connections accepted since start, so a test can see a client reconnect. */
  accepted = 0;
  private cut = false;
  private readonly links = new Set<Link>();

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const server = net.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('tcp proxy: no TCP address');
    const proxy = new TcpProxy(server, address.port, target);
    server.on('connection', (socket) => proxy.accept(socket));
    return proxy;
  }

  /** The same postgres:// URL, pointed at the proxy. */
  urlFor(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  /** Connections open right now. */
  get open(): number {
    return this.links.size;
  }

  /** Black-holes both directions of every connection, old and new. */
  partition(): void {
    this.cut = true;
  }

  heal(): void {
    this.cut = false;
    for (const link of this.links) {
      if (!link.upstream) this.connect(link);
      this.flush(link);
    }
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const link of this.links) this.close(link);
    await closed;
  }

  private accept(client: net.Socket): void {
    this.accepted += 1;
    const link: Link = { client, upstream: undefined, toServer: [], toClient: [] };
    this.links.add(link);
    client.on('data', (chunk: Buffer) => {
      if (this.cut || !link.upstream) link.toServer.push(chunk);
      else link.upstream.write(chunk);
    });
    client.on('error', () => this.close(link));
    client.on('close', () => this.close(link));
    if (!this.cut) this.connect(link);
  }

  private connect(link: Link): void {
    const upstream = net.connect(this.target.port, this.target.host);
    link.upstream = upstream;
    upstream.on('data', (chunk: Buffer) => {
      if (this.cut) link.toClient.push(chunk);
      else link.client.write(chunk);
    });
    upstream.on('error', () => this.close(link));
    upstream.on('close', () => this.close(link));
    this.flush(link);
  }

  private flush(link: Link): void {
    for (const chunk of link.toServer.splice(0)) link.upstream?.write(chunk);
    for (const chunk of link.toClient.splice(0)) link.client.write(chunk);
  }

  private close(link: Link): void {
    if (!this.links.delete(link)) return;
    link.client.destroy();
    link.upstream?.destroy();
  }
}
