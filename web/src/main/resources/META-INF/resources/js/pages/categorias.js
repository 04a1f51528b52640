// Categorías: the person's sites by time with their category, a per-person override, and their own categories.
import { routeName } from '../app.js';
import { call, ApiError } from '../api.js';
import { t } from '../i18n.js';
import { h, field, statusLine, say } from '../dom.js';
import { duration } from '../format.js';

// The original's list, for as long as features-service does not answer GET /api/v1/categorias.
const ORIGINAL = ['Productividad', 'Estudio', 'Trabajo', 'Herramientas', 'Entretenimiento', 'Redes Sociales', 'Ocio',
  'Comercio', 'Información', 'Salud y bienestar', 'Sin categoría'];

async function categoryList() {
  try {
    return (await call('features', '/api/v1/categorias')).categorias;
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return ORIGINAL.map((nombre) => ({ nombre, propia: false }));
    throw e;
  }
}

export async function categoryNames() {
  return (await categoryList()).map((c) => c.nombre);
}

export async function render(main) {
  const [list, usage] = await Promise.all([categoryList(), call('features', '/api/v1/uso/sitios?rango=total&top=500').catch((e) => {
    if (e instanceof ApiError && (e.status === 404 || e.status === 405)) return null;
    throw e;
  })]);
  const status = statusLine();
  const redraw = () => render(main);

  const name = h('input', { maxlength: 64, required: true });
  const create = h('form', { class: 'fila', 'aria-labelledby': 'titulo-nueva', onsubmit: async (ev) => {
    ev.preventDefault();
    try {
      await call('features', '/api/v1/categorias', { method: 'POST', body: { nombre: name.value.trim() } });
      await redraw();
      say(main.querySelector('[role=status]'), t('Categoría creada.'));
    } catch (e) { say(status, t('Algo falló: {m}', { m: e.message }), true); }
  } }, field(t('Nombre'), name), h('button', { type: 'submit' }, t('Crear')));

  const sites = usage === null ? h('p', { class: 'error' }, t('Algo falló: {m}', { m: 'GET /api/v1/uso/sitios' }))
    : usage.sitios.length === 0 ? h('p', {}, t('No hay sitios todavía.'))
      : h('table', {}, h('caption', { class: 'visualmente-oculto' }, t('Tus sitios')),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('Sitio')), h('th', { scope: 'col', class: 'num' }, t('Tiempo')), h('th', { scope: 'col' }, t('Categoría')))),
        h('tbody', {}, usage.sitios.map((s) => {
          const select = h('select', { 'aria-label': t('Categoría de {d}', { d: s.dominio }), 'data-dominio': s.dominio, onchange: async (ev) => {
            try {
              await call('features', `/api/v1/categorias/${encodeURIComponent(s.dominio)}`, { method: 'PUT', body: { categoria: ev.target.value } });
              say(status, t('{d} ahora es {c}.', { d: s.dominio, c: ev.target.value }));
            } catch (e) { say(status, t('Algo falló: {m}', { m: e.message }), true); }
          } }, list.map((c) => h('option', { value: c.nombre, selected: c.nombre === s.categoria }, c.propia ? `${c.nombre} (${t('propia')})` : c.nombre)));
          return h('tr', {}, h('th', { scope: 'row' }, s.dominio), h('td', { class: 'num', 'data-segundos': s.segundos }, duration(s.segundos)), h('td', {}, select));
        })));

  if (routeName() !== 'categorias') return;
  main.replaceChildren(h('h1', {}, t('Categorías')), status,
    h('section', { class: 'tarjeta', 'aria-labelledby': 'titulo-sitios' }, h('h2', { id: 'titulo-sitios' }, t('Tus sitios')), sites),
    h('section', { class: 'tarjeta', 'aria-labelledby': 'titulo-nueva' }, h('h2', { id: 'titulo-nueva' }, t('Nueva categoría')), create));
}
