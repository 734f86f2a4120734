// Serve mode: the app's services without Electron, the built renderer over HTTP and the API over
// a WebSocket, on 127.0.0.1 only, behind a random session token.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { WebSocketServer } from 'ws';
import { createAppServices, type AppServices } from '../services/appServices';
import { childProcessSpawner, workerThreadSpawner } from '../engine/nodeSpawners';
import type { EngineSpawner } from '../engine/engineProcess';
import { folderProjects } from '../projects/folderProjects';
import { checkAccess, contentSecurityPolicy, tokenCookie } from './access';
import { CROSS_ORIGIN_ISOLATION } from '../csp';
import { indexFile, resolveStatic, sendFile } from './staticFiles';
import { serveApiOn } from './wsApi';
import { MAX_FRAME_BYTES } from '../../src-shared/requestLimits';

export interface ServeOptions {
  /** 0 picks a free port. */
  port?: number;
  dbPath: string;
  /** The built renderer (default out/renderer). */
  staticDir: string;
  /** Where projects are saved (default: a `projects` folder next to the database). */
  projectsDir?: string;
  /** Extra folders datasets may be read from (`--data DIR`); besides them, only the projects folder (uploads go there). */
  dataDirs?: string[];
  /** A fixed token (tests); otherwise a random one. */
  token?: string;
  concurrency?: number;
  /** Engine processes: child processes (default, isolated) or worker threads. */
  engine?: 'child' | 'thread';
  spawnEngine?: EngineSpawner;
  updateIntervalMs?: number;
}

export interface RunningServer {
  /** The address to open, token included. */
  url: string;
  port: number;
  token: string;
  services: AppServices;
  close(): Promise<void>;
}

export async function startServer(o: ServeOptions): Promise<RunningServer> {
  const token = o.token ?? randomBytes(24).toString('base64url');
  const spawnEngine = o.spawnEngine ?? (o.engine === 'thread' ? workerThreadSpawner() : childProcessSpawner());
  const projectsDir = o.projectsDir ?? join(o.dbPath, '..', 'projects');
  const services = createAppServices({
    dbPath: o.dbPath,
    spawnEngine,
    concurrency: o.concurrency,
    updateIntervalMs: o.updateIntervalMs,
    projects: () => folderProjects(projectsDir),
    // Strangers' pages may reach this server: data only from its own folders, uploads into one of them.
    dataAccess: { roots: [projectsDir, ...(o.dataDirs ?? [])], uploadsDir: join(projectsDir, 'uploads') },
    onInternalError: (e) => console.error('internal error:', e),
  });
  let port = 0;

  const http = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const refuse = (status: number, message: string): void => {
      res.writeHead(status, {
        'Content-Type': 'text/plain; charset=utf-8',
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      });
      res.end(message + '\n');
    };
    const access = checkAccess(req, url, token, port);
    if (!access.ok) return refuse(access.status, access.message);
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return refuse(405, 'only GET and HEAD are served here; the API is on the WebSocket /api');
    const file = resolveStatic(o.staticDir, url.pathname);
    if (!file && url.pathname === '/favicon.ico') {
      // Browsers ask for it on their own; without one, say so quietly instead of logging a 404.
      res.writeHead(204, { 'Cache-Control': 'max-age=86400' });
      return res.end();
    }
    if (!file) {
      const missingApp = url.pathname === '/' || url.pathname === '/index.html';
      return refuse(
        404,
        missingApp ? `the renderer is not built (no ${indexFile(o.staticDir)}): run npm run build` : `not found: ${url.pathname}`,
      );
    }
    const page = file === indexFile(o.staticDir);
    const headers: Record<string, string> = page
      ? {
          'Content-Security-Policy': contentSecurityPolicy(port),
          'Set-Cookie': tokenCookie(token),
          'Referrer-Policy': 'no-referrer',
          'X-Frame-Options': 'DENY',
          'Cache-Control': 'no-store',
        }
      : { 'Cache-Control': 'no-cache', 'Referrer-Policy': 'no-referrer' };
    sendFile(res, file, { ...CROSS_ORIGIN_ISOLATION, ...headers }, req.method === 'HEAD');
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  // Errors of one connection end that connection only (see wsApi.ts); these listeners keep a
  // failing socket from ever reaching Node's fatal unhandled-'error' path.
  wss.on('error', (e) => console.error('WebSocket server error:', e.message));
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const access =
      url.pathname === '/api'
        ? checkAccess(req, url, token, port)
        : { ok: false as const, status: 404 as const, message: 'the API is at /api' };
    if (!access.ok) {
      const reason = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[access.status];
      socket.end(
        `HTTP/1.1 ${access.status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${access.message}\n`,
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveApiOn(ws, services));
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    // Loopback only: the app is for the person at this machine.
    http.listen(o.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = http.address();
  port = typeof address === 'object' && address ? address.port : 0;

  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    services,
    close() {
      closing ??= new Promise<void>((resolve) => {
        services.close('the LayerLab server stopped during this run; the epochs recorded before are kept');
        for (const client of wss.clients) client.terminate();
        wss.close();
        http.closeAllConnections();
        http.close(() => resolve());
      });
      return closing;
    },
  };
}
