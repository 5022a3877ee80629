import { sha256Hex } from '../digest/sha256.ts';
import { ImportError } from './errors.ts';
import { memberBytes, type ArchiveMembers } from './members.ts';
import type { BlobRef } from './plan.ts';

/** The blob's bytes, after checking the size and digest it was promised. */
export async function verifyBlob(members: ArchiveMembers, ref: BlobRef, what: string): Promise<Uint8Array> {
  const bytes = memberBytes(members, ref.member, what);
  if (ref.size !== undefined && bytes.length !== ref.size) throw new ImportError(ref.member, `${what}: ${bytes.length} bytes, but its descriptor says ${ref.size}`);
  if (ref.digest !== undefined) await checkDigest(bytes, ref.digest, ref.member, what);
  return bytes;
}

export async function checkDigest(bytes: Uint8Array, expected: string, member: string, what: string): Promise<string> {
  const actual = `sha256:${await sha256Hex(bytes)}`;
  if (actual !== expected) throw new ImportError(member, `${what} does not match its digest: expected ${expected}, content hashes to ${actual}`);
  return actual;
}
