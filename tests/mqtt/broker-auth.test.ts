import { connect as netConnect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startBroker } from '../../hub/mqtt/broker.js';
import {
  DEVICE_A,
  DEVICE_B,
  FakeDirectory,
  STORE,
  TILL,
  connectTcp,
  connectWs,
  device,
  eventually,
  runMosquitto,
  startTestBroker,
  testBrokerPerTest,
  till,
} from './support.js';
import { EventBus } from '../../hub/events/event-bus.js';

const t = testBrokerPerTest();

const refusalCode = (error: unknown) => (error as { code?: number }).code;

describe('who may connect', () => {
  it('accepts a device over TCP and a till over WebSocket with their credentials', async () => {
    const dev = await connectTcp(t, device(DEVICE_A, 'secret-a'));
    const tl = await connectWs(t, till(TILL, 'till-token'));
    expect(dev.connected && tl.connected).toBe(true);
    await eventually(() => t.broker.stats().connections.device === 1);
    expect(t.broker.stats().connections).toEqual({ device: 1, till: 1, display: 0 });
  });

  it('refuses an unknown client, a wrong secret and no credentials, and logs without the password', async () => {
    const unknown = connectTcp(t, device('ghost-1', 'whatever'));
    await expect(unknown).rejects.toSatisfy((e) => refusalCode(e) === 4);
    const wrong = connectWs(t, till(TILL, 'not-the-token'));
    await expect(wrong).rejects.toSatisfy((e) => refusalCode(e) === 4);
    const anonymous = connectTcp(t, { clientId: 'anon' });
    await expect(anonymous).rejects.toSatisfy((e) => refusalCode(e) === 4);

    const refused = t.broker.stats().refusedConnections;
    expect(refused.total).toBe(3);
    expect(refused.byReason).toEqual({ bad_credentials: 2, no_credentials: 1 });
    const text = JSON.stringify(t.logs);
    expect(text).toContain('ghost-1');
    expect(text).not.toContain('whatever');
    expect(text).not.toContain('not-the-token');
  });

  it('refuses a device whose client id is not its device id, so it cannot take over another', async () => {
    const other = await connectTcp(t, device(DEVICE_B, 'secret-b'));
    const impostor = connectTcp(t, { ...device(DEVICE_A, 'secret-a'), clientId: DEVICE_B });
    await expect(impostor).rejects.toSatisfy((e) => refusalCode(e) === 2);
    expect(other.connected).toBe(true);
    expect(t.broker.stats().refusedConnections.byReason).toEqual({ client_id_mismatch: 1 });
  });

  it('refuses mosquitto_sub with bad credentials (an independent client)', async () => {
    const run = await runMosquitto('mosquitto_sub', [
      ...['-h', '127.0.0.1', '-p', String(t.broker.port), '-V', 'mqttv311'],
      ...['-i', DEVICE_A, '-u', DEVICE_A, '-P', 'wrong', '-t', `pos/${STORE}/devices/${DEVICE_A}/cmd`],
      ...['-W', '3'],
    ]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/not authori[sz]ed|bad user name or password/i);
  });

  it('cuts off every connection of a revoked till at once, and the revoked token is refused after', async () => {
    const tab = await connectWs(t, till(TILL, 'till-token', 'till'));
    const display = await connectWs(t, till(TILL, 'till-token', 'display'));
    const dev = await connectTcp(t, device(DEVICE_A, 'secret-a'));
    t.directory.tills.delete(TILL);
    t.bus.emit({ name: 'till.revoked', payload: { tillId: TILL } });
    await eventually(() => !tab.connected && !display.connected);
    expect(dev.connected).toBe(true);
    await expect(connectWs(t, till(TILL, 'till-token'))).rejects.toSatisfy((e) => refusalCode(e) === 4);
  });

  it('disconnects a device through BrokerControl when its secret is rotated', async () => {
    const dev = await connectTcp(t, device(DEVICE_A, 'secret-a'));
    t.directory.devices.set(DEVICE_A, 'secret-a2');
    t.broker.control.disconnect('device', DEVICE_A);
    await eventually(() => !dev.connected);
    const again = await connectTcp(t, device(DEVICE_A, 'secret-a2'));
    expect(again.connected).toBe(true);
  });

  it('refuses an authentication that was in flight when the credential was revoked', async () => {
    const gate: { release?: (ok: boolean) => void } = {};
    t.directory.authenticateDevice = () =>
      new Promise<boolean>((resolve) => {
        gate.release = resolve;
      });
    const pending = connectTcp(t, device(DEVICE_A, 'secret-a'));
    await eventually(() => gate.release !== undefined);
    t.broker.control.disconnect('device', DEVICE_A);
    gate.release?.(true);
    await expect(pending).rejects.toSatisfy((e) => refusalCode(e) === 5);
  });
});

describe('connection limits', () => {
  it('cuts off an address after N connection attempts a minute, before credentials are checked', async () => {
    const limited = await startTestBroker({ maxConnectAttemptsPerMinutePerAddress: 3 });
    try {
      for (let i = 0; i < 3; i++) {
        const ok = await connectTcp(limited, device(DEVICE_A, 'secret-a'));
        await ok.endAsync();
      }
      await expect(connectTcp(limited, device(DEVICE_A, 'secret-a'))).rejects.toThrow();
      const stats = limited.broker.stats().rateLimited;
      expect(stats.total).toBe(1);
      expect(stats.byAddress['127.0.0.1']).toBe(1);
    } finally {
      await limited.close();
    }
  });

  it('refuses WebSocket upgrades on other paths', async () => {
    const socket = netConnect(t.httpPort, '127.0.0.1');
    const answer = await new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.write(
        'GET /other HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
      );
    });
    expect(answer).toMatch(/^HTTP\/1.1 404/);
  });

  it('names HUB_MQTT_PORT when the port is taken', async () => {
    const bus = new EventBus();
    const start = startBroker({
      storeId: STORE,
      host: '127.0.0.1',
      port: t.broker.port,
      mayMove: false,
      directory: new FakeDirectory(bus),
      bus,
      log: () => undefined,
      version: '0.1.0',
      startedAt: '2026-06-01T09:00:00.000Z',
    });
    await expect(start).rejects.toThrow(`HUB_MQTT_PORT: port ${t.broker.port} is already in use`);
  });
});
