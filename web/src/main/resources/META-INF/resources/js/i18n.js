// Spanish is the pages' language and the dictionary's key; English is the switch.
const LANG_KEY = 'tiempocheck.idioma';

const EN = {
  'Saltar al contenido': 'Skip to content', 'Resumen': 'Summary', 'Límites': 'Limits', 'Sugerencias': 'Suggestions',
  'Categorías': 'Categories', 'Dispositivos y cuenta': 'Devices and account', 'Idioma': 'Language', 'Salir': 'Sign out',
  'Avisos': 'Notices', 'Principal': 'Main',
  // Entrar / Crear cuenta
  'Entrar': 'Sign in', 'Crear cuenta': 'Create account', 'Usuario': 'Username', 'Contraseña': 'Password',
  'Nombre': 'Name', 'Zona horaria': 'Time zone', 'Usuario o contraseña incorrectos.': 'Wrong username or password.',
  'Demasiados intentos: espera {s} s y vuelve a probar.': 'Too many attempts: wait {s} s and try again.',
  'Esta cuenta está desactivada.': 'This account is disabled.', 'Cuenta creada: ya puedes entrar.': 'Account created: you can sign in now.',
  'El registro está cerrado en este servidor.': 'Sign-up is closed on this server.', 'Ese usuario ya existe.': 'That username is taken.',
  '3 a 64 caracteres: a-z, 0-9, punto, guion y guion bajo.': '3 to 64 characters: a-z, 0-9, dot, hyphen and underscore.',
  'Al menos 10 caracteres.': 'At least 10 characters.', '¿No tienes cuenta?': 'No account yet?',
  // Resumen
  'Hoy': 'Today', '7 días': '7 days', '30 días': '30 days', 'Total': 'Total', 'Personalizado': 'Custom',
  'Desde': 'From', 'Hasta': 'To', 'Aplicar': 'Apply', 'Rango': 'Range', 'Tiempo total': 'Total time',
  'frente al periodo anterior ({desde} – {hasta})': 'vs the previous period ({desde} – {hasta})',
  'Sin periodo anterior con el que comparar.': 'No previous period to compare with.',
  'Tiempo por categoría': 'Time by category', 'Sitios más usados': 'Top sites', 'Mostrar': 'Show',
  'Perfil por hora': 'Hourly profile', 'Día': 'Day', 'Totales diarios': 'Daily totals', 'Ver como tabla': 'Show as a table',
  'Categoría': 'Category', 'Tiempo': 'Time', 'Segundos': 'Seconds', 'Sitio': 'Site', 'Hora': 'Hour',
  'Aún no hay datos en este rango.': 'No data in this range yet.', 'Del {desde} al {hasta}': 'From {desde} to {hasta}',
  'Los totales diarios muestran los últimos {n} días del rango.': 'The daily totals show the range\'s last {n} days.',
  // Límites
  'Nuevo límite': 'New limit', 'Editar límite': 'Edit limit', 'Tipo': 'Type', 'Sitio web': 'Website',
  'Dominio': 'Domain', 'Minutos al día': 'Minutes a day', 'Aviso al (%)': 'Warning at (%)', 'Guardar': 'Save',
  'Cancelar': 'Cancel', 'Editar': 'Edit', 'Borrar': 'Delete', 'Tus límites': 'Your limits', 'Alertas de hoy': 'Today\'s alerts',
  'No tienes límites.': 'You have no limits.', 'Ninguna alerta hoy.': 'No alerts today.', 'Aceptar': 'Accept', 'Aceptada': 'Accepted',
  'Hoy: {uso} de {limite}': 'Today: {uso} of {limite}', 'Límite guardado.': 'Limit saved.', 'Límite borrado.': 'Limit deleted.',
  'exceso': 'over the limit', 'proximidad': 'close to the limit',
  '{objetivo}: {uso} de {limite} ({nivel})': '{objetivo}: {uso} of {limite} ({nivel})',
  'Uso de hoy de {objetivo}': 'Today\'s use of {objetivo}', '¿Borrar el límite de {objetivo}?': 'Delete the limit on {objetivo}?',
  // Sugerencias
  'Límite sugerido': 'Suggested limit', 'Meta sugerida': 'Suggested goal', '¿Cómo se calculó?': 'How was it calculated?',
  'Adoptar como límite': 'Adopt as a limit', 'Adoptado: límite de {t} al día.': 'Adopted: a limit of {t} a day.',
  'Ventana': 'Window', 'Días con datos': 'Days with data', 'Tope': 'Cap', 'sin tope': 'no cap', 'aplicado': 'applied', 'no aplicado': 'not applied',
  'días': 'days', 'Niveles': 'Tiers', '{min}+ días': '{min}+ days', '{min}–{max} días': '{min}–{max} days', 'Faltan {n} días con datos.': '{n} more days with data needed.',
  'insuficiente': 'insufficient', 'inicial': 'initial', 'confiable': 'reliable', 'consolidado': 'established',
  'Aún no hay sugerencias: usa el navegador unos días.': 'No suggestions yet: browse for a few days.',
  'Evaluar una política': 'Evaluate a policy', 'Días de la ventana': 'Window days', 'Base': 'Base',
  'media': 'mean', 'mediana': 'median', 'p75': '75th percentile',
  'Multiplicador de límites': 'Limit multiplier', 'Multiplicador de metas': 'Goal multiplier', 'Multiplicador de otras': 'Other multiplier',
  'Topes (minutos)': 'Caps (minutes)', 'Evaluar': 'Evaluate', 'Actual': 'Current', 'Propuesta': 'Proposed',
  'Días de exceso': 'Days over', 'Días de proximidad': 'Days close', 'Metas cumplidas': 'Goals met', 'Reducción pedida': 'Reduction asked',
  'Política actual frente a la propuesta, del {desde} al {hasta}': 'Current policy against the proposal, from {desde} to {hasta}',
  'Pronóstico de 7 días': '7-day forecast', 'Método': 'Method', 'Error (MAE)': 'Error (MAE)', 'sin validar': 'not validated',
  'modelo promovido': 'model promoted',
  // Categorías
  'Tus sitios': 'Your sites', 'Nueva categoría': 'New category', 'Crear': 'Create', 'Categoría de {d}': 'Category of {d}',
  'Categoría creada.': 'Category created.', '{d} ahora es {c}.': '{d} is now {c}.', 'No hay sitios todavía.': 'No sites yet.',
  'propia': 'own',
  // Cuenta
  'Tu cuenta': 'Your account', 'Dispositivos': 'Devices', 'Creado': 'Created', 'Visto por última vez': 'Last seen', 'Revocar': 'Revoke',
  'Conectar este navegador': 'Connect this browser', 'Pega este token en las opciones de la extensión (solo se muestra ahora):':
    'Paste this token in the extension\'s options (shown only now):', 'Exportar mis datos': 'Export my data',
  'Borrar mi cuenta': 'Delete my account', 'Borra tu cuenta y todos tus datos. No se puede deshacer.': 'Deletes your account and all your data. It cannot be undone.',
  'Contraseña actual': 'Current password', '¿Borrar la cuenta para siempre?': 'Delete the account for good?', 'Ningún dispositivo.': 'No devices.',
  'Dispositivo revocado.': 'Device revoked.', 'nunca': 'never', 'Copiar': 'Copy', 'Copiado.': 'Copied.',
  'Algo falló: {m}': 'Something went wrong: {m}', 'Cargando…': 'Loading…',
  // Panel de operación (/admin/*)
  'Operación': 'Operations', 'Panel de operación': 'Operator panel', 'Calidad de datos': 'Data quality', 'Salud': 'Health',
  'QA y reconstrucción': 'QA and rebuild', 'Usuarios': 'Users', 'Exportar': 'Export', 'Entrar como administrador': 'Sign in as administrator',
  'Token de administrador': 'Admin token', 'El de TIEMPOCHECK_ADMIN_TOKEN (localmente, .run/admin-token). Se guarda solo en esta pestaña.':
    'The one in TIEMPOCHECK_ADMIN_TOKEN (locally, .run/admin-token). Kept in this tab only.',
  'Token no válido: revisa que sea el token de administrador.': 'Invalid token: check that it is the admin token.',
  'Ese token es de un usuario, no de administrador: los servicios lo rechazan (403).': 'That is a user\'s token, not the admin token: the services refuse it (403).',
  'Este token no es de administrador: el servicio respondió 403. Entra con el token de administrador.':
    'This is not the admin token: the service answered 403. Sign in with the admin token.',
  'Ya hay una ejecución en curso: vuelve a probar en un momento.': 'A run is already in progress: try again in a moment.',
  'verde': 'green', 'amarillo': 'yellow', 'rojo': 'red', 'programado': 'scheduled', 'arranque': 'start-up', 'manual': 'manual',
  'ok': 'ok', 'degraded': 'degraded', 'down': 'down', 'error': 'error', 'en_curso': 'running',
  'Días-usuario con delta': 'User-days with a delta', 'Frescura de los eventos': 'Event freshness', 'Usuarios silenciosos': 'Silent users',
  'Retraso del consumidor': 'Consumer lag', 'Crecimiento de la cola de errores (DLQ)': 'Dead-letter topic growth',
  'Jobs fallidos o perdidos': 'Failed or missed jobs', 'Filas con un schema_ver antiguo': 'Rows on an older schema_ver',
  'Rechazos en la ingesta': 'Events rejected at ingest', 'Duplicados reenviados': 'Duplicates resent', 'Eventos fuera de rango': 'Events out of range',
  'Días de más de 24 h': 'Days over 24 h', 'Horas de más de 3600 s': 'Hours over 3600 s', 'Sitios con tiempo inusual': 'Sites with unusual time',
  'Tiempo sin categoría': 'Uncategorised time', 'QA': 'QA', 'Frescura': 'Freshness', 'Pipeline': 'Pipeline', 'Entrada': 'Input',
  'Plausibilidad': 'Plausibility', 'Cobertura': 'Coverage', 'Revisar y reconstruir': 'Check and rebuild', 'Ver la salud': 'See the health',
  'Asignar categorías': 'Assign categories', 'días-usuario': 'user-days', 'horas-usuario': 'user-hours', 'eventos': 'events',
  'filas': 'rows', 'ejecuciones': 'runs', 'sitios': 'sites', 'usuarios': 'users', 'Últimas 24 h de {c}: {n} ejecuciones, {r} en rojo': 'Last 24 h of {c}: {n} runs, {r} red',
  'Ejecutando los checks…': 'Running the checks…', 'Ejecución {id} terminada: {estado}.': 'Run {id} finished: {estado}.',
  'Ejecutar ahora': 'Run now', 'Aún no hay ejecuciones de qa_datos: pulsa «Ejecutar ahora».': 'No qa_datos run yet: press "Run now".',
  'Checks de la ejecución {id}': 'Checks of run {id}', 'Check': 'Check', 'Estado': 'State', 'Valor': 'Value', 'Umbrales': 'Thresholds',
  'Qué pasa y qué hacer': 'What is wrong and what to do', 'Últimas 24 h': 'Last 24 h', 'amarillo ≥ {a} · rojo ≥ {r}': 'yellow ≥ {a} · red ≥ {r}',
  'Detalle': 'Detail', 'sin historial': 'no history', 'Ejecución {id} ({disparo}), {inicio}, {ms} ms.': 'Run {id} ({disparo}), {inicio}, {ms} ms.',
  'Última ejecución': 'Latest run', 'Semáforos': 'Traffic lights',
  '{n} filas': '{n} rows', 'Jobs': 'Jobs', 'Job': 'Job', 'Última exitosa': 'Last success', 'Próxima': 'Next', 'Acción': 'Action',
  'Ejecutar {job}': 'Run {job}', 'Ejecutando {job}…': 'Running {job}…', '{job}: {r}': '{job}: {r}', 'Ejecutar': 'Run',
  'Retraso por partición': 'Lag per partition', 'Partición': 'Partition', 'Offset confirmado': 'Committed offset', 'Offset final': 'End offset',
  'Retraso': 'Lag', 'Sin datos del consumidor: {m}': 'No consumer data: {m}', 'Sin particiones asignadas.': 'No partitions assigned.',
  'Generado {m}.': 'Generated {m}.', 'Planificador': 'Scheduler', 'activo': 'active', 'detenido': 'stopped',
  'Retraso de los agregados': 'Aggregates\' lag', 'Antigüedad del último agregado': 'Age of the newest aggregate', 'Consumidor': 'Consumer',
  'Grupo {g} en {topic}: retraso total {n}.': 'Group {g} on {topic}: total lag {n}.',
  'Reconstrucción': 'Rebuild', 'usuario {u}': 'user {u}',
  'Del {desde} al {hasta}{u}: {d} días reconstruidos, {c} cambiados, {f} filas escritas, {ms} ms.':
    'From {desde} to {hasta}{u}: {d} days rebuilt, {c} changed, {f} rows written, {ms} ms.',
  'Antes: {a}. Después: {b}.': 'Before: {a}. After: {b}.', 'Días cambiados': 'Days changed', 'Segundos antes': 'Seconds before',
  'Segundos después': 'Seconds after', 'Filas antes': 'Rows before', 'Filas después': 'Rows after',
  'Ningún día cambió: ya coincidían con registro.': 'No day changed: they already matched registro.', 'Reconstruyendo…': 'Rebuilding…',
  'Usuario (opcional)': 'User (optional)', 'Revisar': 'Check', '¿Reconstruir del {desde} al {hasta} para todos los usuarios?':
    'Rebuild from {desde} to {hasta} for every user?', 'Reconstruir el rango de este usuario': 'Rebuild this user\'s range',
  'Reconstruir el rango': 'Rebuild the range', 'Ningún día-usuario con delta en este rango.': 'No user-day with a delta in this range.',
  'Horas (s)': 'Hours (s)', 'Día (s)': 'Day (s)', 'Registro (s)': 'Registro (s)', 'Δ horas–día': 'Δ hours–day', 'Δ día–registro': 'Δ day–registro', 'Δ horas–registro': 'Δ hours–registro',
  'Reconstruir el {dia} del usuario {u}': 'Rebuild {dia} of user {u}', 'Reconstruir': 'Rebuild', 'Vacío: todos los usuarios.': 'Empty: every user.',
  '{n} días-usuario revisados, {d} con delta; el mayor, {m} s ({ms} ms).': '{n} user-days checked, {d} with a delta; the largest, {m} s ({ms} ms).',
  'Usuario {id} creado.': 'User {id} created.', 'Id': 'Id', 'Desactivar a {u}': 'Disable {u}', 'Activar a {u}': 'Enable {u}',
  '{u} está activo otra vez.': '{u} is active again.', '{u} está desactivado: sus tokens dejan de valer en menos de un minuto.':
    '{u} is disabled: their tokens stop working within a minute.', 'Desactivar': 'Disable', 'Activar': 'Enable', 'desactivado': 'disabled',
  'Páginas de usuarios': 'User pages', 'Anterior': 'Previous', 'Siguiente': 'Next', 'Página {p} de {n} ({total} usuarios)': 'Page {p} of {n} ({total} users)',
  'Token del dispositivo de {id} (solo se muestra ahora):': 'Device token of {id} (shown only now):', 'Nuevo usuario': 'New user', 'Cuentas': 'Accounts',
  'Vacía: la zona por defecto del servidor.': 'Empty: the server\'s default zone.',
  '— elegir —': '— choose —', '{d} ahora es {c}: {h} filas horarias y {f} diarias recategorizadas.': '{d} is now {c}: {h} hourly and {f} daily rows re-categorised.',
  'Últimos {n} días': 'Last {n} days', 'Todo el tiempo de este periodo tiene categoría.': 'All the time in this period has a category.',
  'Sitios sin categoría': 'Uncategorised sites', 'Periodo': 'Period', 'Tabla global': 'Global table', 'Tabla global de categorías': 'Global category table',
  'Del {desde} al {hasta}, todos los usuarios. «Asignar» recategoriza al momento la historia de cada usuario, salvo la de quien eligió su propia categoría para el sitio.':
    'From {desde} to {hasta}, every user. "Assign" re-categorises every user\'s history at once, except for whoever chose their own category for the site.',
  'Asignar': 'Assign', 'Asignar la categoría de {d}': 'Assign the category of {d}',
  'Filtrar por sitio': 'Filter by site', '{n} sitios con categoría global.': '{n} sites with a global category.',
  'Descargar': 'Download', 'Preparando la exportación…': 'Preparing the export…', 'Descargado {f} ({n} bytes).': 'Downloaded {f} ({n} bytes).',
  'No se exporta: los datos no validan. {m}': 'Not exported: the data does not validate. {m}', 'Tabla': 'Table', 'Desde (opcional)': 'From (optional)',
  'Hasta (opcional)': 'To (optional)', 'Exportar el feature store': 'Export the feature store',
  'CSV comprimido con gzip, con cabecera y schema_ver; sin fechas, toda la historia. Se valida antes: si hay deltas, no se exporta.':
    'Gzipped CSV with a header and schema_ver; no dates, the whole history. Validated first: with deltas it is not exported.',
};

export function language() {
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'es';
}

export function setLanguage(lang) {
  localStorage.setItem(LANG_KEY, lang === 'en' ? 'en' : 'es');
  document.documentElement.lang = language();
}

/** The text in the current language, with {name} placeholders filled. */
export function t(spanish, vars = {}) {
  const text = language() === 'en' && EN[spanish] !== undefined ? EN[spanish] : spanish;
  return text.replace(/\{(\w+)\}/g, (_, k) => (vars[k] === undefined ? `{${k}}` : vars[k]));
}

/** Translates the static page's marked elements, keeping their Spanish as the key. */
export function translateStatic(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.dataset.es ??= el.textContent.trim();
    el.textContent = t(el.dataset.es);
  }
  for (const el of root.querySelectorAll('[data-i18n-label]')) {
    el.dataset.esLabel ??= el.getAttribute('aria-label');
    el.setAttribute('aria-label', t(el.dataset.esLabel));
  }
}
