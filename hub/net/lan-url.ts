import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

// Virtual bridges of containers and VMs: a phone on the store Wi-Fi cannot reach them.
const VIRTUAL = /^(docker|br-|veth|virbr|vmnet|vboxnet|tun|tap|zt|wg)/;

/**
 * The hub's address as a phone on the same network would type it: the host the HTTP server is bound to
 * when it is one address, else the first LAN IPv4 address of a physical interface, else localhost.
 */
export function lanBaseUrl(
  boundHost: string,
  port: number,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string {
  if (boundHost !== '0.0.0.0' && boundHost !== '::' && boundHost !== '') {
    return `http://${boundHost.includes(':') ? `[${boundHost}]` : boundHost}:${port}`;
  }
  for (const [name, addresses] of Object.entries(interfaces)) {
    if (VIRTUAL.test(name)) continue;
    const lan = addresses?.find((a) => a.family === 'IPv4' && !a.internal);
    if (lan) return `http://${lan.address}:${port}`;
  }
  return `http://localhost:${port}`;
}
