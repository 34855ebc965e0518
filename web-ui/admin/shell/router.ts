import type { TemplateResult } from 'lit';

/** The menu's sections, in the order the menu shows them. */
export const NAV_GROUPS = [
  'overview',
  'catalog',
  'stock',
  'customers',
  'marketing',
  'staff',
  'reports',
  'store',
] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

/**
 * One admin page. Each area declares its pages in `admin/<area>/routes.ts` (exporting `routes`); the
 * shell finds them all, so adding an area touches no shared file. A page is a custom element, loaded
 * the first time it is opened, given `params` (from `:name` segments of its path) and `query`.
 */
export interface AdminRoute {
  /** Below /admin, with `:name` segments: '/products/:id'. */
  path: string;
  group: NavGroup;
  /** The page's title, translated (a msg() call). */
  title: () => string;
  /** Listed in the menu, in this order within its group; pages reached from another page leave it out. */
  navOrder?: number;
  /** The permission the hub asks for this page's data; null when every admin may open it. */
  permission: string | null;
  /** The page's custom element. */
  tag: string;
  load: () => Promise<unknown>;
  /** An icon for the menu: a small inline SVG. */
  icon?: () => TemplateResult;
}

export interface RouteMatch {
  route: AdminRoute;
  params: Readonly<Record<string, string>>;
}

export const ADMIN_BASE = '/admin';

function segments(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

/** The route for a path below /admin (without the base), or null. Literal segments beat parameters. */
export function matchRoute(routes: readonly AdminRoute[], path: string): RouteMatch | null {
  const wanted = segments(path);
  let best: { match: RouteMatch; literals: number } | null = null;
  for (const route of routes) {
    const pattern = segments(route.path);
    if (pattern.length !== wanted.length) continue;
    const params: Record<string, string> = {};
    let literals = 0;
    let ok = true;
    for (const [i, part] of pattern.entries()) {
      const value = wanted[i] ?? '';
      if (part.startsWith(':')) {
        try {
          params[part.slice(1)] = decodeURIComponent(value);
        } catch {
          ok = false;
          break;
        }
      } else if (part === value) {
        literals += 1;
      } else {
        ok = false;
        break;
      }
    }
    if (ok && (best === null || literals > best.literals)) best = { match: { route, params }, literals };
  }
  return best?.match ?? null;
}

/** The path below /admin of a location's pathname, or null when it is not an admin address. */
export function adminPath(pathname: string): string | null {
  if (pathname === ADMIN_BASE) return '/';
  if (!pathname.startsWith(`${ADMIN_BASE}/`)) return null;
  const rest = pathname.slice(ADMIN_BASE.length);
  return rest.length > 1 && rest.endsWith('/') ? rest.slice(0, -1) : rest;
}

/** The full address of an admin page: adminHref('/products', {q: 'milk'}) is '/admin/products?q=milk'. */
export function adminHref(path: string, query: Readonly<Record<string, string>> = {}): string {
  const search = new URLSearchParams(query).toString();
  const base = path === '/' ? `${ADMIN_BASE}/` : `${ADMIN_BASE}${path}`;
  return search === '' ? base : `${base}?${search}`;
}

/** The menu: the pages that are listed and that this manager may open, by group then order. */
export function menu(
  routes: readonly AdminRoute[],
  may: (permission: string | null) => boolean,
): { group: NavGroup; routes: AdminRoute[] }[] {
  return NAV_GROUPS.map((group) => ({
    group,
    routes: routes
      .filter((r) => r.group === group && r.navOrder !== undefined && may(r.permission))
      .sort((a, b) => (a.navOrder ?? 0) - (b.navOrder ?? 0)),
  })).filter((g) => g.routes.length > 0);
}
