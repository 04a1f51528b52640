// Exportar (/admin/exportar): the feature store as CSV.gz (GET /admin/api/features_export). A link cannot send the
// Authorization header, so the file comes by fetch and is handed to the browser as a Blob.
import { ApiError } from '../api.js';
import { t } from '../i18n.js';
import { h, field, statusLine, say } from '../dom.js';
import { number } from '../format.js';
import { admin, refusal, routeName } from './app.js';

export async function render(main) {
  const table = h('select', { name: 'tabla' }, ['features_diarias', 'features_horarias'].map((n) => h('option', { value: n }, n)));
  const from = h('input', { type: 'date', name: 'desde' });
  const to = h('input', { type: 'date', name: 'hasta' });
  const user = h('input', { name: 'usuario_id', inputmode: 'numeric', pattern: '[0-9]*' });
  const status = statusLine();
  const button = h('button', { type: 'submit' }, t('Descargar'));
  const form = h('form', { class: 'fila', 'aria-labelledby': 'titulo-exportar', onsubmit: async (ev) => {
    ev.preventDefault();
    const q = new URLSearchParams({ tabla: table.value });
    if (from.value) q.set('desde', from.value);
    if (to.value) q.set('hasta', to.value);
    if (user.value.trim()) q.set('usuario_id', user.value.trim());
    button.disabled = true;
    say(status, t('Preparando la exportación…'));
    try {
      const response = await admin('features', `/admin/api/features_export?${q}`, { raw: true });
      const blob = await response.blob();
      const name = `${table.value}${from.value ? `_${from.value}` : ''}${to.value ? `_${to.value}` : ''}.csv.gz`;
      const link = h('a', { href: URL.createObjectURL(blob), download: name, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      say(status, t('Descargado {f} ({n} bytes).', { f: name, n: number(blob.size) }));
      status.dataset.bytes = String(blob.size);
    } catch (e) {
      say(status, e instanceof ApiError && e.status === 409 ? t('No se exporta: los datos no validan. {m}', { m: e.message }) : refusal(e), true);
    } finally { button.disabled = false; }
  } }, field(t('Tabla'), table), field(t('Desde (opcional)'), from), field(t('Hasta (opcional)'), to),
  field(t('Usuario (opcional)'), user), button);

  if (routeName() !== 'exportar') return;
  main.replaceChildren(h('h1', {}, t('Exportar')),
    h('section', { class: 'tarjeta', 'aria-labelledby': 'titulo-exportar' }, h('h2', { id: 'titulo-exportar' }, t('Exportar el feature store')),
      h('p', {}, t('CSV comprimido con gzip, con cabecera y schema_ver; sin fechas, toda la historia. Se valida antes: si hay deltas, no se exporta.')),
      form, status));
}
