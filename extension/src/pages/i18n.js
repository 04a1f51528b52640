// Fills the page's texts from _locales: data-i18n sets textContent, data-i18n-placeholder and
// data-i18n-title set those attributes.

export const t = (key, substitutions) => chrome.i18n.getMessage(key, substitutions) || key;

export function translatePage(root = document) {
  document.documentElement.lang = chrome.i18n.getUILanguage().split('-')[0];
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
}

/** A date-time in the user's words, e.g. "27 nov 2026, 10:04". */
export function when(ms) {
  return ms ? new Date(ms).toLocaleString(chrome.i18n.getUILanguage(), { dateStyle: 'medium', timeStyle: 'short' }) : '—';
}
