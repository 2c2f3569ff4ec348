/**
 * The first steps of a connection test, each on its own so a failure names its step: DNS, TCP,
 * and (for implicit TLS, RFC 8314 §3) the TLS handshake with certificate verification.
 */
import { lookup } from 'node:dns/promises';
import { connect as netConnect, isIP } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { secureContextFor } from './tlsContext';

export const PROBE_TIMEOUT_MS = 8_000;

export class ProbeTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
}

export async function resolveHost(host: string): Promise<string> {
  if (isIP(host)) return host;
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare)) return bare;
  return (await lookup(host)).address;
}

export function tcpProbe(address: string, port: number, timeoutMs = PROBE_TIMEOUT_MS): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host: address, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new ProbeTimeoutError(`No answer from ${address}:${port} within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve();
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Resolves with the negotiated protocol; rejects with Node's TLS error (certificate codes intact). */
export function tlsProbe(
  host: string,
  address: string,
  port: number,
  extraCa: readonly string[],
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({
      host: address,
      port,
      // SNI and the certificate's name check use the name the user typed, not the address.
      servername: isIP(host) ? undefined : host,
      // The system roots plus the configured CAs, TLS 1.2 at least (tlsContext.ts).
      secureContext: secureContextFor(extraCa),
    });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new ProbeTimeoutError(`TLS handshake with ${host}:${port} did not finish within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const protocol = socket.getProtocol() ?? 'TLS';
      socket.destroy();
      resolve(protocol);
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    });
  });
}
