import http from 'node:http';

/**
 * One HTTP request sent from a chosen loopback address (127.0.0.2, 127.0.0.3, …: Linux routes the
 * whole 127/8 to loopback), so a test is a client of its own to the server's rate limits and the
 * socket address the server sees is known.
 */
export function sendFrom(
  localAddress: string,
  url: string,
  init: { method: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: init.method, headers: init.headers, localAddress },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on('error', reject);
    request.end(init.body);
  });
}

/**
 * 200 anonymous POSTs from one socket address, each with a different X-Forwarded-For: the statuses.
 */
export async function postWithRotatingForwardedFor(
  baseUrl: string,
  localAddress: string,
  path: string,
  body: unknown,
): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < 200; i++) {
    const { status } = await sendFrom(localAddress, `${baseUrl}${path}`, {
      method: 'POST',
      headers: {
        origin: baseUrl,
        'content-type': 'application/json',
        'x-forwarded-for': `203.0.113.${i % 250}`,
        'x-real-ip': `198.51.100.${i % 250}`,
      },
      body: JSON.stringify(body),
    });
    statuses.push(status);
  }
  return statuses;
}
