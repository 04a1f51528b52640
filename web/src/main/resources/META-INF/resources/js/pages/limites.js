// Límites: the daily limits with today's use, their editor, and the day's alerts (live ones arrive as toasts).
import { routeName } from '../app.js';
import { call } from '../api.js';
import { t } from '../i18n.js';
import { h, field, statusLine, say } from '../dom.js';
import { duration, today, instant } from '../format.js';
import { categoryNames } from './categorias.js';

function target(limit) { return limit.dominio || limit.categoria; }

function usedToday(limit, day) {
  if (!day) return 0;
  if (limit.dominio) return (day.dominios.find((d) => d.dominio === limit.dominio) || { segundos: 0 }).segundos;
  const key = Object.keys(day.categorias).find((c) => c.localeCompare(limit.categoria, undefined, { sensitivity: 'base' }) === 0);
  return key ? day.categorias[key] : 0;
}

export async function render(main, { account }) {
  const me = await account();
  const now = today(me.tz);
  const [limits, usage, alerts, names] = await Promise.all([
    call('alerts', '/api/v1/limites'),
    call('features', `/api/v1/uso/diario?desde=${now}&hasta=${now}`),
    call('alerts', '/api/v1/alertas'),
    categoryNames(),
  ]);
  const day = usage.dias[0];
  const status = statusLine();
  const redraw = () => render(main, { account });

  const kind = h('select', {}, h('option', { value: 'categoria' }, t('Categoría')), h('option', { value: 'dominio' }, t('Sitio web')));
  const category = h('select', {}, names.map((n) => h('option', { value: n }, n)));
  const domain = h('input', { placeholder: 'youtube.com', inputmode: 'url' });
  const minutes = h('input', { type: 'number', min: 1, max: 1440, required: true, value: 60 });
  const warning = h('input', { type: 'number', min: 1, max: 99, value: 80 });
  const categoryField = field(t('Categoría'), category);
  const domainField = field(t('Dominio'), domain);
  const title = h('h2', { id: 'titulo-form' }, t('Nuevo límite'));
  let editing = null;
  const showKind = () => { categoryField.hidden = kind.value !== 'categoria'; domainField.hidden = kind.value !== 'dominio'; };
  kind.addEventListener('change', showKind);
  const cancel = h('button', { type: 'button', class: 'secundario', hidden: true, onclick: redraw }, t('Cancelar'));
  const form = h('form', { class: 'apilado', 'aria-labelledby': 'titulo-form', onsubmit: async (ev) => {
    ev.preventDefault();
    const body = { segundos_diarios: Math.round(Number(minutes.value) * 60), umbral_aviso: Number(warning.value) };
    if (kind.value === 'categoria') body.categoria = category.value; else body.dominio = domain.value.trim();
    try {
      if (editing) await call('alerts', `/api/v1/limites/${editing.id}`, { method: 'PUT', body: { ...body, dias_semana: editing.dias_semana, activo: editing.activo } });
      else await call('alerts', '/api/v1/limites', { method: 'POST', body });
      await redraw();
      say(main.querySelector('[role=status]'), t('Límite guardado.'));
    } catch (e) { say(status, t('Algo falló: {m}', { m: e.message }), true); }
  } }, field(t('Tipo'), kind), categoryField, domainField, field(t('Minutos al día'), minutes), field(t('Aviso al (%)'), warning),
  h('div', { class: 'fila' }, h('button', { type: 'submit' }, t('Guardar')), cancel), status);
  showKind();

  const edit = (limit) => {
    editing = limit;
    title.textContent = t('Editar límite');
    kind.value = limit.dominio ? 'dominio' : 'categoria';
    if (limit.categoria) category.value = limit.categoria;
    domain.value = limit.dominio || '';
    minutes.value = limit.segundos_diarios / 60;
    warning.value = limit.umbral_aviso;
    cancel.hidden = false;
    showKind();
    minutes.focus();
  };

  const list = limits.length === 0 ? h('p', {}, t('No tienes límites.')) : h('ul', { class: 'limpia' }, limits.map((limit) => {
    const used = usedToday(limit, day);
    return h('li', { 'data-limite': limit.id },
      h('strong', {}, target(limit)), ` · ${duration(limit.segundos_diarios)}`,
      h('progress', { max: limit.segundos_diarios, value: Math.min(used, limit.segundos_diarios),
        'aria-label': t('Uso de hoy de {objetivo}', { objetivo: target(limit) }) }),
      h('p', {}, t('Hoy: {uso} de {limite}', { uso: duration(used), limite: duration(limit.segundos_diarios) })),
      h('div', { class: 'fila' },
        h('button', { type: 'button', class: 'secundario', onclick: () => edit(limit), 'aria-label': `${t('Editar')} ${target(limit)}` }, t('Editar')),
        h('button', { type: 'button', class: 'peligro', 'aria-label': `${t('Borrar')} ${target(limit)}`, onclick: async () => {
          if (!window.confirm(t('¿Borrar el límite de {objetivo}?', { objetivo: target(limit) }))) return;
          await call('alerts', `/api/v1/limites/${limit.id}`, { method: 'DELETE' });
          await redraw();
          say(main.querySelector('[role=status]'), t('Límite borrado.'));
        } }, t('Borrar'))));
  }));

  const alertList = alerts.length === 0 ? h('p', {}, t('Ninguna alerta hoy.')) : h('ul', { class: 'limpia', id: 'alertas' }, alerts.map((a) => h('li', { 'data-alerta': a.id },
    t('{objetivo}: {uso} de {limite} ({nivel})', { objetivo: a.dominio || a.categoria, uso: duration(a.uso_segundos), limite: duration(a.limite_segundos), nivel: t(a.nivel) }),
    ` · ${instant(a.creada_en, me.tz)} `,
    a.aceptada ? h('span', { class: 'insignia' }, t('Aceptada')) : h('button', { type: 'button', class: 'secundario', onclick: async () => {
      await call('alerts', `/api/v1/alertas/${a.id}/aceptar`, { method: 'POST' });
      redraw();
    } }, t('Aceptar')))));

  if (routeName() !== 'limites') return;
  main.replaceChildren(h('h1', {}, t('Límites')),
    h('div', { class: 'rejilla' },
      h('section', { class: 'tarjeta', 'aria-labelledby': 'titulo-lista' }, h('h2', { id: 'titulo-lista' }, t('Tus límites')), list),
      h('section', { class: 'tarjeta' }, title, form)),
    h('section', { class: 'tarjeta', 'aria-labelledby': 'titulo-alertas' }, h('h2', { id: 'titulo-alertas' }, t('Alertas de hoy')), alertList));

  // A live alert or one accepted from its toast changes the day's list: draw it again while this page is shown.
  const refresh = () => { if (main.dataset.pagina === 'limites' && document.body.contains(form)) redraw(); };
  window.addEventListener('tiempocheck:alerta', refresh, { once: true });
  window.addEventListener('tiempocheck:aceptada', refresh, { once: true });
}
