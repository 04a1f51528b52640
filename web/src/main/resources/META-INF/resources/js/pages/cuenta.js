// Dispositivos y cuenta: devices (last seen, revoke), a device token for this browser, export, erasure.
import { call, session } from '../api.js';
import { t } from '../i18n.js';
import { h, field, statusLine, say } from '../dom.js';
import { instant } from '../format.js';
import { go, routeName } from '../app.js';

export async function render(main, { account }) {
  const me = await account();
  const devices = await call('ingest', '/api/v1/dispositivos');
  const status = statusLine();
  const redraw = () => render(main, { account });

  const deviceTable = devices.length === 0 ? h('p', {}, t('Ningún dispositivo.')) : h('table', {},
    h('caption', { class: 'visualmente-oculto' }, t('Dispositivos')),
    h('thead', {}, h('tr', {}, [t('Nombre'), t('Creado'), t('Visto por última vez'), ''].map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, devices.map((d) => h('tr', { 'data-dispositivo': d.device_id },
      h('th', { scope: 'row' }, d.nombre), h('td', {}, instant(d.creado_en, me.tz)), h('td', {}, d.visto_en ? instant(d.visto_en, me.tz) : t('nunca')),
      h('td', {}, h('button', { type: 'button', class: 'peligro', 'aria-label': `${t('Revocar')} ${d.nombre}`, onclick: async () => {
        await call('ingest', `/api/v1/dispositivos/${encodeURIComponent(d.device_id)}`, { method: 'DELETE' });
        await redraw();
        say(main.querySelector('[role=status]'), t('Dispositivo revocado.'));
      } }, t('Revocar')))))));

  const tokenBox = h('div', { 'aria-live': 'polite' });
  const connect = h('button', { type: 'button', onclick: async () => {
    const created = await call('ingest', '/api/v1/dispositivos', { method: 'POST', body: { nombre: browserName() } });
    const copy = h('button', { type: 'button', class: 'secundario', onclick: async () => {
      await navigator.clipboard.writeText(created.token);
      say(status, t('Copiado.'));
    } }, t('Copiar'));
    tokenBox.replaceChildren(h('p', {}, t('Pega este token en las opciones de la extensión (solo se muestra ahora):')),
      h('p', { class: 'token', id: 'token-dispositivo' }, created.token), copy);
  } }, t('Conectar este navegador'));

  const exportButton = h('button', { type: 'button', class: 'secundario', onclick: async () => {
    const response = await call('ingest', '/api/v1/cuenta/exportar', { raw: true });
    const url = URL.createObjectURL(await response.blob());
    const link = h('a', { href: url, download: `tiempocheck-${me.usuario}.json` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } }, t('Exportar mis datos'));

  const password = h('input', { type: 'password', autocomplete: 'current-password', required: true });
  const eraseStatus = statusLine();
  const erase = h('form', { class: 'apilado', 'aria-labelledby': 'titulo-borrar', onsubmit: async (ev) => {
    ev.preventDefault();
    if (!window.confirm(t('¿Borrar la cuenta para siempre?'))) return;
    try {
      await call('ingest', '/api/v1/cuenta', { method: 'DELETE', body: { contrasena: password.value } });
      session.forget();
      go('entrar');
    } catch (e) { say(eraseStatus, t('Algo falló: {m}', { m: e.message }), true); }
  } }, h('p', {}, t('Borra tu cuenta y todos tus datos. No se puede deshacer.')), field(t('Contraseña actual'), password),
  h('button', { type: 'submit', class: 'peligro' }, t('Borrar mi cuenta')), eraseStatus);

  if (routeName() !== 'cuenta') return;
  main.replaceChildren(h('h1', {}, t('Dispositivos y cuenta')), status,
    h('section', { class: 'tarjeta', 'aria-labelledby': 'titulo-cuenta' }, h('h2', { id: 'titulo-cuenta' }, t('Tu cuenta')),
      h('dl', {}, h('dt', {}, t('Usuario')), h('dd', {}, me.usuario), h('dt', {}, t('Nombre')), h('dd', {}, me.nombre),
        h('dt', {}, t('Zona horaria')), h('dd', {}, me.tz)), exportButton),
    h('section', { class: 'tarjeta', 'aria-labelledby': 'titulo-disp' }, h('h2', { id: 'titulo-disp' }, t('Dispositivos')), deviceTable, connect, tokenBox),
    h('section', { class: 'tarjeta', 'aria-labelledby': 'titulo-borrar' }, h('h2', { id: 'titulo-borrar' }, t('Borrar mi cuenta')), erase));
}

function browserName() {
  const brand = navigator.userAgentData?.brands?.find((b) => !/Not/.test(b.brand))?.brand || 'Navegador';
  return `${brand} ${new Date().toISOString().slice(0, 10)}`;
}
