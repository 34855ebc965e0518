import { SqliteError } from 'better-sqlite3';
import { StorageFullError, UnavailableError } from '../errors.js';

/**
 * Storage faults become typed errors the client can act on; the hub itself stays up. Constraint errors
 * are not mapped here: services check their rules first and a constraint that still fires is a bug.
 */
export function mapStorageError(error: unknown): unknown {
  if (!(error instanceof SqliteError)) return error;
  if (error.code === 'SQLITE_FULL') return new StorageFullError();
  if (error.code.startsWith('SQLITE_READONLY')) {
    return new UnavailableError('STORAGE_READ_ONLY', 'The hub database is read-only; nothing was saved.');
  }
  if (error.code === 'SQLITE_BUSY' || error.code.startsWith('SQLITE_BUSY_')) {
    return new UnavailableError('STORAGE_BUSY', 'The hub database is busy; try again.');
  }
  if (error.code.startsWith('SQLITE_IOERR')) {
    return new UnavailableError(
      'STORAGE_IO_ERROR',
      'The hub could not write to its disk; nothing was saved.',
    );
  }
  return error;
}
