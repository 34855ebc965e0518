/// <reference types="vite/client" />
import type { AdminRoute } from './router.js';

// Every area's routes.ts, found at build time: an area adds pages without touching the shell.
const AREAS = import.meta.glob<{ routes: readonly AdminRoute[] }>('../*/routes.ts', { eager: true });

export const ADMIN_ROUTES: readonly AdminRoute[] = Object.values(AREAS).flatMap((area) => area.routes);
