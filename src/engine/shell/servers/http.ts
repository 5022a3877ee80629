/**
 * One HTTP/1.1 exchange with a server in a container, as plain data: what the client sent
 * (after Docker's port mapping delivered it) and what the server answered, with the lines the
 * server writes to its logs on the way.
 */

export interface HttpRequest {
  method: string;
  /** The request target as sent: path and query (`/index.html?x=1`). */
  target: string;
  /** The Host header (`localhost:8080`). */
  host: string;
  userAgent: string;
  /** The address the server sees the client at (Docker's bridge gateway for a published port). */
  remoteAddr: string;
  /** The port the server received it on, inside the container. */
  port: number;
}

export interface HttpResponse {
  status: number;
  reason: string;
  /** In the order the server sends them. */
  headers: [string, string][];
  body: Uint8Array;
  /** The body is a file whose bytes layerlab does not have (its image's content is modelled): its path. */
  modelled?: string;
  /** What the server logs: its access log line and, for some errors, an error log line. */
  log: { access?: string; error?: string };
}

/** The status line and header lines as a client prints them (`curl -i`), CRLF-terminated, with the blank line. */
export function headBytes(r: Pick<HttpResponse, 'status' | 'reason' | 'headers'>): string {
  return `HTTP/1.1 ${r.status} ${r.reason}\r\n${r.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
}
