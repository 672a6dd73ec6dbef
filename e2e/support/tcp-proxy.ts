import net from 'node:net';

/**
 * A TCP proxy a test controls, put between the app and PostgreSQL to make the database
 * unreachable without touching the machine's PostgreSQL:
 *   - 'up': bytes flow both ways;
 *   - 'refuse': every connection is cut at once, open ones included (a database restart, a
 *     firewall sending resets);
 *   - 'blackhole': connections are accepted and then nothing comes back (a network partition).
 */
export type ProxyMode = 'up' | 'refuse' | 'blackhole';

export interface TcpProxy {
  readonly port: number;
  setMode(mode: ProxyMode): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: ProxyMode = 'up';
  const open = new Set<net.Socket>();

  const server = net.createServer((client) => {
    open.add(client);
    client.once('close', () => open.delete(client));
    client.on('error', () => undefined);
    if (mode === 'refuse') return void client.destroy();
    if (mode === 'blackhole') return; // accepted, never answered
    const upstream = net.connect(target.port, target.host);
    open.add(upstream);
    upstream.once('close', () => open.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;

  return {
    port,
    setMode(next) {
      const was = mode;
      mode = next;
      // Cut: connections reset. Back from a partition: the silenced connections are reset too, as
      // their peers would have given up on them by then.
      if (next === 'refuse' || (was === 'blackhole' && next === 'up'))
        for (const socket of open) socket.destroy();
      if (next === 'blackhole') {
        // Open connections stay up but go silent in both directions.
        for (const socket of open) {
          socket.unpipe();
          socket.pause();
        }
      }
    },
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
