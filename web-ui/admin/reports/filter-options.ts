import type { HubApiClient } from '../../shared/api/client.js';
import { array, object, string } from '../../shared/api/decode.js';

/** A choice in a filter: a till, a staff member or a category. */
export interface Option {
  id: string;
  name: string;
}

export interface FilterOptions {
  tills: Option[];
  staff: Option[];
  categories: Option[];
}

async function names(api: HubApiClient, path: string, may: boolean): Promise<Option[]> {
  if (!may) return [];
  try {
    const o = object(await api.request(`${path}?limit=500`), path);
    return array(o, 'items', path)
      .map((v) => {
        const item = object(v, path);
        return { id: string(item, 'id', path), name: string(item, 'name', path) };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    // A list the manager may not read leaves that filter out; the reports still work without it.
    return [];
  }
}

/** The tills, staff and categories a manager can filter by (each only when the role may list it). */
export async function loadFilterOptions(
  api: HubApiClient,
  may: (permission: string) => boolean,
): Promise<FilterOptions> {
  const [tills, staff, categories] = await Promise.all([
    names(api, '/tills', may('tills.manage')),
    names(api, '/staff', may('staff.manage')),
    names(api, '/categories', true),
  ]);
  return { tills, staff, categories };
}
