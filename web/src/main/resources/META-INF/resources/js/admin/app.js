// The operator's panel: one page served for every /admin/<pagina>, each view a module that draws itself
// into <main>. Signed in with the admin token (sessionStorage, this tab only); every action is the admin API
// the CLI calls, so a user's token is refused by the services themselves (403) and the panel says so.
import { loadConfig, adminSession, call, ApiError } from '../api.js';
import { t, language, setLanguage, translateStatic } from '../i18n.js';
import { h } from '../dom.js';
import * as entrar from './entrar.js';
import * as qaDatos from './qa_datos.js';
import * as salud from './salud.js';
import * as qa from './qa.js';
import * as usuarios from './usuarios.js';
import * as categorias from './categorias.js';
import * as exportar from './exportar.js';

const PAGES = { entrar, qa_datos: qaDatos, salud, qa, usuarios, categorias, exportar };
const TITLES = { entrar: 'Entrar como administrador', qa_datos: 'Calidad de datos', salud: 'Salud', qa: 'QA y reconstrucción',
  usuarios: 'Usuarios', categorias: 'Categorías', exportar: 'Exportar' };
const main = document.getElementById('contenido');

/** The admin API, with the admin token. */
export function admin(service, path, options = {}) {
  return call(service, path, { ...options, as: adminSession });
}

/** The view the address names (/admin/<pagina>); the sign-in while no admin token is stored. */
export function routeName() {
  const name = location.pathname.replace(/^\/admin\/?/, '').split('/')[0];
  if (!adminSession.token) return 'entrar';
  return PAGES[name] && name !== 'entrar' ? name : 'qa_datos';
}

/** A refusal in the operator's words: a user's token (403) is named as such. */
export function refusal(e) {
  if (e instanceof ApiError && e.status === 403) return t('Este token no es de administrador: el servicio respondió 403. Entra con el token de administrador.');
  if (e instanceof ApiError && e.status === 409 && e.body?.campo === 'job') return t('Ya hay una ejecución en curso: vuelve a probar en un momento.');
  return t('Algo falló: {m}', { m: e.message });
}

async function render() {
  const name = routeName();
  const signedIn = Boolean(adminSession.token);
  document.getElementById('nav').hidden = !signedIn;
  document.getElementById('salir').hidden = !signedIn;
  for (const a of document.querySelectorAll('#nav a')) {
    if (a.getAttribute('href') === `/admin/${name}`) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  document.title = `${t(TITLES[name])} · ${t('Operación')} · TiempoCheck`;
  translateStatic();
  main.replaceChildren(h('p', {}, t('Cargando…')));
  try {
    await PAGES[name].render(main);
  } catch (e) {
    main.replaceChildren(h('h1', {}, t(TITLES[name])), h('p', { class: 'error', role: 'alert' }, refusal(e)));
  }
  main.dataset.pagina = name;
  main.dataset.listo = String(Date.now());
}

/** Goes to another view of the panel without reloading it (the address changes, Back comes back). */
export function go(name, query = '') {
  const target = `/admin/${name}${query}`;
  if (location.pathname + location.search !== target) history.pushState(null, '', target);
  render();
}

async function start() {
  setLanguage(language());
  const select = document.getElementById('idioma');
  select.value = language();
  select.addEventListener('change', () => { setLanguage(select.value); render(); });
  document.getElementById('salir').addEventListener('click', () => { adminSession.forget(); go('entrar'); });
  document.getElementById('nav').addEventListener('click', (ev) => {
    const link = ev.target.closest('a[href^="/admin/"]');
    if (!link || ev.ctrlKey || ev.metaKey || ev.shiftKey) return;
    ev.preventDefault();
    go(link.getAttribute('href').slice('/admin/'.length));
  });
  window.addEventListener('popstate', render);
  window.addEventListener('tiempocheck:salir', () => render());
  await loadConfig();
  await render();
}

start();
