import { ValidationError } from '../../errors.js';

export const PIN_MIN = 4;
export const PIN_MAX = 8;
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

/**
 * A new PIN: 4-8 digits, and not one a bystander guesses first (all one digit, or a run like 1234 or
 * 9876). Existing PINs are only checked for shape at login, so tightening this never locks anyone out.
 */
export function assertAcceptablePin(pin: string): void {
  if (!new RegExp(`^\\d{${PIN_MIN},${PIN_MAX}}$`).test(pin)) {
    throw new ValidationError(`A PIN is ${PIN_MIN} to ${PIN_MAX} digits`, { field: 'pin' }, 'PIN_INVALID');
  }
  // The PIN is ASCII digits here, so splitting by code unit is exact.
  const digits = pin.split('').map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => d - (digits[i] ?? 0)));
  const single = steps.size === 1 ? [...steps][0] : undefined;
  if (single === 0 || single === 1 || single === -1) {
    throw new ValidationError('That PIN is too easy to guess', { field: 'pin' }, 'PIN_TOO_WEAK');
  }
}

export function assertAcceptablePassword(password: string): void {
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX) {
    throw new ValidationError(
      `A password is ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`,
      { field: 'password' },
      'PASSWORD_INVALID',
    );
  }
  if (password.trim().length === 0 || new Set(password).size < 4) {
    throw new ValidationError(
      'That password is too easy to guess',
      { field: 'password' },
      'PASSWORD_TOO_WEAK',
    );
  }
}
