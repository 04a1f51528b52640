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
