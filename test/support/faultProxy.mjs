// A TCP proxy on 127.0.0.1 for fault tests around the real servers (types: faultProxy.d.mts).
// Bytes pass through unchanged, so TLS stays end to end and the client still verifies the
// server's certificate. A "cut" resets both sockets at once (RST where Node can), the way a
// dropped Wi-Fi or a NAT timeout looks to both ends, not a polite FIN. (When the RST lands with
// the last forwarded bytes still unread, Linux hands the client those bytes and then an end of
// stream rather than ECONNRESET; the server side always sees the reset.)
import net from 'node:net';
import { mulberry32 } from './prng.mjs';

function hardClose(socket) {
  if (socket.destroyed) return;
  // resetAndDestroy() (Node >= 18.3) sends RST; it throws on a socket that is still connecting.
  if (typeof socket.resetAndDestroy === 'function' && !socket.connecting) socket.resetAndDestroy();
  else socket.destroy();
}

export async function startFaultProxy({ targetHost = '127.0.0.1', targetPort, listenPort = 0 } = {}) {
  if (!Number.isInteger(targetPort)) throw new TypeError('startFaultProxy needs targetPort');
  const links = new Set();
  // Armed cut rules, asked about every chunk from the server: decide(link, chunk) returns how
  // many of its bytes pass before the cut, or -1 for "no cut"; fired(link) runs for the winner.
  const rules = new Set();
  const stats = { accepted: 0, refused: 0, cuts: 0 };
  let refusing = false;
  let paused = false;

  const teardown = (link) => {
    link.cut = true;
    hardClose(link.client);
    hardClose(link.upstream);
  };
  const cut = (link) => {
    if (link.cut) return;
    stats.cuts++;
    teardown(link);
  };

  const fromServer = (link, chunk) => {
    if (link.cut) return;
    let pass = chunk.length;
    let fire = null;
    for (const rule of rules) {
      const n = rule.decide(link, chunk);
      if (n >= 0 && n <= pass) {
        pass = n;
        fire = rule;
      }
    }
    fire?.fired?.(link);
    link.serverBytes += pass;
    if (pass > 0) link.client.write(pass === chunk.length ? chunk : chunk.subarray(0, pass));
    if (fire) cut(link);
  };

  const server = net.createServer({ allowHalfOpen: true, pauseOnConnect: true }, (client) => {
    if (refusing) {
      stats.refused++;
      client.on('error', () => {});
      hardClose(client);
      return;
    }
    stats.accepted++;
    const upstream = net.connect({ host: targetHost, port: targetPort, allowHalfOpen: true });
    const link = { id: stats.accepted, client, upstream, serverBytes: 0, cut: false };
    links.add(link);
    for (const rule of rules) rule.onConnect?.(link);
    let open = 2;
    const done = () => {
      if (--open === 0) links.delete(link);
    };
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ]) {
      from.on('error', () => teardown(link));
      from.on('end', () => to.writable && to.end());
      from.on('close', () => {
        hardClose(to);
        done();
      });
    }
    client.on('data', (chunk) => !link.cut && upstream.write(chunk));
    upstream.on('data', (chunk) => fromServer(link, chunk));
    if (paused) upstream.pause();
    else client.resume();
  });
  server.on('error', () => {});
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });

  const arm = (rule, once) => {
    const disarm = () => void rules.delete(rule);
    if (once) rule.fired = disarm;
    rules.add(rule);
    return disarm;
  };

  return {
    port: server.address().port,
    connections: () => links.size,
    stats: () => ({ ...stats, open: links.size }),
    cutAll() {
      for (const link of links) cut(link);
    },
    cutWhen(predicate, { once = false } = {}) {
      // The chunk that satisfies the predicate is still delivered, then both sides are cut.
      return arm({ decide: (link, chunk) => (predicate(chunk, link.serverBytes + chunk.length) ? chunk.length : -1) }, once);
    },
    cutAfterServerBytes(n, { once = false } = {}) {
      return arm({ decide: (link, chunk) => (link.serverBytes + chunk.length >= n ? Math.max(0, n - link.serverBytes) : -1) }, once);
    },
    cutRandomly({ minBytes, maxBytes, seed = 1, times = Infinity }) {
      if (!(minBytes >= 0 && maxBytes >= minBytes)) throw new RangeError('cutRandomly needs 0 <= minBytes <= maxBytes');
      const random = mulberry32(seed);
      const limits = new WeakMap();
      let left = times;
      const rule = {
        // Each connection opened after arming gets its own cut point, drawn in accept order.
        onConnect: (link) => left > 0 && limits.set(link, minBytes + Math.floor(random() * (maxBytes - minBytes + 1))),
        decide: (link, chunk) => {
          const limit = limits.get(link);
          if (limit === undefined || left <= 0 || link.serverBytes + chunk.length < limit) return -1;
          return Math.max(0, limit - link.serverBytes);
        },
        fired: (link) => {
          limits.delete(link);
          if (--left <= 0) rules.delete(rule);
        },
      };
      return arm(rule);
    },
    pause() {
      paused = true;
      for (const link of links) {
        link.client.pause();
        link.upstream.pause();
      }
    },
    resume() {
      paused = false;
      for (const link of links) {
        link.client.resume();
        link.upstream.resume();
      }
    },
    refuse(on = true) {
      refusing = Boolean(on);
    },
    async close() {
      rules.clear();
      const closed = new Promise((resolve) => server.close(() => resolve()));
      const sockets = [...links].flatMap((l) => [l.client, l.upstream]);
      const gone = sockets.filter((s) => !s.closed).map((s) => new Promise((resolve) => s.once('close', resolve)));
      for (const link of links) teardown(link);
      // A socket reset while its peer is mid-close sometimes never reports 'close' here; the
      // proxy is gone for the test either way, so its close() must not hang a test's hook.
      let timer;
      const cap = new Promise((resolve) => (timer = setTimeout(resolve, 2000).unref()));
      await Promise.race([Promise.all([closed, ...gone]), cap]);
      clearTimeout(timer);
    },
  };
}
