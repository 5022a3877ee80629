/** How filesystem errors read in messages (`PATH: No such file or directory`). */
import { ERRNO_TEXT, FsError } from '../fs/ops.ts';

/** `path: reason` (or only the reason). */
export function messageOf(e: FsError, withPath = true): string {
  return withPath ? `${e.path}: ${ERRNO_TEXT[e.code]}` : ERRNO_TEXT[e.code];
}

export function isFsError(e: unknown, code?: FsError['code']): e is FsError {
  return e instanceof FsError && (code === undefined || e.code === code);
}
