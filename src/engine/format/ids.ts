/** Docker's short IDs: `stringid.TruncateID` drops an `algo:` prefix and keeps 12 hex digits. */
export function truncateID(id: string): string {
  const colon = id.indexOf(':');
  const hex = colon >= 0 ? id.slice(colon + 1) : id;
  return hex.length > 12 ? hex.slice(0, 12) : hex;
}

/** True for a 64-hex digest (with or without `sha256:`). */
export function isFullID(s: string): boolean {
  return /^(sha256:)?[0-9a-f]{64}$/.test(s);
}
