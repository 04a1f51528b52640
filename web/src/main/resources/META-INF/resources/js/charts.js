// Chart.js (window.Chart, from the webjar) with each chart's numbers also as a table.
import { h, uid } from './dom.js';
import { t } from './i18n.js';
import { duration } from './format.js';

const COLORS = {
  'Productividad': '#1f6feb', 'Estudio': '#0e7c86', 'Trabajo': '#2f4b7c', 'Herramientas': '#6b7a8f',
  'Entretenimiento': '#d1495b', 'Redes Sociales': '#e07a1f', 'Ocio': '#9b5de5', 'Comercio': '#c9a227',
  'Información': '#3a8d3f', 'Salud y bienestar': '#00a087', 'Sin categoría': '#a0a7b1',
};
const EXTRA = ['#8c564b', '#e377c2', '#17becf', '#bcbd22', '#7f7f7f', '#393b79', '#637939'];

export function color(category) {
  if (COLORS[category]) return COLORS[category];
  let sum = 0;
  for (const c of category) sum = (sum + c.charCodeAt(0)) % EXTRA.length;
  return EXTRA[sum];
}

const charts = new Map();
/** Per chart key, a promise that settles once the chart last built under that key has drawn itself. */
const drawnCharts = new Map();

/** A canvas (its name for screen readers) and a table of the same numbers under "Ver como tabla". */
export function chartBlock(key, title, config, table) {
  const canvas = h('canvas', { role: 'img', 'aria-label': title, 'data-grafico': key });
  const block = h('div', {}, h('div', { class: 'grafico' }, canvas),
    h('details', {}, h('summary', {}, t('Ver como tabla')), table));
  let drawn;
  drawnCharts.set(key, new Promise((resolve) => { drawn = resolve; }));
  queueMicrotask(() => {
    charts.get(key)?.destroy();
    const tooltip = { callbacks: { label: (ctx) => `${ctx.dataset.label ? `${ctx.dataset.label}: ` : ''}${duration(ctx.raw)}` } };
    config.options = { responsive: true, maintainAspectRatio: false, animation: false, ...config.options };
    config.options.plugins = { tooltip, ...(config.options.plugins || {}) };
    config.plugins = [...(config.plugins || []), { id: 'dibujado', afterRender: () => drawn() }];
    charts.set(key, new window.Chart(canvas, config));
  });
  return block;
}

/** Settles once every chart named by `keys`, as last built, has drawn on its canvas. */
export function chartsDrawn(keys) {
  return Promise.all(keys.map((key) => drawnCharts.get(key)));
}

export function secondsAxis() {
  return { beginAtZero: true, ticks: { callback: (v) => duration(v) } };
}

/** A table: caption, header row, rows of cells (numbers right-aligned, with data-segundos for tests). */
export function table(caption, headers, rows) {
  return h('table', { id: uid('tabla') }, h('caption', { class: 'visualmente-oculto' }, caption),
    h('thead', {}, h('tr', {}, headers.map((x, i) => h('th', { scope: 'col', class: i > 0 ? 'num' : undefined }, x)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c, i) => (i === 0
      ? h('th', { scope: 'row' }, c)
      : h('td', { class: 'num', 'data-segundos': typeof c === 'number' ? c : undefined }, typeof c === 'number' ? duration(c) : c)))))));
}
