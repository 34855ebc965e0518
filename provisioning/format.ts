/** Human-readable output for the technician CLI: short tables and key: value blocks, no JSON walls. */

export interface DeviceOut {
  id: string;
  kind: string;
  name: string;
  profileId: string;
  transport: Record<string, unknown> | null;
  tillId: string | null;
  role: string | null;
  status: string;
  credentialVersion: number;
  live: {
    online: boolean;
    lastSeenAt: string | null;
    status: string;
    errors: string[];
    counters: Record<string, number>;
  };
}

export interface TestOut {
  deviceId: string;
  action: string;
  sentTo: string;
  ok: boolean;
  data: Record<string, unknown> | null;
  error: { code: string; message: string } | null;
}

function transportText(t: Record<string, unknown> | null): string {
  if (t === null) return '(unreadable)';
  const { type, ...rest } = t;
  return `${String(type)} ${Object.entries(rest)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ')}`;
}

export function deviceTable(items: DeviceOut[], total: number): string {
  if (items.length === 0) return 'No devices.';
  const rows = items.map((d) => [
    d.id,
    d.kind,
    d.name,
    d.status,
    d.live.online ? 'online' : 'offline',
    d.role ?? '-',
    d.tillId ?? '-',
  ]);
  const header = ['ID', 'KIND', 'NAME', 'STATUS', 'LINK', 'ROLE', 'TILL'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line), `${items.length} of ${total} shown`].join('\n');
}

export function deviceBlock(d: DeviceOut): string {
  return [
    `Device      ${d.id}`,
    `Name        ${d.name}`,
    `Kind        ${d.kind} (profile ${d.profileId})`,
    `Transport   ${transportText(d.transport)}`,
    `Till/role   ${d.tillId === null ? 'unassigned' : `${d.tillId} as ${d.role ?? '?'}`}`,
    `Status      ${d.status}, credentials v${d.credentialVersion}`,
    `Live        ${d.live.online ? 'online' : 'offline'}, ${d.live.status}, last seen ${d.live.lastSeenAt ?? 'never'}`,
    ...(d.live.errors.length > 0 ? [`Errors      ${d.live.errors.join('; ')}`] : []),
  ].join('\n');
}

export function secretBlock(d: DeviceOut, secret: string): string {
  return [
    deviceBlock(d),
    '',
    'MQTT credentials (shown only now; store them in the device or its driver host):',
    `  username  ${d.id}`,
    `  password  ${secret}`,
  ].join('\n');
}

export function testLine(r: TestOut): string {
  const via = r.sentTo === r.deviceId ? '' : ` via ${r.sentTo}`;
  if (r.ok) {
    const data = r.data && Object.keys(r.data).length > 0 ? ` ${JSON.stringify(r.data)}` : '';
    return `Test ${r.action}${via}: OK${data}`;
  }
  return `Test ${r.action}${via}: FAILED ${r.error?.code ?? ''} ${r.error?.message ?? ''}`.trimEnd();
}
