// Unexpected faults and refused requests are thrown as AppError subclasses and mapped to HTTP once, in
// http/error-handler.ts. Expected business outcomes (a declined card) are returned values instead.
export type ErrorDetails = Record<string, unknown>;

export abstract class AppError extends Error {
  abstract readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 423 | 429 | 503 | 507;
  readonly code: string;
  readonly details: ErrorDetails | undefined;

  constructor(code: string, message: string, details?: ErrorDetails) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

export class ValidationError extends AppError {
  readonly status = 400;
  constructor(message: string, details?: ErrorDetails, code = 'VALIDATION_FAILED') {
    super(code, message, details);
  }
}

export class UnauthenticatedError extends AppError {
  readonly status = 401;
  constructor(message = 'Authentication required', code = 'UNAUTHENTICATED', details?: ErrorDetails) {
    super(code, message, details);
  }
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  constructor(message: string, details?: ErrorDetails, code = 'FORBIDDEN') {
    super(code, message, details);
  }
}

/** A permission the current staff member lacks; the till answers it with a supervisor override. */
export class PermissionRequiredError extends AppError {
  readonly status = 403;
  constructor(permission: string, details?: ErrorDetails) {
    super('PERMISSION_REQUIRED', `This needs the permission "${permission}"`, { permission, ...details });
  }
}

export class NotFoundError extends AppError {
  readonly status = 404;
  constructor(what: string, id?: string) {
    super('NOT_FOUND', id === undefined ? `${what} not found` : `${what} ${id} not found`, {
      what,
      ...(id === undefined ? {} : { id }),
    });
  }
}

export class ConflictError extends AppError {
  readonly status = 409;
  constructor(message: string, details?: ErrorDetails, code = 'CONFLICT') {
    super(code, message, details);
  }
}

export class PayloadTooLargeError extends AppError {
  readonly status = 413;
  constructor(limitBytes: number) {
    super('PAYLOAD_TOO_LARGE', `Request body exceeds ${limitBytes} bytes`, { limitBytes });
  }
}

/** A well-formed request that the store's rules refuse (sale not fully paid, return exceeds sold). */
export class BusinessRuleError extends AppError {
  readonly status = 422;
}

export class LockedError extends AppError {
  readonly status = 423;
  constructor(message: string, details?: ErrorDetails) {
    super('LOCKED', message, details);
  }
}

export class RateLimitedError extends AppError {
  readonly status = 429;
  constructor(message: string, details?: ErrorDetails) {
    super('RATE_LIMITED', message, details);
  }
}

export class UnavailableError extends AppError {
  readonly status = 503;
}

export class StorageFullError extends AppError {
  readonly status = 507;
  constructor() {
    super('STORAGE_FULL', 'The hub storage is full; nothing was saved. Free disk space on the hub PC.');
  }
}
