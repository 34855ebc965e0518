/**
 * Everything that can go wrong with a hub request, as values the UI can switch on. The hub answers every
 * refusal as {error:{code,message,details}} with a stable code; the UI picks its own translated text by
 * code and keeps the hub's English message only for logs and unknown codes.
 */
export type ErrorDetails = Readonly<Record<string, unknown>>;

/** The hub answered and refused: a 4xx/5xx with its error body. */
export class HubApiError extends Error {
  override readonly name = 'HubApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetails,
  ) {
    super(message);
  }
}

/** No answer from the hub: the network is down, the hub is stopped, or it did not answer in time. */
export class HubUnreachableError extends Error {
  override readonly name = 'HubUnreachableError';
  constructor(
    readonly reason: 'network' | 'timeout' | 'gateway',
    message: string,
  ) {
    super(message);
  }
}

export type HubError = HubApiError | HubUnreachableError;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// A proxy or the OS answers these when the hub behind it is gone; the hub itself never sends them bare.
const GATEWAY_STATUSES = new Set([502, 504]);

/** Turns a non-2xx response (status and parsed body, or null when it was not JSON) into a typed error. */
export function errorFromResponse(status: number, body: unknown): HubError {
  const error = isRecord(body) ? body.error : undefined;
  if (isRecord(error) && typeof error.code === 'string') {
    const message = typeof error.message === 'string' ? error.message : error.code;
    const details = isRecord(error.details) ? error.details : {};
    return new HubApiError(status, error.code, message, details);
  }
  if (GATEWAY_STATUSES.has(status)) return new HubUnreachableError('gateway', `Gateway answered ${status}`);
  return new HubApiError(status, `HTTP_${status}`, `The hub answered ${status}`, {});
}

/** Seconds until a PIN lock-out ends (423 LOCKED carries details.retryAfterSeconds). */
export function retryAfterSeconds(error: unknown): number | null {
  if (!(error instanceof HubApiError) || error.status !== 423) return null;
  const seconds = error.details.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

/**
 * The till's device token no longer works (revoked, or the hub's data was reset): the hub resolves an
 * unknown token to "anonymous" and its guards answer 401 TILL_REQUIRED (or plain UNAUTHENTICATED).
 */
export function isTillCredentialLost(error: HubError): boolean {
  return (
    error instanceof HubApiError &&
    error.status === 401 &&
    (error.code === 'TILL_REQUIRED' || error.code === 'UNAUTHENTICATED')
  );
}

/** The cashier's PIN session ended (expired or logged out elsewhere); the till itself is still paired. */
export function isStaffSessionLost(error: HubError): boolean {
  return error instanceof HubApiError && error.status === 401 && error.code === 'STAFF_LOGIN_REQUIRED';
}

export function isUnreachable(error: unknown): error is HubUnreachableError {
  return error instanceof HubUnreachableError;
}
