// Usuarios (/admin/usuarios): ingest-service's accounts, a page at a time, created and disabled or enabled
// with the same admin API as the command line (POST, GET, PATCH {"activo"} on /admin/api/usuarios).
import { t } from '../i18n.js';
import { h, field, statusLine, say } from '../dom.js';
import { instant, number } from '../format.js';
import { admin, refusal, routeName } from './app.js';

const PAGE_SIZE = 20;

export async function render(main, { page = null, message = null, created = null } = {}) {
  const wanted = page ?? Math.max(1, Number(new URLSearchParams(location.search).get('pagina')) || 1);
  const list = await admin('ingest', `/admin/api/usuarios?pagina=${wanted}&tamano=${PAGE_SIZE}`);
  const pages = Math.max(1, Math.ceil(list.total / list.tamano));
  const status = statusLine();
  if (message) say(status, message);
  const redraw = (options) => render(main, { page: list.pagina, ...options });
  const goPage = (n) => { history.replaceState(null, '', `/admin/usuarios?pagina=${n}`); render(main, { page: n }); };

  const name = h('input', { name: 'nombre', maxlength: 100, required: true });
  const zone = h('input', { name: 'tz', placeholder: 'America/Mexico_City', 'aria-describedby': 'ayuda-zona' });
  const form = h('form', { class: 'fila', 'aria-labelledby': 'titulo-nuevo', onsubmit: async (ev) => {
    ev.preventDefault();
    try {
      const answer = await admin('ingest', '/admin/api/usuarios', { method: 'POST', body: { nombre: name.value.trim(), tz: zone.value.trim() || undefined } });
      // The list is by id: the new account is on the last page, shown with it.
      const { total } = await admin('ingest', '/admin/api/usuarios?pagina=1&tamano=1');
      await redraw({ page: Math.max(1, Math.ceil(total / PAGE_SIZE)), created: answer, message: t('Usuario {id} creado.', { id: answer.usuario_id }) });
    } catch (e) { say(status, refusal(e), true); }
  } }, field(t('Nombre'), name), field(t('Zona horaria'), zone), h('button', { type: 'submit' }, t('Crear')));

  const table = h('table', { id: 'usuarios' }, h('caption', { class: 'visualmente-oculto' }, t('Usuarios')),
    h('thead', {}, h('tr', {}, [t('Id'), t('Usuario'), t('Nombre'), t('Zona horaria'), t('Creado'), t('Estado'), t('Acción')]
      .map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, list.usuarios.map((u) => {
      const label = u.usuario || u.nombre || `#${u.usuario_id}`;
      const toggle = h('button', { type: 'button', class: u.activo ? 'peligro' : undefined,
        'aria-label': u.activo ? t('Desactivar a {u}', { u: label }) : t('Activar a {u}', { u: label }), onclick: async () => {
          toggle.disabled = true;
          try {
            const changed = await admin('ingest', `/admin/api/usuarios/${u.usuario_id}`, { method: 'PATCH', body: { activo: !u.activo } });
            await redraw({ message: changed.activo ? t('{u} está activo otra vez.', { u: label }) : t('{u} está desactivado: sus tokens dejan de valer en menos de un minuto.', { u: label }) });
          } catch (e) { say(status, refusal(e), true); toggle.disabled = false; }
        } }, u.activo ? t('Desactivar') : t('Activar'));
      return h('tr', { 'data-usuario': u.usuario_id }, h('th', { scope: 'row' }, String(u.usuario_id)), h('td', {}, u.usuario || '—'),
        h('td', {}, u.nombre || '—'), h('td', {}, u.tz), h('td', {}, instant(u.creado_en)),
        h('td', { 'data-activo': String(u.activo) }, u.activo ? t('activo') : t('desactivado')), h('td', {}, toggle));
    })));

  const pager = h('nav', { class: 'fila', 'aria-label': t('Páginas de usuarios') },
    h('button', { type: 'button', class: 'secundario', disabled: list.pagina <= 1, onclick: () => goPage(list.pagina - 1) }, t('Anterior')),
    h('span', {}, t('Página {p} de {n} ({total} usuarios)', { p: number(list.pagina), n: number(pages), total: number(list.total) })),
    h('button', { type: 'button', class: 'secundario', disabled: list.pagina >= pages, onclick: () => goPage(list.pagina + 1) }, t('Siguiente')));

  const token = created ? h('div', { class: 'popover', id: 'usuario-creado' },
    h('p', {}, t('Token del dispositivo de {id} (solo se muestra ahora):', { id: created.usuario_id })),
    h('p', { class: 'token', id: 'token-creado' }, created.token)) : null;

  if (routeName() !== 'usuarios') return;
  main.replaceChildren(h('h1', {}, t('Usuarios')),
    h('section', { class: 'tarjeta', 'aria-labelledby': 'titulo-nuevo' }, h('h2', { id: 'titulo-nuevo' }, t('Nuevo usuario')), form,
      h('small', { id: 'ayuda-zona' }, t('Vacía: la zona por defecto del servidor.')), token, status),
    h('section', { class: 'tarjeta', 'aria-labelledby': 'titulo-lista' }, h('h2', { id: 'titulo-lista' }, t('Cuentas')), table, pager));
}
