// A minimal IMAP client for provisioning and seeding the Cyrus test stack (cyrus.mjs): what
// cyradm does (CREATE, SETACL, SETQUOTA) plus LOGIN, APPEND and SEARCH, over implicit TLS with
// the stack's test CA. Node built-ins only, like the rest of test/mailstack. Not for the app:
// Postvak itself talks IMAP through imapflow.

import tls from 'node:tls';

/** IMAP quoted string (RFC 9051 §4.3); the names and passwords used here are plain ASCII. */
export const quote = (s) => `"${String(s).replace(/[\\"]/g, (c) => `\\${c}`)}"`;

export class CyrusImap {
  /** @param {{ host: string, port: number, ca: string }} opts */
  static connect({ host, port, ca, timeoutMs = 10_000 }) {
    return new Promise((resolve, reject) => {
      const sock = tls.connect({ host, port, ca: [ca], servername: 'localhost' });
      const client = new CyrusImap(sock);
      const timer = setTimeout(() => { sock.destroy(); reject(new Error(`no IMAP greeting on ${port} within ${timeoutMs} ms`)); }, timeoutMs);
      client.greeting = (line) => { clearTimeout(timer); resolve(client); void line; };
      sock.once('error', (e) => { clearTimeout(timer); reject(e); });
    });
  }

  constructor(sock) {
    this.sock = sock;
    this.buf = Buffer.alloc(0);
    this.tag = 0;
    this.pending = null;
    this.untagged = [];
    this.greeting = null;
    sock.on('data', (d) => { this.buf = Buffer.concat([this.buf, d]); this.drain(); });
    sock.on('error', (e) => this.fail(e));
    sock.on('close', () => this.fail(new Error('IMAP connection closed')));
  }

  fail(error) {
    const p = this.pending;
    this.pending = null;
    p?.reject(error);
  }

  /** Splits the stream into response lines; literals `{n}` are folded into their line. */
  drain() {
    for (;;) {
      const nl = this.buf.indexOf('\r\n');
      if (nl < 0) return;
      let end = nl + 2;
      let line = this.buf.subarray(0, nl).toString('utf8');
      let m = line.match(/\{(\d+)\}$/);
      while (m) {
        const size = Number(m[1]);
        if (this.buf.length < end + size) return;
        const literal = this.buf.subarray(end, end + size).toString('utf8');
        const next = this.buf.indexOf('\r\n', end + size);
        if (next < 0) return;
        line = `${line.slice(0, -m[0].length)}${JSON.stringify(literal)}${this.buf.subarray(end + size, next).toString('utf8')}`;
        end = next + 2;
        m = line.match(/\{(\d+)\}$/);
      }
      this.buf = this.buf.subarray(end);
      this.onLine(line);
    }
  }

  onLine(line) {
    if (this.greeting) {
      const g = this.greeting;
      this.greeting = null;
      g(line);
      return;
    }
    if (line.startsWith('* ')) {
      this.untagged.push(line.slice(2));
      return;
    }
    if (line.startsWith('+') || !this.pending) return;
    const m = line.match(/^(\S+) (OK|NO|BAD)\b ?(.*)$/i);
    if (!m || m[1] !== this.pending.tag) return;
    const p = this.pending;
    this.pending = null;
    const untagged = this.untagged;
    this.untagged = [];
    if (m[2].toUpperCase() === 'OK') p.resolve({ untagged, text: m[3] });
    else p.reject(Object.assign(new Error(`${p.what} → ${m[2]} ${m[3]}`), { status: m[2].toUpperCase(), text: m[3] }));
  }

  /**
   * Sends one command; `literal` (a Buffer/string) is sent as a non-synchronizing literal
   * (RFC 7888 LITERAL+, which Cyrus announces) after `text`.
   */
  command(text, literal) {
    if (this.pending) return Promise.reject(new Error('CyrusImap runs one command at a time'));
    const tag = `c${++this.tag}`;
    return new Promise((resolve, reject) => {
      this.pending = { tag, resolve, reject, what: text.split(' ')[0] + (text.startsWith('LOGIN') ? '' : ` ${text.slice(text.indexOf(' ') + 1, 80)}`) };
      if (literal === undefined) {
        this.sock.write(`${tag} ${text}\r\n`);
      } else {
        const body = Buffer.isBuffer(literal) ? literal : Buffer.from(literal, 'utf8');
        this.sock.write(Buffer.concat([Buffer.from(`${tag} ${text} {${body.length}+}\r\n`), body, Buffer.from('\r\n')]));
      }
    });
  }

  login(user, password) {
    return this.command(`LOGIN ${quote(user)} ${quote(password)}`);
  }

  async logout() {
    await this.command('LOGOUT').catch(() => undefined);
    this.sock.destroy();
  }
}

/** Runs `fn` with a logged-in session and always logs out. */
export async function withCyrus(stack, user, password, fn) {
  const imap = await CyrusImap.connect({ host: stack.host, port: stack.ports.imaps, ca: stack.caPem });
  try {
    await imap.login(user, password);
    return await fn(imap);
  } finally {
    await imap.logout();
  }
}
