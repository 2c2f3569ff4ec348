/**
 * One HTTP(S) GET to the public internet only (issue #10 §4). A mail may name any URL; fetched by
 * main on the person's consent, it must not reach the router, a cloud metadata service or a
 * local service. So the address is checked where it is used, not where it is named:
 *  - an IP literal is checked before anything else;
 *  - a name is resolved here (the `lookup` the socket connects with), and only the public
 *    addresses of the answer are handed to the socket — the address checked is the address
 *    connected to, so DNS rebinding (a second answer pointing inside) cannot slip in;
 *  - when the socket connects, its peer address is checked once more before the request is
 *    written (our listener runs before http's queued write).
 * Redirects are not followed here: the caller follows each hop through this function again.
 * `allowHosts` names `host:port` pairs exempt from the address rule; only tests and the demo
 * pass it, for their own image server on loopback — the way they pass their own CA.
 */
import { lookup as dnsLookup } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction, type Socket } from 'node:net';
import { isPublicAddress } from './publicAddress';

export interface ResolvedAddress {
  address: string;
  family: number;
}

export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface GuardOptions {
  allowHosts?: readonly string[];
  /** Name resolution; the system resolver by default. Tests give a name a chosen answer. */
  resolve?: Resolver;
}

export class AddressRefusedError extends Error {
  readonly code = 'addressRefused';
  constructor(where: string) {
    super(`Refused to fetch from ${where}: not a public internet address`);
  }
}

const systemResolve: Resolver = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

function hostKey(url: URL): string {
  return `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}`;
}

export function guardedGet(url: URL, headers: Record<string, string>, signal: AbortSignal, options: GuardOptions = {}): Promise<IncomingMessage> {
  const exempt = options.allowHosts?.includes(hostKey(url)) ?? false;
  const usable = (address: string) => exempt || isPublicAddress(address);
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(literal) && !usable(literal)) return Promise.reject(new AddressRefusedError(url.host));

  const resolve = options.resolve ?? systemResolve;
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    resolve(hostname).then(
      (answers) => {
        const allowed = answers.filter((a) => usable(a.address) && (!lookupOptions.family || a.family === lookupOptions.family));
        if (allowed.length === 0) return callback(new AddressRefusedError(hostname), '', 4);
        if (lookupOptions.all) return callback(null, allowed);
        callback(null, allowed[0]!.address, allowed[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 4),
    );
  };

  return new Promise((resolvePromise, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, { method: 'GET', headers, lookup, agent: false, signal });
    req.on('socket', (socket: Socket) => {
      const check = () => {
        const peer = socket.remoteAddress;
        if (!peer || !usable(peer)) req.destroy(new AddressRefusedError(peer ?? url.host));
      };
      if (socket.connecting) socket.once('connect', check);
      else check();
    });
    req.once('response', resolvePromise);
    req.once('error', reject);
    req.end();
  });
}
