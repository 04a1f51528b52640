// The panel's sign-in: the admin token, checked against an admin endpoint before it is kept (sessionStorage).
import { adminSession, call, ApiError } from '../api.js';
import { t } from '../i18n.js';
import { h, field, statusLine, say } from '../dom.js';
import { go } from './app.js';

function message(e) {
  if (e instanceof ApiError && e.status === 401) return t('Token no válido: revisa que sea el token de administrador.');
  if (e instanceof ApiError && e.status === 403) return t('Ese token es de un usuario, no de administrador: los servicios lo rechazan (403).');
  if (e instanceof ApiError && e.status === 429) return t('Demasiados intentos: espera {s} s y vuelve a probar.', { s: e.retryAfter || 60 });
  return t('Algo falló: {m}', { m: e.message });
}

export async function render(main) {
  const token = h('input', { name: 'token', type: 'password', autocomplete: 'off', required: true, spellcheck: 'false',
    'aria-describedby': 'ayuda-token' });
  const status = statusLine();
  const form = h('form', { class: 'apilado', 'aria-labelledby': 'titulo-entrar', onsubmit: async (ev) => {
    ev.preventDefault();
    const candidate = token.value.trim();
    try {
      // Any admin endpoint answers 401 for a wrong token and 403 for a person's: the accounts list is the cheapest.
      await call('ingest', '/admin/api/usuarios?tamano=1', { token: candidate });
      adminSession.set(candidate);
      const wanted = location.pathname.replace(/^\/admin\/?/, '');
      go(wanted && wanted !== 'entrar' ? wanted : 'qa_datos', location.search);
    } catch (e) { say(status, message(e), true); token.select(); }
  } }, field(t('Token de administrador'), token),
  h('small', { id: 'ayuda-token' }, t('El de TIEMPOCHECK_ADMIN_TOKEN (localmente, .run/admin-token). Se guarda solo en esta pestaña.')),
  h('button', { type: 'submit' }, t('Entrar')), status);
  main.replaceChildren(h('h1', {}, t('Panel de operación')),
    h('section', { class: 'tarjeta' }, h('h2', { id: 'titulo-entrar' }, t('Entrar como administrador')), form));
}
