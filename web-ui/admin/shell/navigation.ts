import { ADMIN_BASE } from './router.js';

/**
 * Moves between admin pages without reloading: the History API, then a popstate so the shell (which
 * listens for it, as for the browser's back and forward) shows the page. Filters live in the address's
 * query, so a reload or a shared link shows the same list.
 */
export function navigate(href: string, options: { replace?: boolean } = {}): void {
  if (options.replace === true) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** Replaces the current address's query (empty values are dropped), keeping the page. */
export function setQuery(values: Readonly<Record<string, string | number | null | undefined>>): void {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== null && value !== undefined && String(value) !== '') query.set(key, String(value));
  }
  const search = query.toString();
  navigate(`${location.pathname}${search === '' ? '' : `?${search}`}`, { replace: true });
}

/**
 * For a click anywhere in the app: the admin address an ordinary left click on a link goes to, or null
 * when the browser should handle it (another site, a new tab, a download).
 */
export function inAppLink(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = event.composedPath().find((t): t is HTMLAnchorElement => t instanceof HTMLAnchorElement);
  if (!anchor || anchor.target !== '' || anchor.hasAttribute('download')) return null;
  const url = new URL(anchor.href, location.href);
  if (url.origin !== location.origin) return null;
  if (url.pathname !== ADMIN_BASE && !url.pathname.startsWith(`${ADMIN_BASE}/`)) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
