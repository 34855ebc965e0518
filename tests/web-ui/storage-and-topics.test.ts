import { describe, expect, it } from 'vitest';
import { topics } from '../../hub/contract/mqtt.js';
import { mqttUrlFor, topicMatches } from '../../web-ui/shared/mqtt/hub-mqtt.js';
import { tillTopics } from '../../web-ui/shared/mqtt/topics.js';
import { TillStorage } from '../../web-ui/shared/storage/till-storage.js';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

describe('what a till remembers', () => {
  it('keeps the credentials and the language, and forgets them when told', () => {
    const backing = memoryStorage();
    const storage = new TillStorage(backing);
    expect(storage.credentials).toBeNull();
    storage.credentials = { tillId: 't1', token: 'secret', name: 'Front' };
    storage.rememberLocale('zh-Hant-TW');
    const again = new TillStorage(backing);
    expect(again.credentials).toEqual({ tillId: 't1', token: 'secret', name: 'Front' });
    expect(again.locale).toBe('zh-Hant-TW');
    again.credentials = null;
    expect(new TillStorage(backing).credentials).toBeNull();
  });

  it('ignores a damaged or foreign value instead of crashing the till', () => {
    const backing = memoryStorage();
    backing.map.set('store-hub.till.credentials', '{not json');
    backing.map.set('store-hub.till.pairing', JSON.stringify({ tillId: 1 }));
    const storage = new TillStorage(backing);
    expect(storage.credentials).toBeNull();
    expect(storage.pendingPairing).toBeNull();
  });
});

describe('MQTT topics and address', () => {
  it('builds the same till topics as the contract', () => {
    expect(tillTopics.events('store', 'abc')).toBe(topics.tillEvents('store', 'abc'));
    expect(tillTopics.cart('store', 'abc')).toBe(topics.tillCart('store', 'abc'));
    expect(tillTopics.domainEvent('store', 'catalog.changed')).toBe(
      topics.domainEvent('store', 'catalog.changed'),
    );
  });

  it('matches wildcards the way the broker does', () => {
    expect(topicMatches('pos/s/tills/t/#', 'pos/s/tills/t/events')).toBe(true);
    expect(topicMatches('pos/s/devices/+/state', 'pos/s/devices/d1/state')).toBe(true);
    expect(topicMatches('pos/s/devices/+/state', 'pos/s/devices/d1/event')).toBe(false);
    expect(topicMatches('pos/s/tills/t/events', 'pos/s/tills/t')).toBe(false);
  });

  it('uses the page origin, wss on https', () => {
    expect(mqttUrlFor({ protocol: 'http:', host: 'hub.local:8080' })).toBe('ws://hub.local:8080/mqtt');
    expect(mqttUrlFor({ protocol: 'https:', host: 'hub.local' })).toBe('wss://hub.local/mqtt');
  });
});
