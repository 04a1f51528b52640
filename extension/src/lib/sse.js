// A Server-Sent Events parser (the WHATWG "event stream interpretation"), for reading the alert
// stream with fetch(): MV3 service workers have no EventSource.

/**
 * Returns { push(text), lastEventId }. `onEvent({ type, data, id })` is called for each
 * complete event; `onComment(text)` for comment lines such as keep-alives.
 */
export function createSseParser(onEvent, onComment = () => {}) {
  let buffer = '';
  let data = [];
  let type = '';
  const parser = {
    lastEventId: '',
    retry: null,
    push(text) {
      buffer += text;
      // A chunk may end between \r and \n: keep a trailing \r until the next chunk decides.
      let start = 0;
      for (;;) {
        const cr = buffer.indexOf('\r', start);
        const lf = buffer.indexOf('\n', start);
        let end = -1;
        let next = -1;
        if (cr !== -1 && (lf === -1 || cr < lf)) {
          if (cr === buffer.length - 1) break;
          end = cr;
          next = buffer[cr + 1] === '\n' ? cr + 2 : cr + 1;
        } else if (lf !== -1) {
          end = lf;
          next = lf + 1;
        } else {
          break;
        }
        line(buffer.slice(start, end));
        start = next;
      }
      buffer = buffer.slice(start);
    },
  };

  function line(text) {
    if (text === '') {
      dispatch();
      return;
    }
    if (text.startsWith(':')) {
      onComment(text.slice(1).trim());
      return;
    }
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') type = value;
    else if (field === 'id' && !value.includes('\0')) parser.lastEventId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) parser.retry = Number(value);
  }

  function dispatch() {
    if (data.length > 0) {
      onEvent({ type: type || 'message', data: data.join('\n'), id: parser.lastEventId });
    }
    data = [];
    type = '';
  }

  return parser;
}
