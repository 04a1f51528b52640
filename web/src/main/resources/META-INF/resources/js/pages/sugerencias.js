// Sugerencias: a card per category with its suggested limit or goal explained, the policy evaluator and the forecast.
import { routeName } from '../app.js';
import { call } from '../api.js';
import { t } from '../i18n.js';
import { h, field, statusLine, say, uid } from '../dom.js';
import { duration, day, today, addDays } from '../format.js';

function tierRange(u) {
  return u.dias_max === undefined || u.dias_max === null ? t('{min}+ días', { min: u.dias_min }) : t('{min}–{max} días', { min: u.dias_min, max: u.dias_max });
}

function card(detail, status) {
  const tier = detail.nivel.nombre;
  const popoverId = uid('calculo');
  const popover = h('div', { class: 'popover', id: popoverId, hidden: true, role: 'region', 'aria-label': t('¿Cómo se calculó?') },
    h('p', { class: 'formula' }, detail.formula),
    h('dl', {},
      h('dt', {}, t('Ventana')), h('dd', {}, `${day(detail.ventana.desde)} – ${day(detail.ventana.hasta)} (${detail.ventana.dias} ${t('días')})`),
      h('dt', {}, t('Días con datos')), h('dd', {}, detail.dias_con_datos),
      h('dt', {}, t('Tope')), h('dd', {}, detail.tope.segundos == null ? t('sin tope')
        : `${duration(detail.tope.segundos)} (${t(detail.tope.aplicado ? 'aplicado' : 'no aplicado')})`),
      h('dt', {}, t('Niveles')), h('dd', {}, h('ul', {}, detail.nivel.umbrales.map((u) => h('li', {}, `${t(u.nivel)}: ${tierRange(u)}`))))));
  const toggle = h('button', { type: 'button', class: 'secundario', 'aria-expanded': 'false', 'aria-controls': popoverId, onclick: () => {
    popover.hidden = !popover.hidden;
    toggle.setAttribute('aria-expanded', String(!popover.hidden));
  } }, t('¿Cómo se calculó?'));
  popover.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') { popover.hidden = true; toggle.setAttribute('aria-expanded', 'false'); toggle.focus(); } });
  const adopt = detail.tipo === 'limite' && detail.segundos != null ? h('button', { type: 'button', onclick: async () => {
    try {
      await call('alerts', '/api/v1/limites', { method: 'POST', body: { categoria: detail.categoria, segundos_diarios: detail.segundos } });
      say(status, t('Adoptado: límite de {t} al día.', { t: duration(detail.segundos) }));
    } catch (e) { say(status, t('Algo falló: {m}', { m: e.message }), true); }
  } }, t('Adoptar como límite')) : null;
  const headingId = uid('sug');
  return h('article', { class: 'tarjeta', 'aria-labelledby': headingId, 'data-categoria': detail.categoria },
    h('h3', { id: headingId }, detail.categoria, ' ', h('span', { class: `insignia ${tier}` }, t(tier))),
    h('p', {}, t(detail.tipo === 'meta' ? 'Meta sugerida' : 'Límite sugerido'), ': ',
      h('strong', { 'data-segundos': detail.segundos ?? '' }, detail.segundos == null ? '—' : duration(detail.segundos))),
    detail.nivel.dias_faltantes > 0 ? h('p', {}, t('Faltan {n} días con datos.', { n: detail.nivel.dias_faltantes })) : null,
    h('div', { class: 'fila' }, toggle, adopt), popover);
}

function evaluator(policy, zone) {
  const windowDays = h('input', { type: 'number', min: 7, max: 56, value: policy.ventana_dias });
  const base = h('select', {}, ['media', 'mediana', 'p75'].map((b) => h('option', { value: b, selected: b === policy.base }, t(b))));
  const multiplier = (v) => h('input', { type: 'number', min: 0.1, max: 3, step: 0.01, value: v });
  const limitM = multiplier(policy.multiplicador_limite);
  const goalM = multiplier(policy.multiplicador_meta);
  const otherM = multiplier(policy.multiplicador_otras);
  const caps = Object.entries(policy.topes).map(([c, s]) => [c, h('input', { type: 'number', min: 1, max: 1440, value: Math.round(s / 60) })]);
  const end = addDays(today(zone), -1);
  const from = h('input', { type: 'date', value: addDays(end, -27), max: end });
  const to = h('input', { type: 'date', value: end, max: end });
  const result = h('div', { 'aria-live': 'polite' });
  const status = statusLine();
  const form = h('form', { 'aria-labelledby': 'titulo-evaluar', onsubmit: async (ev) => {
    ev.preventDefault();
    const proposal = { nombre: t('Propuesta'), ventana_dias: Number(windowDays.value), base: base.value,
      multiplicador_limite: Number(limitM.value), multiplicador_meta: Number(goalM.value), multiplicador_otras: Number(otherM.value),
      topes: Object.fromEntries(caps.map(([c, input]) => [c, Math.round(Number(input.value) * 60)])) };
    try {
      const evaluation = await call('suggestions', '/api/v1/politicas/evaluar', { method: 'POST',
        body: { desde: from.value, hasta: to.value, politicas: [{ ...policy, nombre: t('Actual') }, proposal] } });
      result.replaceChildren(comparison(evaluation));
      status.textContent = '';
    } catch (e) { say(status, t('Algo falló: {m}', { m: e.message }), true); }
  } },
  h('div', { class: 'fila' }, field(t('Desde'), from), field(t('Hasta'), to), field(t('Días de la ventana'), windowDays), field(t('Base'), base)),
  h('div', { class: 'fila' }, field(t('Multiplicador de límites'), limitM), field(t('Multiplicador de metas'), goalM), field(t('Multiplicador de otras'), otherM)),
  h('fieldset', {}, h('legend', {}, t('Topes (minutos)')), h('div', { class: 'fila' }, caps.map(([c, input]) => field(c, input)))),
  h('button', { type: 'submit' }, t('Evaluar')), status);
  return h('section', { class: 'tarjeta', 'aria-labelledby': 'titulo-evaluar' }, h('h2', { id: 'titulo-evaluar' }, t('Evaluar una política')), form, result);
}

/** The current policy and the proposal side by side, per category. */
function comparison(evaluation) {
  const [current, proposed] = evaluation.politicas;
  const byName = (p) => Object.fromEntries(p.categorias.map((c) => [c.categoria, c]));
  const a = byName(current);
  const b = byName(proposed);
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const cells = (c) => (c ? [c.dias_exceso, c.dias_proximidad, c.dias_meta_cumplida, duration(c.reduccion_total_segundos)] : ['—', '—', '—', '—']);
  const metrics = [t('Días de exceso'), t('Días de proximidad'), t('Metas cumplidas'), t('Reducción pedida')];
  return h('table', { id: 'comparacion' },
    h('caption', {}, t('Política actual frente a la propuesta, del {desde} al {hasta}', { desde: day(evaluation.desde), hasta: day(evaluation.hasta) })),
    h('thead', {},
      h('tr', {}, h('td', {}), h('th', { scope: 'colgroup', colspan: 4 }, current.nombre), h('th', { scope: 'colgroup', colspan: 4 }, proposed.nombre)),
      h('tr', {}, h('th', { scope: 'col' }, t('Categoría')), [...metrics, ...metrics].map((m) => h('th', { scope: 'col', class: 'num' }, m)))),
    h('tbody', {}, names.map((n) => h('tr', {}, h('th', { scope: 'row' }, n), [...cells(a[n]), ...cells(b[n])].map((c) => h('td', { class: 'num' }, c))))));
}

function forecasts(list) {
  return h('section', { class: 'tarjeta', 'aria-labelledby': 'titulo-pronostico' }, h('h2', { id: 'titulo-pronostico' }, t('Pronóstico de 7 días')),
    list.length === 0 ? h('p', {}, t('Aún no hay sugerencias: usa el navegador unos días.')) : h('table', { id: 'pronosticos' },
      h('caption', { class: 'visualmente-oculto' }, t('Pronóstico de 7 días')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('Categoría')), h('th', { scope: 'col' }, t('Método')), h('th', { scope: 'col', class: 'num' }, t('Error (MAE)')),
        (list[0].pronostico || []).map((d) => h('th', { scope: 'col', class: 'num' }, day(d.dia, { weekday: 'short', day: 'numeric' }))))),
      h('tbody', {}, list.map((f) => h('tr', {}, h('th', { scope: 'row' }, f.categoria),
        h('td', {}, f.metodo, f.modelo_promovido ? ` (${t('modelo promovido')})` : ''),
        h('td', { class: 'num' }, f.mae_validacion == null ? t('sin validar') : duration(f.mae_validacion)),
        f.pronostico.map((d) => h('td', { class: 'num', 'data-segundos': d.segundos }, duration(d.segundos))))))));
}

export async function render(main, { account }) {
  const me = await account();
  const [details, policy, forecast] = await Promise.all([
    call('suggestions', '/api/sugerencias_detalle'), call('suggestions', '/api/v1/politica'), call('suggestions', '/api/v1/pronosticos?dias=7')]);
  const status = statusLine();
  if (routeName() !== 'sugerencias') return;
  main.replaceChildren(h('h1', {}, t('Sugerencias')), status,
    details.length === 0 ? h('p', {}, t('Aún no hay sugerencias: usa el navegador unos días.'))
      : h('div', { class: 'rejilla', id: 'tarjetas' }, details.map((d) => card(d, status))),
    evaluator(policy, me.tz), forecasts(forecast));
}
