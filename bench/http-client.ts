import { Agent, request, type IncomingHttpHeaders } from 'node:http';

/**
 * The load generator's HTTP client: node:http over kept-alive loopback connections. Lighter than
 * `fetch`, so that on a two-core machine the client takes less of the cores the server is timed on.
 */
export interface HttpAnswer {
  status: number;
  text: string;
  headers: IncomingHttpHeaders;
  ms: number;
}

export function httpClient(maxSockets = 256) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  return function call(method: string, url: string, { headers = {}, body }: { headers?: Record<string, string>; body?: unknown } = {}): Promise<HttpAnswer> {
    const started = performance.now();
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const sent = payload === undefined ? headers : { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) };
    return new Promise((resolve) => {
      const failed = () => resolve({ status: 0, text: '', headers: {}, ms: performance.now() - started });
      const req = request(url, { method, agent, headers: sent }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers, ms: performance.now() - started }));
        res.on('error', failed);
      });
      req.on('error', failed);
      req.end(payload);
    });
  };
}
