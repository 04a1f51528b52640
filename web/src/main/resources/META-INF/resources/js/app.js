// The dashboard: one page, hash routes, each route a module that draws itself into <main>.
import { loadConfig, session, call, base } from './api.js';
import { t, language, setLanguage, translateStatic } from './i18n.js';
import { h } from './dom.js';
import { duration } from './format.js';
import * as login from './pages/login.js';
import * as resumen from './pages/resumen.js';
import * as limites from './pages/limites.js';
import * as sugerencias from './pages/sugerencias.js';
import * as categorias from './pages/categorias.js';
import * as cuenta from './pages/cuenta.js';

const PAGES = { entrar: login, resumen, limites, sugerencias, categorias, cuenta };
const TITLES = { entrar: 'Entrar', resumen: 'Resumen', limites: 'Límites', sugerencias: 'Sugerencias',
  categorias: 'Categorías', cuenta: 'Dispositivos y cuenta' };
const main = document.getElementById('contenido');
let me = null;
let stream = null;

/** Who is signed in (name, zone), read once per session. */
export async function account() {
  if (!me) me = await call('ingest', '/api/v1/cuenta');
  return me;
}

/** The page the address names now; a page's late redraw draws nothing once the person has gone elsewhere. */
export function routeName() {
  const name = location.hash.replace(/^#\/?/, '').split('?')[0];
  if (!session.token) return 'entrar';
  return PAGES[name] && name !== 'entrar' ? name : 'resumen';
}

async function render() {
  const name = routeName();
  const signedIn = Boolean(session.token);
  document.getElementById('nav').hidden = !signedIn;
  document.getElementById('salir').hidden = !signedIn;
  for (const a of document.querySelectorAll('#nav a')) {
    if (a.getAttribute('href') === `#/${name}`) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  document.title = `${t(TITLES[name])} · TiempoCheck`;
  translateStatic();
  delete main.dataset.dibujado;
  main.replaceChildren(h('p', {}, t('Cargando…')));
  try {
    if (signedIn) openAlertStream();
    await PAGES[name].render(main, { account });
  } catch (e) {
    main.replaceChildren(h('h1', {}, t(TITLES[name])), h('p', { class: 'error', role: 'alert' }, t('Algo falló: {m}', { m: e.message })));
  }
  main.dataset.pagina = name;
  main.dataset.listo = String(Date.now());
}

export function go(name) {
  if (location.hash === `#/${name}`) render(); else location.hash = `#/${name}`;
}

function signOut() {
  session.forget();
  me = null;
  if (stream) { stream.close(); stream = null; }
  go('entrar');
}

/** Live alerts for as long as the tab is signed in: a toast with "Aceptar" on any page. */
function openAlertStream() {
  if (stream) return;
  // EventSource cannot send headers: alerts-service takes the token as ?token= on this endpoint only.
  stream = new EventSource(`${base('alerts')}/api/v1/alertas/stream?token=${encodeURIComponent(session.token)}`);
  stream.addEventListener('alerta', (event) => {
    const alert = JSON.parse(event.data);
    toast(alert);
    window.dispatchEvent(new CustomEvent('tiempocheck:alerta', { detail: alert }));
  });
}

function toast(alert) {
  const target = alert.dominio || alert.categoria;
  const box = h('div', { class: 'toast', role: 'alert', 'data-alerta': alert.id });
  const accept = h('button', { type: 'button', onclick: async () => {
    accept.disabled = true;
    try { await call('alerts', `/api/v1/alertas/${alert.id}/aceptar`, { method: 'POST' }); } finally { box.remove(); }
    window.dispatchEvent(new CustomEvent('tiempocheck:aceptada', { detail: alert }));
  } }, t('Aceptar'));
  box.append(h('p', {}, t('{objetivo}: {uso} de {limite} ({nivel})', {
    objetivo: target, uso: duration(alert.uso_segundos), limite: duration(alert.limite_segundos), nivel: t(alert.nivel) })), accept);
  document.getElementById('avisos').append(box);
  accept.focus({ preventScroll: true });
}

async function start() {
  setLanguage(language());
  const select = document.getElementById('idioma');
  select.value = language();
  select.addEventListener('change', () => { setLanguage(select.value); render(); });
  document.getElementById('salir').addEventListener('click', signOut);
  window.addEventListener('tiempocheck:salir', () => { me = null; if (stream) { stream.close(); stream = null; } });
  window.addEventListener('hashchange', render);
  await loadConfig();
  await render();
}

start();
