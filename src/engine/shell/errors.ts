/** How filesystem errors read in messages (`PATH: No such file or directory`). */
import { ERRNO_TEXT, FsError } from '../fs/ops.ts';
import { AccessDenied } from './permissions.ts';

/** `path: reason` (or only the reason). */
export function messageOf(e: FsError, withPath = true): string {
  const reason = e instanceof AccessDenied ? 'Permission denied' : ERRNO_TEXT[e.code];
  return withPath ? `${e.path}: ${reason}` : reason;
}

export function isFsError(e: unknown, code?: FsError['code']): e is FsError {
  return e instanceof FsError && (code === undefined || e.code === code);
}
