import { describe, expect, it } from 'vitest';
import { stampPeerAddress, stampPeerAddresses } from './peer-address';
import { clientAddress } from './request-guards';

stampPeerAddresses();

/** A request as the server hands it over: stamped with the socket address, or not. */
function request(headers: Record<string, string>, peer?: string): Request {
  const stamped: Record<string, string | string[] | undefined> = { ...headers };
  if (peer !== undefined) stampPeerAddress(stamped, peer);
  return new Request('http://localhost:3000/api/feedback', { headers: stamped as Record<string, string> });
}

describe('clientAddress', () => {
  it('with no trusted proxy, counts the socket address and ignores X-Forwarded-For', () => {
    expect(clientAddress(request({}, '198.51.100.7'), 0)).toBe('198.51.100.7');
    expect(clientAddress(request({ 'x-forwarded-for': '203.0.113.1' }, '198.51.100.7'), 0)).toBe(
      '198.51.100.7',
    );
    expect(clientAddress(request({ 'x-real-ip': '203.0.113.1' }, '198.51.100.7'), 0)).toBe('198.51.100.7');
  });

  it('counts from the right: n hops back from the socket', () => {
    // client 203.0.113.9 → load balancer 10.0.0.5 → Greenlight; the client wrote "1.1.1.1".
    const behindOne = request({ 'x-forwarded-for': '1.1.1.1, 203.0.113.9' }, '10.0.0.5');
    expect(clientAddress(behindOne, 1)).toBe('203.0.113.9');
    // client → CDN 192.0.2.4 → load balancer 10.0.0.5 → Greenlight.
    const behindTwo = request({ 'x-forwarded-for': '1.1.1.1, 203.0.113.9, 192.0.2.4' }, '10.0.0.5');
    expect(clientAddress(behindTwo, 2)).toBe('203.0.113.9');
    expect(clientAddress(behindTwo, 1)).toBe('192.0.2.4');
  });

  it('a chain shorter than the trusted hops gives its leftmost address, never a client-written one beyond it', () => {
    expect(clientAddress(request({}, '203.0.113.9'), 1)).toBe('203.0.113.9');
    expect(clientAddress(request({ 'x-forwarded-for': '203.0.113.9' }, '10.0.0.5'), 3)).toBe('203.0.113.9');
  });

  it('a client cannot forge the stamp: without this process’s token the header is ignored', () => {
    const forged = request({
      'x-greenlight-peer-address': '203.0.113.50',
      'x-forwarded-for': '203.0.113.51',
    });
    expect(clientAddress(forged, 0)).toBe('unknown');
    expect(clientAddress(request({}), 0)).toBe('unknown');
  });

  it('an IPv4 client behind an IPv6 socket is the same client', () => {
    expect(clientAddress(request({}, '::ffff:198.51.100.7'), 0)).toBe('198.51.100.7');
  });
});
