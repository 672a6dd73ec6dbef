import { randomBytes } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

// Next.js hands route handlers a web Request without the socket it came on (NextRequest.ip is
// gone since Next 15, and `next start` only fills X-Forwarded-For with the socket address when the
// client sent none, so a client-sent header hides it). Node publishes every request on the
// `http.server.request.start` diagnostics channel with its socket, before the server sees it: the
// subscriber writes the socket address into a header of our own, overwriting whatever a client
// put there. The value carries a per-process random token, so a request that arrived before the
// subscriber (the first moments after start) cannot pass off a header it wrote itself.

const PEER_HEADER = 'x-greenlight-peer-address';
// One token per process, shared by every bundle that imports this module (Next.js may load it
// more than once), so it lives on globalThis rather than in a module variable.
const TOKEN_KEY = Symbol.for('greenlight.peer-address-token');

type WithToken = typeof globalThis & { [TOKEN_KEY]?: string };

function currentToken(): string | undefined {
  return (globalThis as WithToken)[TOKEN_KEY];
}

/** Writes the peer address into the request's headers as stampPeerAddresses does. */
export function stampPeerAddress(headers: IncomingMessage['headers'], address: string | undefined): void {
  const token = currentToken();
  if (!token) throw new Error('peer addresses are not being stamped in this process');
  headers[PEER_HEADER] = `${token} ${address ?? ''}`;
}

/**
 * Stamps every HTTP request this process serves with the address of the socket it arrived on.
 * Called once from instrumentation.ts, in the Node.js runtime.
 */
export function stampPeerAddresses(): void {
  const holder = globalThis as WithToken;
  if (holder[TOKEN_KEY]) return;
  holder[TOKEN_KEY] = randomBytes(16).toString('hex');
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    stampPeerAddress(request.headers, socket.remoteAddress);
  });
}

/** The address of the socket the request arrived on, when this process stamped it; else undefined. */
export function peerAddressOf(request: Request): string | undefined {
  const token = currentToken();
  const value = request.headers.get(PEER_HEADER);
  if (!token || !value?.startsWith(`${token} `)) return undefined;
  return value.slice(token.length + 1) || undefined;
}
