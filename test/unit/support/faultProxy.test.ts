// The fault proxy against small local servers: an echo server, and a "streamer" that sends a
// scripted sequence of chunks, so cut points can be checked to the byte.
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../../support/faultProxy.mjs';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

interface Upstream {
  port: number;
  /** Server-side sockets, with how each ended. */
  sockets: { socket: net.Socket; closed: Promise<{ error: string | null }> }[];
  close(): Promise<void>;
}

async function listen(onSocket: (socket: net.Socket) => void): Promise<Upstream> {
  const sockets: Upstream['sockets'] = [];
  const server = net.createServer((socket) => {
    let error: string | null = null;
    socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
    sockets.push({ socket, closed: new Promise((resolve) => socket.on('close', () => resolve({ error }))) });
    onSocket(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const up: Upstream = {
    port: (server.address() as net.AddressInfo).port,
    sockets,
    close: async () => {
      for (const s of sockets) s.socket.destroy();
      await Promise.all([new Promise<void>((resolve) => server.close(() => resolve())), ...sockets.map((s) => s.closed)]);
    },
  };
  cleanups.push(up.close);
  return up;
}

const echo = () => listen((socket) => socket.pipe(socket));
/** Sends each chunk `gapMs` apart (separate TCP segments on loopback), then keeps the line open. */
const streamer = (chunks: Buffer[], gapMs = 20) =>
  listen(async (socket) => {
    for (const chunk of chunks) {
      if (socket.destroyed) return;
      socket.write(chunk);
      await new Promise((r) => setTimeout(r, gapMs));
    }
  });

async function proxyTo(port: number): Promise<FaultProxy> {
  const proxy = await startFaultProxy({ targetPort: port });
  cleanups.push(() => proxy.close());
  return proxy;
}

interface Received {
  socket: net.Socket;
  data: () => Buffer;
  closed: Promise<{ error: string | null; bytes: number }>;
}

function connect(port: number): Received {
  const socket = net.connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  let error: string | null = null;
  socket.on('data', (c: Buffer) => chunks.push(c));
  socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
  const data = () => Buffer.concat(chunks);
  const closed = new Promise<{ error: string | null; bytes: number }>((resolve) => socket.on('close', () => resolve({ error, bytes: data().length })));
  cleanups.push(async () => {
    socket.destroy();
    await closed;
  });
  return { socket, data, closed };
}

async function until(condition: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

const tcpHandles = () => process.getActiveResourcesInfo().filter((r) => r.startsWith('TCP')).length;

describe('faultProxy', () => {
  it('passes bytes through unchanged in both directions', async () => {
    const proxy = await proxyTo((await echo()).port);
    const payload = randomBytes(1024 * 1024);
    const client = connect(proxy.port);
    client.socket.end(payload);
    const { error } = await client.closed;
    expect(error).toBeNull();
    expect(client.data().equals(payload)).toBe(true);
    expect(proxy.stats()).toMatchObject({ accepted: 1, cuts: 0 });
  });

  it('cutAfterServerBytes delivers exactly n bytes, then resets both ends', async () => {
    const up = await streamer([Buffer.alloc(3000, 'a'), Buffer.alloc(3000, 'b')]);
    const proxy = await proxyTo(up.port);
    proxy.cutAfterServerBytes(4500);
    const client = connect(proxy.port);
    expect(await client.closed).toEqual({ error: expect.toBeOneOf([null, 'ECONNRESET']), bytes: 4500 });
    await until(() => up.sockets.length === 1);
    // A reset, not a polite close: the server's socket errors instead of seeing 'end'.
    expect(await up.sockets[0]!.closed).toEqual({ error: 'ECONNRESET' });
    expect(client.data().subarray(2999, 3001).toString()).toBe('ab');
    expect(proxy.stats()).toMatchObject({ cuts: 1, open: 0 });
  });

  it('cutWhen cuts right after the chunk the predicate matched (e.g. "+ idling")', async () => {
    const up = await streamer(['* OK ready\r\n', 'A1 OK\r\n+ idling\r\n', '* 3 EXISTS\r\n'].map((s) => Buffer.from(s)));
    const proxy = await proxyTo(up.port);
    const seen: number[] = [];
    proxy.cutWhen((chunk, total) => {
      seen.push(total);
      return chunk.includes('+ idling');
    });
    const client = connect(proxy.port);
    await client.closed;
    expect(client.data().toString()).toBe('* OK ready\r\nA1 OK\r\n+ idling\r\n');
    expect(await up.sockets[0]!.closed).toEqual({ error: 'ECONNRESET' });
    expect(seen).toEqual([12, 29]);
  });

  it('a once rule cuts only the first matching connection', async () => {
    const proxy = await proxyTo((await streamer([Buffer.from('hello'), Buffer.from('world')])).port);
    proxy.cutAfterServerBytes(5, { once: true });
    const first = connect(proxy.port);
    expect((await first.closed).bytes).toBe(5);
    const second = connect(proxy.port);
    await until(() => second.data().length === 10);
    expect(second.data().toString()).toBe('helloworld');
  });

  it('cutRandomly draws the same cut points for the same seed, within bounds', async () => {
    const payload = Array.from({ length: 10 }, () => randomBytes(1000));
    const cutPoints = async (seed: number) => {
      const proxy = await proxyTo((await streamer(payload, 1)).port);
      proxy.cutRandomly({ minBytes: 100, maxBytes: 9000, seed, times: 4 });
      const bytes: number[] = [];
      for (let i = 0; i < 5; i++) {
        const c = connect(proxy.port);
        if (i < 4) bytes.push((await c.closed).bytes);
        else await until(() => c.data().length === 10_000);
      }
      return bytes;
    };
    const a = await cutPoints(42);
    expect(await cutPoints(42)).toEqual(a);
    expect(await cutPoints(7)).not.toEqual(a);
    for (const n of a) expect(n >= 100 && n <= 9000, String(n)).toBe(true);
  });

  it('refuse mode resets new connections; turning it off lets them through again', async () => {
    const proxy = await proxyTo((await echo()).port);
    proxy.refuse(true);
    const refused = connect(proxy.port);
    expect((await refused.closed).error).toBe('ECONNRESET');
    proxy.refuse(false);
    const ok = connect(proxy.port);
    ok.socket.write('ping');
    await until(() => ok.data().toString() === 'ping');
    expect(proxy.stats()).toMatchObject({ refused: 1, accepted: 1 });
  });

  it('pause holds traffic until resume', async () => {
    const proxy = await proxyTo((await echo()).port);
    const client = connect(proxy.port);
    client.socket.write('one');
    await until(() => client.data().toString() === 'one');
    proxy.pause();
    client.socket.write('two');
    await new Promise((r) => setTimeout(r, 150));
    expect(client.data().toString()).toBe('one');
    proxy.resume();
    await until(() => client.data().toString() === 'onetwo');
  });

  it('cutAll resets open connections; close leaves no TCP handles behind', async () => {
    const before = tcpHandles();
    const up = await echo();
    const proxy = await startFaultProxy({ targetPort: up.port });
    const clients = [connect(proxy.port), connect(proxy.port)];
    await until(() => proxy.connections() === 2);
    proxy.cutAll();
    for (const c of clients) expect((await c.closed).error).toBe('ECONNRESET');
    await until(() => proxy.connections() === 0);
    connect(proxy.port).socket.write('x');
    await until(() => proxy.connections() === 1);
    await proxy.close();
    await up.close();
    await until(() => tcpHandles() === before);
    expect(proxy.stats()).toMatchObject({ cuts: 2, open: 0 });
  });
});
