import type { HubApiClient } from '../../shared/api/client.js';
import { array, integer, object, optionalString, string } from '../../shared/api/decode.js';
import { decodePage, type Page } from '../components/paged-list.js';

/** The admin's calls for staff records and roles (/staff, /roles). */

export interface StaffRow {
  id: string;
  name: string;
  roleId: string;
  roleName: string;
  login: string | null;
  active: boolean;
  hasPin: boolean;
  hasPassword: boolean;
  lockedUntil: string | null;
}

export interface RoleRow {
  id: string;
  name: string;
  permissions: string[];
  discountLimitBp: number;
  builtin: boolean;
}

export interface StaffInput {
  name: string;
  roleId: string;
  login: string | null;
  active?: boolean;
  pin?: string;
  password?: string;
}

export interface RoleInput {
  name: string;
  permissions: string[];
  discountLimitBp: number;
}

function decodeStaff(value: unknown): StaffRow {
  const o = object(value, 'staff');
  return {
    id: string(o, 'id', 'staff'),
    name: string(o, 'name', 'staff'),
    roleId: string(o, 'roleId', 'staff'),
    roleName: string(o, 'roleName', 'staff'),
    login: optionalString(o, 'login', 'staff'),
    active: o.active === true,
    hasPin: o.hasPin === true,
    hasPassword: o.hasPassword === true,
    lockedUntil: optionalString(o, 'lockedUntil', 'staff'),
  };
}

function decodeRole(value: unknown): RoleRow {
  const o = object(value, 'role');
  return {
    id: string(o, 'id', 'role'),
    name: string(o, 'name', 'role'),
    permissions: array(o, 'permissions', 'role').filter((p): p is string => typeof p === 'string'),
    discountLimitBp: integer(o, 'discountLimitBp', 'role'),
    builtin: o.builtin === true,
  };
}

const path = (base: string, id: string, rest = '') => `${base}/${encodeURIComponent(id)}${rest}`;

export async function listStaff(
  api: HubApiClient,
  limit: number,
  offset: number,
  includeInactive: boolean,
  signal?: AbortSignal,
): Promise<Page<StaffRow>> {
  const query = `limit=${limit}&offset=${offset}${includeInactive ? '&includeInactive=true' : ''}`;
  return decodePage(await api.request(`/staff?${query}`, signal ? { signal } : {}), decodeStaff, 'staff');
}

export async function getStaff(api: HubApiClient, id: string): Promise<StaffRow> {
  return decodeStaff(await api.request(path('/staff', id)));
}

export async function createStaff(api: HubApiClient, input: StaffInput & { id: string }): Promise<StaffRow> {
  return decodeStaff(await api.request('/staff', { method: 'POST', body: input }));
}

export async function updateStaff(api: HubApiClient, id: string, input: StaffInput): Promise<StaffRow> {
  return decodeStaff(await api.request(path('/staff', id), { method: 'PATCH', body: input }));
}

export async function resetPin(api: HubApiClient, id: string, pin: string): Promise<StaffRow> {
  return decodeStaff(await api.request(path('/staff', id, '/pin'), { method: 'PUT', body: { pin } }));
}

export async function resetPassword(api: HubApiClient, id: string, password: string): Promise<StaffRow> {
  return decodeStaff(
    await api.request(path('/staff', id, '/password'), { method: 'PUT', body: { password } }),
  );
}

/** Every role: a store keeps a handful, so one page of 500 holds them all. */
export async function listRoles(api: HubApiClient, signal?: AbortSignal): Promise<RoleRow[]> {
  const page = decodePage(
    await api.request('/roles?limit=500', signal ? { signal } : {}),
    decodeRole,
    'roles',
  );
  return page.items;
}

export async function createRole(api: HubApiClient, input: RoleInput & { id: string }): Promise<RoleRow> {
  return decodeRole(await api.request('/roles', { method: 'POST', body: input }));
}

export async function updateRole(api: HubApiClient, id: string, input: Partial<RoleInput>): Promise<RoleRow> {
  return decodeRole(await api.request(path('/roles', id), { method: 'PATCH', body: input }));
}

export async function deleteRole(api: HubApiClient, id: string): Promise<void> {
  await api.request(path('/roles', id), { method: 'DELETE' });
}
