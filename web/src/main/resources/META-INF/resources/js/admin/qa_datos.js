// Calidad de datos (/admin/qa_datos): the traffic lights of the latest qa_datos run, one row per check with its
// value, thresholds and sentence, the check's last 24 h as a small chart, and "Ejecutar ahora".
import { ApiError } from '../api.js';
import { t } from '../i18n.js';
import { h, statusLine, say } from '../dom.js';
import { duration, instant, number } from '../format.js';
import { admin, refusal, routeName } from './app.js';

const CHECKS = {
  qa_deltas: 'Días-usuario con delta', frescura_eventos: 'Frescura de los eventos', usuarios_silenciosos: 'Usuarios silenciosos',
  lag_consumidor: 'Retraso del consumidor', dlq_crecimiento: 'Crecimiento de la cola de errores (DLQ)',
  jobs_fallidos: 'Jobs fallidos o perdidos', schema_ver_antiguo: 'Filas con un schema_ver antiguo',
  rechazos_ingesta: 'Rechazos en la ingesta', duplicados_reenviados: 'Duplicados reenviados',
  eventos_fuera_de_rango: 'Eventos fuera de rango', dias_sobre_24h: 'Días de más de 24 h',
  horas_sobre_3600s: 'Horas de más de 3600 s', sitios_inusuales: 'Sitios con tiempo inusual', sin_categoria: 'Tiempo sin categoría',
};
const GROUPS = { qa: 'QA', frescura: 'Frescura', pipeline: 'Pipeline', entrada: 'Entrada', plausibilidad: 'Plausibilidad', cobertura: 'Cobertura' };
// Where an operator acts on each group's faults.
const ACTIONS = { qa: ['qa', 'Revisar y reconstruir'], pipeline: ['salud', 'Ver la salud'], frescura: ['salud', 'Ver la salud'],
  cobertura: ['categorias', 'Asignar categorías'] };
const COLORS = { verde: '#1d6b35', amarillo: '#b07d00', rojo: '#a61b1b' };

// The checks' units (CheckResult.unidad) as words; an unknown one is shown as sent.
const UNITS = { dias_usuario: 'días-usuario', horas_usuario: 'horas-usuario', eventos: 'eventos', filas: 'filas',
  ejecuciones: 'ejecuciones', sitios: 'sitios', usuarios: 'usuarios' };

/** A measured value in its unit as a person reads it. */
export function valueText(value, unit) {
  if (value === null || value === undefined) return '—';
  if (unit === 'segundos') return duration(value);
  if (unit === '%') return `${number(value, 1)} %`;
  return unit ? `${number(value, 2)} ${t(UNITS[unit] || unit)}` : number(value, 2);
}

/** A light: a coloured dot and the state's word, so the colour is never the only sign. */
export function light(state) {
  return h('span', { class: `semaforo ${state}`, 'data-estado': state }, h('span', { class: 'luz', 'aria-hidden': 'true' }), t(state));
}

function sparkline(check, entries) {
  const label = t('Últimas 24 h de {c}: {n} ejecuciones, {r} en rojo', {
    c: t(CHECKS[check] || check), n: entries.length, r: entries.filter((e) => e.estado === 'rojo').length });
  const canvas = h('canvas', { role: 'img', 'aria-label': label, 'data-historial': check });
  queueMicrotask(() => {
    window.Chart.getChart(canvas)?.destroy();
    // eslint-disable-next-line no-new
    new window.Chart(canvas, {
      type: 'line',
      data: {
        labels: entries.map((e) => instant(e.momento)),
        datasets: [{ data: entries.map((e) => e.valor), borderColor: '#0b5cad', borderWidth: 1.5, pointRadius: 2,
          pointBackgroundColor: entries.map((e) => COLORS[e.estado] || '#5c6470'), pointBorderColor: entries.map((e) => COLORS[e.estado] || '#5c6470') }],
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } },
        scales: { x: { display: false }, y: { display: false, beginAtZero: true } } },
    });
  });
  return h('div', { class: 'chispa' }, canvas);
}

async function history() {
  try {
    return (await admin('features', '/admin/api/qa_datos/historial')).entradas;
  } catch (e) {
    if (e instanceof ApiError && e.status !== 403) return null;
    throw e;
  }
}

async function latest() {
  try {
    return await admin('features', '/admin/api/qa_datos');
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

export async function render(main, { run = null, message = null } = {}) {
  const [report, entries] = await Promise.all([run ? Promise.resolve(run) : latest(), history()]);
  const status = statusLine();
  const runNow = h('button', { type: 'button', onclick: async () => {
    runNow.disabled = true;
    say(status, t('Ejecutando los checks…'));
    try {
      const answer = await admin('features', '/admin/api/qa_datos/ejecutar', { method: 'POST' });
      await render(main, { run: answer, message: t('Ejecución {id} terminada: {estado}.', { id: answer.ejecucion_id, estado: t(answer.estado) }) });
    } catch (e) { say(status, refusal(e), true); runNow.disabled = false; }
  } }, t('Ejecutar ahora'));
  if (message) say(status, message);

  const byCheck = new Map();
  for (const e of entries || []) {
    if (!byCheck.has(e.check)) byCheck.set(e.check, []);
    byCheck.get(e.check).push(e);
  }
  let body;
  if (!report) {
    body = h('p', {}, t('Aún no hay ejecuciones de qa_datos: pulsa «Ejecutar ahora».'));
  } else {
    body = h('table', { id: 'semaforos' }, h('caption', { class: 'visualmente-oculto' }, t('Checks de la ejecución {id}', { id: report.ejecucion_id })),
      h('thead', {}, h('tr', {}, [t('Check'), t('Estado'), t('Valor'), t('Umbrales'), t('Qué pasa y qué hacer'), t('Últimas 24 h')]
        .map((x, i) => h('th', { scope: 'col', class: i === 2 ? 'num' : undefined }, x)))),
      h('tbody', {}, report.checks.map((c) => {
        const action = ACTIONS[c.grupo];
        return h('tr', { 'data-check': c.check },
          h('th', { scope: 'row' }, t(CHECKS[c.check] || c.check), h('br'), h('small', {}, `${t(GROUPS[c.grupo] || c.grupo)} · ${c.check}`)),
          h('td', {}, light(c.estado)),
          h('td', { class: 'num', 'data-valor': c.valor }, valueText(c.valor, c.unidad)),
          h('td', {}, c.umbrales ? t('amarillo ≥ {a} · rojo ≥ {r}', { a: valueText(c.umbrales.amarillo, c.unidad), r: valueText(c.umbrales.rojo, c.unidad) }) : '—'),
          h('td', {}, h('p', { class: 'mensaje' }, c.mensaje),
            action && c.estado !== 'verde' ? h('a', { href: `/admin/${action[0]}` }, t(action[1])) : null,
            c.detalle && Object.keys(c.detalle).length ? h('details', {}, h('summary', {}, t('Detalle')),
              h('pre', { class: 'detalle' }, JSON.stringify(c.detalle, null, 2))) : null),
          h('td', {}, byCheck.has(c.check) ? sparkline(c.check, byCheck.get(c.check)) : h('small', {}, t('sin historial'))));
      })));
  }
  const summary = report ? h('p', { id: 'resumen-ejecucion' }, light(report.estado), ' ',
    t('Ejecución {id} ({disparo}), {inicio}, {ms} ms.', { id: report.ejecucion_id, disparo: t(report.disparo),
      inicio: instant(report.inicio), ms: number(report.duracion_ms) })) : null;

  if (routeName() !== 'qa_datos') return;
  main.replaceChildren(h('h1', {}, t('Calidad de datos')),
    h('section', { class: 'tarjeta', 'aria-labelledby': 'titulo-ultima' }, h('h2', { id: 'titulo-ultima' }, t('Última ejecución')),
      summary, h('div', { class: 'fila' }, runNow), status),
    h('section', { class: 'tarjeta', 'aria-labelledby': 'titulo-checks' }, h('h2', { id: 'titulo-checks' }, t('Semáforos')), body));
}
