// Builds elements from data without innerHTML, so a site's name can never become markup.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'value') el.value = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

let ids = 0;
export function uid(prefix) { ids += 1; return `${prefix}-${ids}`; }

/** A labelled control: <div class="campo"><label>…</label><control id></div>. */
export function field(labelText, control) {
  control.id ||= uid('campo');
  return h('div', { class: 'campo' }, h('label', { for: control.id }, labelText), control);
}

/** A status line for a form's outcome, read out by screen readers. */
export function statusLine() {
  return h('p', { role: 'status', 'aria-live': 'polite' });
}

export function say(line, text, isError = false) {
  line.textContent = text;
  line.className = isError ? 'error' : 'ok';
}
