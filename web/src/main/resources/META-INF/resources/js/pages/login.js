// Entrar / Crear cuenta, on ingest-service's accounts API. The token lives in sessionStorage: this tab only.
import { call, session } from '../api.js';
import { t } from '../i18n.js';
import { h, field, statusLine, say } from '../dom.js';
import { go } from '../app.js';

async function signIn(usuario, contrasena) {
  const answer = await call('ingest', '/api/v1/sesiones', { method: 'POST', auth: false, body: { usuario, contrasena } });
  session.set(answer.token);
  go('resumen');
}

function signInMessage(e) {
  if (e.status === 401) return t('Usuario o contraseña incorrectos.');
  if (e.status === 429) return t('Demasiados intentos: espera {s} s y vuelve a probar.', { s: e.retryAfter || 60 });
  if (e.status === 403) return t('Esta cuenta está desactivada.');
  return t('Algo falló: {m}', { m: e.message });
}

export async function render(main) {
  const user = h('input', { name: 'usuario', autocomplete: 'username', required: true });
  const password = h('input', { name: 'contrasena', type: 'password', autocomplete: 'current-password', required: true });
  const signInStatus = statusLine();
  const signInForm = h('form', { class: 'apilado', 'aria-labelledby': 'titulo-entrar', onsubmit: async (ev) => {
    ev.preventDefault();
    try { await signIn(user.value.trim(), password.value); } catch (e) { say(signInStatus, signInMessage(e), true); password.select(); }
  } }, field(t('Usuario'), user), field(t('Contraseña'), password), h('button', { type: 'submit' }, t('Entrar')), signInStatus);

  const newUser = h('input', { name: 'usuario', autocomplete: 'username', required: true, pattern: '[a-z0-9._\\-]{3,64}',
    'aria-describedby': 'ayuda-usuario' });
  const newPassword = h('input', { name: 'contrasena', type: 'password', autocomplete: 'new-password', required: true, minlength: 10,
    'aria-describedby': 'ayuda-contrasena' });
  const name = h('input', { name: 'nombre', autocomplete: 'name' });
  const zone = h('input', { name: 'tz', value: Intl.DateTimeFormat().resolvedOptions().timeZone });
  const signUpStatus = statusLine();
  const signUpForm = h('form', { class: 'apilado', 'aria-labelledby': 'titulo-crear', onsubmit: async (ev) => {
    ev.preventDefault();
    const body = { usuario: newUser.value.trim().toLowerCase(), contrasena: newPassword.value, nombre: name.value.trim() || newUser.value.trim(), tz: zone.value.trim() };
    try {
      await call('ingest', '/api/v1/cuentas', { method: 'POST', auth: false, body });
      say(signUpStatus, t('Cuenta creada: ya puedes entrar.'));
      await signIn(body.usuario, body.contrasena);
    } catch (e) {
      const text = e.status === 409 ? t('Ese usuario ya existe.') : e.status === 403 ? t('El registro está cerrado en este servidor.') : t('Algo falló: {m}', { m: e.message });
      say(signUpStatus, text, true);
    }
  } },
  field(t('Usuario'), newUser), h('small', { id: 'ayuda-usuario' }, t('3 a 64 caracteres: a-z, 0-9, punto, guion y guion bajo.')),
  field(t('Contraseña'), newPassword), h('small', { id: 'ayuda-contrasena' }, t('Al menos 10 caracteres.')),
  field(t('Nombre'), name), field(t('Zona horaria'), zone),
  h('button', { type: 'submit' }, t('Crear cuenta')), signUpStatus);

  main.replaceChildren(
    h('h1', {}, 'TiempoCheck'),
    h('div', { class: 'rejilla' },
      h('section', { class: 'tarjeta' }, h('h2', { id: 'titulo-entrar' }, t('Entrar')), signInForm),
      h('section', { class: 'tarjeta' }, h('h2', { id: 'titulo-crear' }, t('Crear cuenta')), h('p', {}, t('¿No tienes cuenta?')), signUpForm)));
}
