// Resumen: the range's total and its change, time by category, top sites, the hourly profile of a day and daily totals.
import { routeName } from '../app.js';
import { call, ApiError } from '../api.js';
import { t } from '../i18n.js';
import { h, field } from '../dom.js';
import { duration, day, today, addDays, daysBetween, percent } from '../format.js';
import { chartBlock, chartsDrawn, table, color, secondsAxis } from '../charts.js';

const RANGES = [['hoy', 'Hoy'], ['7d', '7 días'], ['30d', '30 días'], ['total', 'Total']];
const MAX_DAYS = 366; // the usage API's longest range
const state = { rango: 'total', desde: null, hasta: null, top: 10, dia: null };
const CHARTS = ['categorias', 'sitios', 'horario', 'diario'];
/** Marks the moment every chart of the page has drawn (bench/dashboard.sh times it from navigation start). */
const DRAWN_MARK = 'resumen-dibujado';
let renders = 0;

function rangeQuery() {
  return state.rango === 'personalizado' ? `desde=${state.desde}&hasta=${state.hasta}` : `rango=${state.rango}`;
}

/** Time by category: the API's own figures; a custom range, where features-service has none yet, from the daily rows. */
async function categories(zone) {
  try {
    return await call('features', `/api/v1/uso/categorias?${rangeQuery()}`);
  } catch (e) {
    if (state.rango !== 'personalizado' || !(e instanceof ApiError) || e.status !== 400) throw e;
    const daily = await call('features', `/api/v1/uso/diario?desde=${state.desde}&hasta=${state.hasta}`);
    const sums = {};
    for (const d of daily.dias) for (const [c, s] of Object.entries(d.categorias)) sums[c] = (sums[c] || 0) + s;
    return { rango: 'personalizado', desde: state.desde, hasta: state.hasta, segundos: daily.segundos,
      categorias: Object.entries(sums).map(([categoria, segundos]) => ({ categoria, segundos })).sort((a, b) => b.segundos - a.segundos) };
  }
}

async function topSites(range, daily) {
  try {
    return (await call('features', `/api/v1/uso/sitios?${rangeQuery()}&top=${state.top}`)).sitios;
  } catch (e) {
    if (!(e instanceof ApiError) || (e.status !== 404 && e.status !== 405)) throw e;
    // Before features-service has /uso/sitios: the days' domains added up.
    const sums = new Map();
    for (const d of daily.dias) for (const s of d.dominios) {
      const prev = sums.get(s.dominio) || { dominio: s.dominio, categoria: s.categoria, segundos: 0 };
      prev.segundos += s.segundos;
      sums.set(s.dominio, prev);
    }
    return [...sums.values()].sort((a, b) => b.segundos - a.segundos || a.dominio.localeCompare(b.dominio)).slice(0, state.top);
  }
}

function stackedByCategory(labels, rows) {
  const names = [...new Set(rows.flatMap((r) => Object.keys(r.categorias)))].sort();
  return names.map((c) => ({ label: c, data: rows.map((r) => r.categorias[c] || 0), backgroundColor: color(c), stack: 's' }));
}

export async function render(main, { account }) {
  const mine = ++renders;
  delete main.dataset.dibujado;
  const me = await account();
  const zone = me.tz;
  const now = today(zone);
  const cats = await categories(zone);
  const hasta = cats.hasta || now;
  const hasData = cats.segundos > 0;
  // Total has no bounds in the API's answer: its days are the last MAX_DAYS, from the first one with use.
  let desde = cats.desde || addDays(hasta, -(MAX_DAYS - 1));
  const dailyFrom = daysBetween(desde, hasta) > MAX_DAYS ? addDays(hasta, -(MAX_DAYS - 1)) : desde;
  const daily = await call('features', `/api/v1/uso/diario?desde=${dailyFrom}&hasta=${hasta}`);
  if (!cats.desde) {
    const first = daily.dias.findIndex((d) => d.segundos > 0);
    daily.dias = first < 0 ? daily.dias.slice(-1) : daily.dias.slice(first);
    desde = daily.dias[0].dia;
  }
  state.dia ||= hasta;
  if (state.dia < desde || state.dia > hasta) state.dia = hasta;
  const [sites, hourly, previous] = await Promise.all([
    topSites(cats, daily),
    call('features', `/api/v1/uso/horario?dia=${state.dia}`),
    state.rango === 'total' || !cats.desde ? null : (() => {
      const n = daysBetween(desde, hasta);
      const prevTo = addDays(desde, -1);
      const prevFrom = addDays(desde, -n);
      return call('features', `/api/v1/uso/diario?desde=${prevFrom}&hasta=${prevTo}`);
    })(),
  ]);

  const rangeButtons = RANGES.map(([id, label]) => h('button', { type: 'button', 'aria-pressed': String(state.rango === id),
    'data-rango': id, onclick: () => { state.rango = id; render(main, { account }); } }, t(label)));
  const from = h('input', { type: 'date', value: state.desde || desde, max: now });
  const to = h('input', { type: 'date', value: state.hasta || hasta, max: now });
  const custom = h('form', { class: 'fila', 'aria-label': t('Personalizado'), onsubmit: (ev) => {
    ev.preventDefault();
    if (!from.value || !to.value || from.value > to.value) return;
    Object.assign(state, { rango: 'personalizado', desde: from.value, hasta: to.value });
    render(main, { account });
  } }, field(t('Desde'), from), field(t('Hasta'), to),
  h('button', { type: 'submit', 'aria-pressed': String(state.rango === 'personalizado'), 'data-rango': 'personalizado' }, t('Aplicar')));

  let change;
  if (previous) {
    const before = previous.segundos;
    const ratio = before === 0 ? null : (cats.segundos - before) / before;
    change = h('p', { class: 'cambio', 'data-previo': before },
      `${ratio === null ? '—' : percent(ratio)} (${duration(before)}) `,
      t('frente al periodo anterior ({desde} – {hasta})', { desde: day(previous.desde), hasta: day(previous.hasta) }));
  } else {
    change = h('p', { class: 'cambio' }, t('Sin periodo anterior con el que comparar.'));
  }

  const doughnut = chartBlock('categorias', t('Tiempo por categoría'), {
    type: 'doughnut',
    data: { labels: cats.categorias.map((c) => c.categoria),
      datasets: [{ data: cats.categorias.map((c) => c.segundos), backgroundColor: cats.categorias.map((c) => color(c.categoria)) }] },
    options: { plugins: { legend: { position: 'right' } } },
  }, table(t('Tiempo por categoría'), [t('Categoría'), t('Tiempo')], cats.categorias.map((c) => [c.categoria, c.segundos])));

  const topSelect = h('select', { onchange: (ev) => { state.top = Number(ev.target.value); render(main, { account }); } },
    [5, 10, 20, 50].map((n) => h('option', { value: n, selected: n === state.top }, n)));
  const bars = chartBlock('sitios', t('Sitios más usados'), {
    type: 'bar',
    data: { labels: sites.map((s) => s.dominio),
      datasets: [{ label: t('Tiempo'), data: sites.map((s) => s.segundos), backgroundColor: sites.map((s) => color(s.categoria)) }] },
    options: { indexAxis: 'y', scales: { x: secondsAxis() }, plugins: { legend: { display: false } } },
  }, table(t('Sitios más usados'), [t('Sitio'), t('Categoría'), t('Tiempo')], sites.map((s) => [s.dominio, s.categoria, s.segundos])));

  const daySelect = h('input', { type: 'date', value: state.dia, min: desde, max: hasta,
    onchange: (ev) => { if (ev.target.value) { state.dia = ev.target.value; render(main, { account }); } } });
  const hours = hourly.horas;
  const hourLabels = hours.map((x) => `${String(x.hora).padStart(2, '0')}:00`);
  const hourChart = chartBlock('horario', t('Perfil por hora'), {
    type: 'bar', data: { labels: hourLabels, datasets: stackedByCategory(hourLabels, hours) },
    options: { scales: { x: { stacked: true }, y: { ...secondsAxis(), stacked: true } } },
  }, table(t('Perfil por hora'), [t('Hora'), t('Tiempo')], hours.map((x, i) => [hourLabels[i], x.segundos])));

  const dayLabels = daily.dias.map((d) => day(d.dia, { day: 'numeric', month: 'short' }));
  const dailyChart = chartBlock('diario', t('Totales diarios'), {
    type: 'bar', data: { labels: dayLabels, datasets: stackedByCategory(dayLabels, daily.dias) },
    options: { scales: { x: { stacked: true }, y: { ...secondsAxis(), stacked: true } } },
  }, table(t('Totales diarios'), [t('Día'), t('Tiempo')], daily.dias.map((d) => [day(d.dia), d.segundos])));

  if (routeName() !== 'resumen') return;
  main.replaceChildren(
    h('h1', {}, t('Resumen')),
    h('section', { class: 'tarjeta', 'aria-label': t('Rango') },
      h('div', { class: 'rangos', role: 'group', 'aria-label': t('Rango') }, rangeButtons), custom),
    h('section', { class: 'tarjeta', 'aria-labelledby': 'titulo-total' },
      h('h2', { id: 'titulo-total' }, t('Tiempo total')),
      h('p', { class: 'cifra', id: 'total', 'data-segundos': cats.segundos }, duration(cats.segundos)),
      h('p', {}, t('Del {desde} al {hasta}', { desde: day(desde), hasta: day(hasta) })), change,
      hasData ? null : h('p', {}, t('Aún no hay datos en este rango.'))),
    h('div', { class: 'rejilla' },
      h('section', { class: 'tarjeta', 'aria-labelledby': 'titulo-cat' }, h('h2', { id: 'titulo-cat' }, t('Tiempo por categoría')), doughnut),
      h('section', { class: 'tarjeta', 'aria-labelledby': 'titulo-sitios' }, h('h2', { id: 'titulo-sitios' }, t('Sitios más usados')),
        field(t('Mostrar'), topSelect), bars)),
    h('section', { class: 'tarjeta', 'aria-labelledby': 'titulo-hora' }, h('h2', { id: 'titulo-hora' }, t('Perfil por hora')),
      field(t('Día'), daySelect), hourChart),
    h('section', { class: 'tarjeta', 'aria-labelledby': 'titulo-dia' }, h('h2', { id: 'titulo-dia' }, t('Totales diarios')),
      daysBetween(desde, hasta) > MAX_DAYS ? h('p', {}, t('Los totales diarios muestran los últimos {n} días del rango.', { n: MAX_DAYS })) : null,
      dailyChart));
  chartsDrawn(CHARTS).then(() => {
    // Only the latest drawing counts: a range switched meanwhile draws again and marks its own.
    if (mine !== renders || routeName() !== 'resumen') return;
    performance.mark(DRAWN_MARK);
    main.dataset.dibujado = String(Math.round(performance.now()));
  });
}
