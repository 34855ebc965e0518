import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { mapStorageError } from '../db/sqlite-errors.js';
import { AppError } from '../errors.js';
import type { AppEnv } from './env.js';

export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

export type Logger = (
  level: 'info' | 'warn' | 'error',
  message: string,
  fields?: Record<string, unknown>,
) => void;

/** The one place errors become HTTP responses: `{error:{code,message,details}}` with a stable code. */
export function createErrorHandler(log: Logger) {
  return (err: Error, c: Context<AppEnv>) => {
    const error = mapStorageError(err);
    if (error instanceof AppError) {
      const body: ErrorBody = { error: { code: error.code, message: error.message } };
      if (error.details) body.error.details = error.details;
      return c.json(body, error.status);
    }
    if (error instanceof HTTPException) {
      const status: ContentfulStatusCode = error.status;
      const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 400 ? 'MALFORMED_REQUEST' : 'HTTP_ERROR';
      return c.json<ErrorBody>({ error: { code, message: error.message || 'Bad request' } }, status);
    }
    log('error', 'unhandled error', {
      requestId: c.get('requestId'),
      path: c.req.path,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    return c.json<ErrorBody>(
      {
        error: {
          code: 'INTERNAL',
          message: 'Internal error; it has been logged',
          details: { requestId: c.get('requestId') },
        },
      },
      500,
    );
  };
}
