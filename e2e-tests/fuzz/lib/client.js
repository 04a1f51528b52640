// Plain node:http, so that a request can carry what fetch refuses: raw escapes in the URL, any
// Content-Type or none, bodies of invalid UTF-8, and a chosen loopback source address. One
// connection per request: an answer can never be taken for that of the request before it.
import http from 'node:http';

const TIMEOUT_MS = 10_000;
const LONG_POLL_MS = 1_000;

/**
 * Sends one request; resolves to {status, headers, body} or {error}. A text/event-stream answer
 * is resolved as soon as its headers arrive (the stream itself is a long poll) and then closed;
 * with longPoll, a request still unanswered after a second is taken for a held stream.
 */
export function send({ port, method, path, headers = {}, body, localAddress = '127.0.0.1', longPoll = false, timeoutMs = TIMEOUT_MS }) {
  return new Promise((resolve) => {
    const timeout = longPoll ? LONG_POLL_MS : timeoutMs;
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent: false, localAddress, timeout }, (res) => {
      if (String(res.headers['content-type'] ?? '').startsWith('text/event-stream') && res.statusCode === 200) {
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.alloc(0), stream: true });
        res.destroy();
        return;
      }
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', (e) => resolve({ error: 'answer broken off: ' + e.message }));
    });
    req.on('timeout', () => {
      // A stream that keeps its headers until its first event is a held long poll, not a hang.
      if (longPoll) resolve({ status: 'held open', headers: {}, body: Buffer.alloc(0), stream: true });
      req.destroy(new Error(`no answer within ${timeout} ms`));
    });
    req.on('error', (e) => resolve({ error: e.message }));
    if (body !== undefined) req.end(body); else req.end();
  });
}
