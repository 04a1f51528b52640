import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSseParser } from '../../src/lib/sse.js';

function parse(chunks) {
  const events = [];
  const comments = [];
  const parser = createSseParser((e) => events.push(e), (c) => comments.push(c));
  for (const chunk of chunks) parser.push(chunk);
  return { events, comments, parser };
}

test('reads named events with ids, data and keep-alive comments', () => {
  const { events, comments, parser } = parse([': keep-alive\n\nevent: alerta\nid: 42\ndata: {"id":42}\n\n']);
  assert.deepEqual(events, [{ type: 'alerta', data: '{"id":42}', id: '42' }]);
  assert.deepEqual(comments, ['keep-alive']);
  assert.equal(parser.lastEventId, '42');
});

test('events split across chunks at any byte, with CRLF line ends', () => {
  const text = 'event: alerta\r\nid: 7\r\ndata: {"a":\r\ndata: 1}\r\n\r\nid: 8\r\ndata: x\r\n\r\n';
  for (let at = 1; at < text.length; at++) {
    const { events } = parse([text.slice(0, at), text.slice(at)]);
    assert.deepEqual(events, [
      { type: 'alerta', data: '{"a":\n1}', id: '7' },
      { type: 'message', data: 'x', id: '8' },
    ], `split at ${at}`);
  }
});

test('an event without data is not dispatched; the id carries over to later events', () => {
  const { events } = parse(['id: 3\n\n', 'data: later\n\n']);
  assert.deepEqual(events, [{ type: 'message', data: 'later', id: '3' }]);
});

test('an unfinished event at the end of the stream is not dispatched', () => {
  const { events } = parse(['event: alerta\nid: 9\ndata: {}\n']);
  assert.deepEqual(events, []);
});

test('retry and unknown fields', () => {
  const { events, parser } = parse(['retry: 3000\nfoo: bar\ndata\n\n']);
  assert.equal(parser.retry, 3000);
  assert.deepEqual(events, [{ type: 'message', data: '', id: '' }]);
});
