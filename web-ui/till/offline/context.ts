import { createContext } from '@lit/context';
import type { CompletionQueue } from './completion-queue.js';

/** Sales paid in cash while the hub was away, provided by the till's root element. */
export const completionQueueContext = createContext<CompletionQueue | null>(Symbol('completion-queue'));
