import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { bindPort, PortInUseError } from '../../hub/net/listen.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

function server(): Server {
  const s = createServer();
  servers.push(s);
  return s;
}

describe('binding a port', () => {
  it('names the setting when the port is taken and may not move', async () => {
    const holder = await bindPort(server(), {
      setting: 'HUB_HTTP_PORT',
      host: '127.0.0.1',
      port: 0,
      mayMove: false,
    });
    const attempt = bindPort(server(), {
      setting: 'HUB_HTTP_PORT',
      host: '127.0.0.1',
      port: holder.port,
      mayMove: false,
    });
    await expect(attempt).rejects.toBeInstanceOf(PortInUseError);
    await expect(attempt).rejects.toThrow(`HUB_HTTP_PORT: port ${holder.port} is already in use`);
  });

  it('moves a taken default port to a free one in the demo and says from where', async () => {
    const holder = await bindPort(server(), {
      setting: 'HUB_MQTT_PORT',
      host: '127.0.0.1',
      port: 0,
      mayMove: false,
    });
    const moved = await bindPort(server(), {
      setting: 'HUB_MQTT_PORT',
      host: '127.0.0.1',
      port: holder.port,
      mayMove: true,
    });
    expect(moved.movedFrom).toBe(holder.port);
    expect(moved.port).not.toBe(holder.port);
    expect(moved.port).toBeGreaterThan(0);
  });
});
