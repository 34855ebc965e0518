/**
 * Page code (run with inPage or page.evaluate) that resolves true once the till's IndexedDB catalog cache
 * holds the whole catalog: its stored feed position says complete.
 */
export const CATALOG_CACHE_COMPLETE = `new Promise((resolve) => {
  const open = indexedDB.open('store-hub-till-catalog');
  open.onerror = () => resolve(false);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('meta')) { db.close(); resolve(false); return; }
    const get = db.transaction('meta').objectStore('meta').get('position');
    get.onsuccess = () => { db.close(); resolve(get.result?.complete === true); };
    get.onerror = () => { db.close(); resolve(false); };
  };
})`;
