import { ImportError } from './errors.ts';

/** A JSON member, bounded in size; a syntax error names the member and JSON's own position. */
export function parseJsonMember(bytes: Uint8Array, member: string, maxBytes: number): unknown {
  if (bytes.length > maxBytes) throw new ImportError(member, `${bytes.length} bytes of JSON is over the ${maxBytes}-byte limit`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(member, 'not UTF-8 text');
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ImportError(member, `not valid JSON: ${(e as Error).message}`);
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A field that must be a string (or absent when `optional`), reported with its JSON path. */
export function stringField(o: Record<string, unknown>, key: string, member: string, at: string, optional = false): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) {
    if (optional) return undefined;
    throw new ImportError(member, `${at}.${key} is missing`);
  }
  if (typeof v !== 'string') throw new ImportError(member, `${at}.${key} must be a string`);
  return v;
}
