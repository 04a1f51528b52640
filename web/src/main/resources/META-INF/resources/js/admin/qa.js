// QA y reconstrucción (/admin/qa?desde=&hasta=&usuario_id=): GET /features_qa's user-days with a delta, and
// "Reconstruir" one of them or the whole range (POST /admin/api/features_rebuild), showing what the rebuild answered
// (before and after) and the QA of the same range again.
import { t } from '../i18n.js';
import { h, field, statusLine, say } from '../dom.js';
import { addDays, day, duration, number, today } from '../format.js';
import { admin, refusal, routeName } from './app.js';

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  return q.toString();
}

function rebuildResult(result) {
  const changes = result.cambios || [];
  return h('section', { class: 'tarjeta', id: 'reconstruccion', 'aria-labelledby': 'titulo-reconstruccion' },
    h('h2', { id: 'titulo-reconstruccion' }, t('Reconstrucción')),
    h('p', {}, t('Del {desde} al {hasta}{u}: {d} días reconstruidos, {c} cambiados, {f} filas escritas, {ms} ms.', {
      desde: day(result.desde), hasta: day(result.hasta), u: result.usuario_id ? ` (${t('usuario {u}', { u: result.usuario_id })})` : '',
      d: number(result.dias_reconstruidos), c: number(result.dias_cambiados), f: number(result.filas_escritas), ms: number(result.duracion_ms) })),
    h('p', {}, t('Antes: {a}. Después: {b}.', { a: duration(result.segundos_antes), b: duration(result.segundos_despues) })),
    changes.length ? h('table', {}, h('caption', { class: 'visualmente-oculto' }, t('Días cambiados')),
      h('thead', {}, h('tr', {}, [t('Usuario'), t('Día'), t('Segundos antes'), t('Segundos después'), t('Filas antes'), t('Filas después')]
        .map((x, i) => h('th', { scope: 'col', class: i > 1 ? 'num' : undefined }, x)))),
      h('tbody', {}, changes.map((c) => h('tr', { 'data-cambio': `${c.usuario_id}/${c.dia}` }, h('th', { scope: 'row' }, String(c.usuario_id)),
        h('td', {}, day(c.dia)), h('td', { class: 'num', 'data-segundos': c.segundos_antes }, number(c.segundos_antes)),
        h('td', { class: 'num', 'data-segundos': c.segundos_despues }, number(c.segundos_despues)),
        h('td', { class: 'num' }, number(c.filas_antes)), h('td', { class: 'num' }, number(c.filas_despues))))))
      : h('p', {}, t('Ningún día cambió: ya coincidían con registro.')));
}

export async function render(main, { rebuilt = null } = {}) {
  const params = new URLSearchParams(location.search);
  const end = params.get('hasta') || today('UTC');
  const start = params.get('desde') || addDays(end, -6);
  const user = params.get('usuario_id') || '';
  const report = await admin('features', `/features_qa?${query({ desde: start, hasta: end, usuario_id: user, solo_delta: true })}`);
  const status = statusLine();
  const redraw = (result) => render(main, { rebuilt: result });
  const rebuild = async (target, button) => {
    button.disabled = true;
    say(status, t('Reconstruyendo…'));
    try {
      const result = await admin('features', `/admin/api/features_rebuild?${query(target)}`, { method: 'POST' });
      await redraw(result);
    } catch (e) { say(status, refusal(e), true); button.disabled = false; }
  };

  const from = h('input', { type: 'date', name: 'desde', value: start, required: true });
  const to = h('input', { type: 'date', name: 'hasta', value: end, required: true });
  const userInput = h('input', { name: 'usuario_id', inputmode: 'numeric', pattern: '[0-9]*', value: user, 'aria-describedby': 'ayuda-usuario' });
  const form = h('form', { class: 'fila', 'aria-labelledby': 'titulo-rango', onsubmit: (ev) => {
    ev.preventDefault();
    history.replaceState(null, '', `/admin/qa?${query({ desde: from.value, hasta: to.value, usuario_id: userInput.value.trim() })}`);
    render(main);
  } }, field(t('Desde'), from), field(t('Hasta'), to), field(t('Usuario (opcional)'), userInput),
  h('button', { type: 'submit' }, t('Revisar')));

  const s = report.resumen;
  const rangeButton = h('button', { type: 'button', class: 'secundario', onclick: () => {
    // eslint-disable-next-line no-alert
    if (!user && !window.confirm(t('¿Reconstruir del {desde} al {hasta} para todos los usuarios?', { desde: day(report.desde), hasta: day(report.hasta) }))) return;
    rebuild({ desde: report.desde, hasta: report.hasta, usuario_id: user }, rangeButton);
  } }, user ? t('Reconstruir el rango de este usuario') : t('Reconstruir el rango'));

  const days = report.dias.length === 0 ? h('p', { id: 'sin-deltas', class: 'ok' }, t('Ningún día-usuario con delta en este rango.'))
    : h('table', { id: 'deltas' }, h('caption', { class: 'visualmente-oculto' }, t('Días-usuario con delta')),
      h('thead', {}, h('tr', {}, [t('Usuario'), t('Día'), t('Horas (s)'), t('Día (s)'), t('Registro (s)'), t('Δ horas–día'), t('Δ día–registro'),
        t('Δ horas–registro'), t('Acción')].map((x, i) => h('th', { scope: 'col', class: i > 1 && i < 8 ? 'num' : undefined }, x)))),
      h('tbody', {}, report.dias.map((d) => {
        const button = h('button', { type: 'button', 'aria-label': t('Reconstruir el {dia} del usuario {u}', { dia: day(d.dia), u: d.usuario_id }),
          onclick: () => rebuild({ usuario_id: d.usuario_id, dia: d.dia }, button) }, t('Reconstruir'));
        return h('tr', { 'data-dia': `${d.usuario_id}/${d.dia}` }, h('th', { scope: 'row' }, String(d.usuario_id)), h('td', {}, day(d.dia)),
          ...[d.segundos_horas, d.segundos_dia, d.segundos_registro, d.delta_horas_dia, d.delta_dia_registro, d.delta_horas_registro]
            .map((v) => h('td', { class: 'num' }, number(v))), h('td', {}, button));
      })));

  if (routeName() !== 'qa') return;
  main.replaceChildren(...[h('h1', {}, t('QA y reconstrucción')),
    h('section', { class: 'tarjeta', 'aria-labelledby': 'titulo-rango' }, h('h2', { id: 'titulo-rango' }, t('Rango')), form,
      h('small', { id: 'ayuda-usuario' }, t('Vacío: todos los usuarios.'))),
    rebuilt ? rebuildResult(rebuilt) : null,
    h('section', { class: 'tarjeta', 'aria-labelledby': 'titulo-deltas' }, h('h2', { id: 'titulo-deltas' }, t('Días-usuario con delta')),
      h('p', { id: 'resumen-qa', 'data-con-delta': s.dias_con_delta }, t('{n} días-usuario revisados, {d} con delta; el mayor, {m} s ({ms} ms).', {
        n: number(s.dias_revisados), d: number(s.dias_con_delta), m: number(s.delta_maximo), ms: number(s.duracion_ms) })),
      days, h('div', { class: 'fila' }, rangeButton), status)].filter(Boolean));
}
