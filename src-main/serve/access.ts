// Who may talk to the serve-mode server: requests to 127.0.0.1 (or localhost) on our port, from
// a page of our own origin, carrying the session token in the URL or in the cookie the page got.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { appContentSecurityPolicy } from '../csp';

export const TOKEN_COOKIE = 'layerlab_token';

export type AccessResult = { ok: true } | { ok: false; status: 401 | 403; message: string };

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return value.join('=');
  }
  return undefined;
}

/** Our own addresses: anything else in Host is a DNS-rebinding attempt or a mistake. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function checkAccess(req: IncomingMessage, url: URL, token: string, port: number): AccessResult {
  if (!allowedHosts(port).includes(req.headers.host ?? '')) {
    return { ok: false, status: 403, message: 'this server only answers requests addressed to 127.0.0.1' };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts(port).some((h) => origin === `http://${h}`)) {
    return { ok: false, status: 403, message: 'requests from other sites are refused' };
  }
  const given = url.searchParams.get('token') ?? cookieToken(req.headers.cookie);
  if (!given)
    return {
      ok: false,
      status: 401,
      message: 'this LayerLab server needs its session token: open the address it printed, with ?token=…',
    };
  if (!sameToken(given, token))
    return { ok: false, status: 403, message: 'wrong session token: open the address the server printed' };
  return { ok: true };
}

/** The session cookie, so the page's own asset requests carry the token too. */
export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** Strict CSP for the app page: only our own scripts and styles; the API only over our WebSocket. */
export function contentSecurityPolicy(port: number): string {
  return appContentSecurityPolicy([`ws://127.0.0.1:${port}`, `ws://localhost:${port}`]);
}
