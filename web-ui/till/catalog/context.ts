import { createContext } from '@lit/context';
import type { CatalogCache } from './catalog-cache.js';

/** The till's catalog cache, provided by the till's root element to the selling screens. */
export const catalogCacheContext = createContext<CatalogCache | null>(Symbol('catalog-cache'));
