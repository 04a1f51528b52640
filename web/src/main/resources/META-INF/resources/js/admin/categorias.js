// Categorías (/admin/categorias): the sites no global category covers, by time, each assigned with one choice,
// and the global site → category table (features-service's /admin/api/categorias). An assignment re-categorises
// every user's history of the site at once, except where a person chose their own category for it.
import { t } from '../i18n.js';
import { h, field, statusLine, say } from '../dom.js';
import { day, duration, number } from '../format.js';
import { admin, refusal, routeName } from './app.js';

/**
 * A category choice and its "Asignar": a change reaches every user's history, so it waits for the button (a
 * closed select changes value with the arrow keys alone, and a keyboard user would assign on the way past).
 */
function categoryChoice(names, domain, current, onChoose) {
  const select = h('select', { 'aria-label': t('Categoría de {d}', { d: domain }), 'data-dominio': domain },
    current ? null : h('option', { value: '', selected: true }, t('— elegir —')),
    names.map((n) => h('option', { value: n, selected: n === current }, n)));
  const button = h('button', { type: 'button', class: 'secundario', 'aria-label': t('Asignar la categoría de {d}', { d: domain }), onclick: async () => {
    if (!select.value || select.value === current) return;
    button.disabled = true;
    try { await onChoose(select.value); } finally { button.disabled = false; }
  } }, t('Asignar'));
  return h('div', { class: 'fila' }, select, button);
}

export async function render(main, { days = 7, message = null, filter = '' } = {}) {
  const [global, pending] = await Promise.all([admin('features', '/admin/api/categorias'),
    admin('features', `/admin/api/categorias/sin_categoria?dias=${days}&top=50`)]);
  const status = statusLine();
  if (message) say(status, message);
  const assign = async (domain, category) => {
    if (!category) return;
    try {
      const answer = await admin('features', `/admin/api/categorias/${encodeURIComponent(domain)}`, { method: 'PUT', body: { categoria: category } });
      await render(main, { days, filter: filterInput.value, message: t('{d} ahora es {c}: {h} filas horarias y {f} diarias recategorizadas.', {
        d: answer.dominio, c: answer.categoria, h: number(answer.filas_horarias), f: number(answer.filas_diarias) }) });
    } catch (e) { say(status, refusal(e), true); }
  };

  const range = h('select', { onchange: (ev) => render(main, { days: Number(ev.target.value), filter: filterInput.value }) },
    [7, 30, 90].map((n) => h('option', { value: n, selected: n === days }, t('Últimos {n} días', { n }))));
  const uncategorised = pending.sitios.length === 0 ? h('p', { id: 'sin-pendientes', class: 'ok' }, t('Todo el tiempo de este periodo tiene categoría.'))
    : h('table', { id: 'sin-categoria' }, h('caption', { class: 'visualmente-oculto' }, t('Sitios sin categoría')),
      h('thead', {}, h('tr', {}, [t('Sitio'), t('Tiempo'), t('Usuarios'), t('Categoría')]
        .map((x, i) => h('th', { scope: 'col', class: i === 1 || i === 2 ? 'num' : undefined }, x)))),
      h('tbody', {}, pending.sitios.map((s) => h('tr', { 'data-sitio': s.dominio }, h('th', { scope: 'row' }, s.dominio),
        h('td', { class: 'num', 'data-segundos': s.segundos }, duration(s.segundos)), h('td', { class: 'num' }, number(s.usuarios)),
        h('td', {}, categoryChoice(global.categorias, s.dominio, null, (c) => assign(s.dominio, c)))))));

  const filterInput = h('input', { type: 'search', name: 'filtro', value: filter });
  const rows = global.dominios.map((d) => h('tr', { 'data-dominio': d.dominio }, h('th', { scope: 'row' }, d.dominio),
    h('td', {}, categoryChoice(global.categorias, d.dominio, d.categoria, (c) => assign(d.dominio, c)))));
  const applyFilter = () => {
    const needle = filterInput.value.trim().toLowerCase();
    for (const row of rows) row.hidden = needle !== '' && !row.dataset.dominio.includes(needle);
  };
  filterInput.addEventListener('input', applyFilter);
  applyFilter();
  const table = h('table', { id: 'tabla-global' }, h('caption', { class: 'visualmente-oculto' }, t('Tabla global de categorías')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('Sitio')), h('th', { scope: 'col' }, t('Categoría')))), h('tbody', {}, rows));

  if (routeName() !== 'categorias') return;
  main.replaceChildren(h('h1', {}, t('Categorías')), status,
    h('section', { class: 'tarjeta', 'aria-labelledby': 'titulo-pendientes' }, h('h2', { id: 'titulo-pendientes' }, t('Sitios sin categoría')),
      h('div', { class: 'fila' }, field(t('Periodo'), range)),
      h('p', {}, t('Del {desde} al {hasta}, todos los usuarios. «Asignar» recategoriza al momento la historia de cada usuario, salvo la de quien eligió su propia categoría para el sitio.', { desde: day(pending.desde), hasta: day(pending.hasta) })),
      uncategorised),
    h('section', { class: 'tarjeta', 'aria-labelledby': 'titulo-global' }, h('h2', { id: 'titulo-global' }, t('Tabla global')),
      h('div', { class: 'fila' }, field(t('Filtrar por sitio'), filterInput)),
      h('p', {}, t('{n} sitios con categoría global.', { n: number(global.dominios.length) })), table));
}
