import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../hub/config.js';

describe('hub configuration', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config.http.port).toBe(8080);
    expect(config.mqtt.port).toBe(1883);
    expect(config.demo).toBeUndefined();
    expect(config.explicitPorts).toEqual({ http: false, mqtt: false });
    expect(config.dbPath.endsWith(join('data', 'hub.db'))).toBe(true);
  });

  it('takes environment overrides and remembers which ports were explicit', () => {
    const config = loadConfig({
      HUB_HTTP_PORT: '9090',
      HUB_MQTT_PORT: '18830',
      HUB_DATA_DIR: '/tmp/x',
      HUB_DEMO: '0',
    });
    expect(config.http.port).toBe(9090);
    expect(config.mqtt.port).toBe(18830);
    expect(config.dataDir).toBe('/tmp/x');
    expect(config.demo).toBe(false);
    expect(config.explicitPorts).toEqual({ http: true, mqtt: true });
  });

  it('names the bad setting and its source', () => {
    expect(() => loadConfig({ HUB_HTTP_PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ HUB_HTTP_PORT: 'eighty' })).toThrow(/http\.port \(HUB_HTTP_PORT\)/);
    expect(() => loadConfig({ HUB_MQTT_PORT: '70000' })).toThrow(/mqtt\.port \(HUB_MQTT_PORT\)/);
    expect(() => loadConfig({ HUB_DEMO: 'maybe' })).toThrow(/demo \(HUB_DEMO\)/);
    expect(() => loadConfig({ HUB_COUNTRY: 'denmark' })).toThrow(/country \(HUB_COUNTRY\)/);
  });

  it('reads a JSON config file and lets the environment win', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-config-'));
    const file = join(dir, 'hub.json');
    writeFileSync(file, JSON.stringify({ http: { port: 8181 }, storeId: 'shop-1', country: 'FI' }));
    const fromFile = loadConfig({ HUB_CONFIG: file });
    expect(fromFile.http.port).toBe(8181);
    expect(fromFile.explicitPorts.http).toBe(true);
    expect(fromFile.storeId).toBe('shop-1');
    expect(loadConfig({ HUB_CONFIG: file, HUB_HTTP_PORT: '8282' }).http.port).toBe(8282);
  });

  it('refuses unknown keys and unreadable files with a clear message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-config-'));
    const typo = join(dir, 'typo.json');
    writeFileSync(typo, JSON.stringify({ htpp: { port: 1 } }));
    expect(() => loadConfig({ HUB_CONFIG: typo })).toThrow(/htpp|Unrecognized/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ not json');
    expect(() => loadConfig({ HUB_CONFIG: broken })).toThrow(/not valid JSON/);
    expect(() => loadConfig({ HUB_CONFIG: join(dir, 'missing.json') })).toThrow(/cannot read/);
  });
});
