import type { HubApiClient } from '../../shared/api/client.js';
import { array, integer, object, oneOf, optionalString, string } from '../../shared/api/decode.js';
import { decodePage, type Page } from '../components/paged-list.js';

export interface SampleRow {
  row: number;
  sku: string;
  name: string | null;
  priceMinor: number | null;
  action: 'create' | 'update';
}

export interface CatalogImport {
  id: string;
  fileName: string;
  status: 'uploading' | 'checking' | 'checked' | 'importing' | 'done' | 'failed';
  bytes: number;
  totalRows: number;
  validRows: number;
  errorRows: number;
  processedRows: number;
  createdProducts: number;
  updatedProducts: number;
  sample: SampleRow[];
  message: string | null;
}

export interface RowError {
  row: number;
  column: string | null;
  message: string;
}

/** Bytes per upload piece: base64 in JSON stays under the hub's 1 MiB body limit. */
export const UPLOAD_PIECE_BYTES = 512 * 1024;

function decodeImport(value: unknown): CatalogImport {
  const o = object(value, 'import');
  return {
    id: string(o, 'id', 'import'),
    fileName: string(o, 'fileName', 'import'),
    status: oneOf(o, 'status', ['uploading', 'checking', 'checked', 'importing', 'done', 'failed'], 'import'),
    bytes: integer(o, 'bytes', 'import'),
    totalRows: integer(o, 'totalRows', 'import'),
    validRows: integer(o, 'validRows', 'import'),
    errorRows: integer(o, 'errorRows', 'import'),
    processedRows: integer(o, 'processedRows', 'import'),
    createdProducts: integer(o, 'createdProducts', 'import'),
    updatedProducts: integer(o, 'updatedProducts', 'import'),
    sample: array(o, 'sample', 'import').map((s) => {
      const r = object(s, 'sample row');
      return {
        row: integer(r, 'row', 'sample row'),
        sku: string(r, 'sku', 'sample row'),
        name: optionalString(r, 'name', 'sample row'),
        priceMinor: typeof r.priceMinor === 'number' ? r.priceMinor : null,
        action: oneOf(r, 'action', ['create', 'update'], 'sample row'),
      };
    }),
    message: optionalString(o, 'message', 'import'),
  };
}

function decodeRowError(value: unknown): RowError {
  const o = object(value, 'row error');
  return {
    row: integer(o, 'row', 'row error'),
    column: optionalString(o, 'column', 'row error'),
    message: string(o, 'message', 'row error'),
  };
}

export async function startImport(api: HubApiClient, id: string, fileName: string): Promise<CatalogImport> {
  return decodeImport(await api.request('/catalog-imports', { method: 'POST', body: { id, fileName } }));
}

export async function getImport(api: HubApiClient, id: string): Promise<CatalogImport> {
  return decodeImport(await api.request(`/catalog-imports/${encodeURIComponent(id)}`));
}

/** Base64 of bytes, built in slices (a spread of half a megabyte would overflow the call stack). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Sends the file a piece at a time; `onProgress` hears the bytes the hub has. */
export async function uploadFile(
  api: HubApiClient,
  id: string,
  file: Blob,
  onProgress: (bytes: number) => void,
): Promise<CatalogImport> {
  let job = await getImport(api, id);
  for (let offset = job.bytes; offset < file.size; offset += UPLOAD_PIECE_BYTES) {
    const piece = new Uint8Array(await file.slice(offset, offset + UPLOAD_PIECE_BYTES).arrayBuffer());
    job = decodeImport(
      await api.request(`/catalog-imports/${encodeURIComponent(id)}/file`, {
        method: 'PUT',
        body: { offset, dataBase64: toBase64(piece) },
        timeoutMs: 60_000,
      }),
    );
    onProgress(job.bytes);
  }
  return job;
}

export async function checkImport(api: HubApiClient, id: string): Promise<CatalogImport> {
  return decodeImport(
    await api.request(`/catalog-imports/${encodeURIComponent(id)}/check`, { method: 'POST' }),
  );
}

export async function commitImport(
  api: HubApiClient,
  id: string,
  mode: 'all' | 'valid_only',
): Promise<CatalogImport> {
  return decodeImport(
    await api.request(`/catalog-imports/${encodeURIComponent(id)}/commit`, {
      method: 'POST',
      body: { mode },
    }),
  );
}

export async function importErrors(
  api: HubApiClient,
  id: string,
  limit: number,
  offset: number,
  signal?: AbortSignal,
): Promise<Page<RowError>> {
  return decodePage(
    await api.request(
      `/catalog-imports/${encodeURIComponent(id)}/errors?limit=${limit}&offset=${offset}`,
      signal ? { signal } : {},
    ),
    decodeRowError,
    'row errors',
  );
}
