// Dataset files uploaded from a browser (serve mode): written in order, chunk by chunk, to a
// hidden partial file in the uploads folder, and renamed to a fresh plain name once every byte
// has arrived. Memory stays at one chunk per upload, whatever the file's size.
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { LayerLabApi } from '../../src-shared/api';
import { MAX_UPLOAD_BYTES, UPLOAD_CHUNK_BYTES } from '../../src-shared/contract';
import { UserError } from './userError';

type Uploads = Pick<LayerLabApi['datasets'], 'uploadBegin' | 'uploadChunk' | 'uploadFinish'>;

/** Uploads at once per server: each holds an open file. */
const MAX_OPEN_UPLOADS = 4;
/** What the loader reads: CSV (maybe gzipped), text corpora and word lists, IDX files. */
// Control characters are refused separately (hasControl), so the pattern needs none of them.
const DATA_NAME = /^[^/\\:*?"<>|]+(\.(csv|txt|text|md)|-idx\d-ubyte(\.gz)?)$/i;
const hasControl = (name: string): boolean => [...name].some((c) => c.charCodeAt(0) < 0x20);

interface Open {
  name: string;
  bytes: number;
  received: number;
  partial: string;
  fd: number;
}

export function createUploads(dir: string | null): Uploads & { close(): void } {
  const open = new Map<string, Open>();
  const require = (id: string): Open => {
    const u = open.get(id);
    if (!u) throw new UserError('this upload is not under way (it finished, failed or the server restarted); start it again');
    return u;
  };
  const abort = (id: string, u: Open): void => {
    open.delete(id);
    closeSync(u.fd);
    rmSync(u.partial, { force: true });
  };
  return {
    async uploadBegin(name, bytes) {
      if (!dir) throw new UserError('uploads are for the browser; the desktop app opens data files where they are');
      const plain = name.trim();
      if (!DATA_NAME.test(plain) || hasControl(plain) || plain.startsWith('.')) {
        throw new UserError(
          `"${name}" is not a data file name: upload a .csv, a .txt corpus or IDX files (…-idx3-ubyte), without folders`,
        );
      }
      if (bytes > MAX_UPLOAD_BYTES)
        throw new UserError(
          `"${plain}" is ${(bytes / 1024 / 1024).toFixed(1)} MB; uploads may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`,
        );
      if (open.size >= MAX_OPEN_UPLOADS)
        throw new UserError(`${MAX_OPEN_UPLOADS} uploads are already under way; wait for one to finish`);
      mkdirSync(dir, { recursive: true });
      const uploadId = randomUUID();
      const partial = join(dir, `.partial-${uploadId}`);
      open.set(uploadId, { name: plain, bytes, received: 0, partial, fd: openSync(partial, 'w') });
      return { uploadId, chunkBytes: UPLOAD_CHUNK_BYTES };
    },
    async uploadChunk(id, offset, base64) {
      const u = require(id);
      const data = Buffer.from(base64, 'base64');
      if (offset !== u.received) {
        abort(id, u);
        throw new UserError(
          `upload of "${u.name}": a chunk arrived at byte ${offset} where ${u.received} was expected; the upload was cancelled`,
        );
      }
      if (u.received + data.length > u.bytes) {
        abort(id, u);
        throw new UserError(`upload of "${u.name}": more bytes arrived than the ${u.bytes} announced; the upload was cancelled`);
      }
      writeSync(u.fd, data);
      u.received += data.length;
      return { received: u.received };
    },
    async uploadFinish(id) {
      const u = require(id);
      if (u.received !== u.bytes) {
        abort(id, u);
        throw new UserError(`upload of "${u.name}": ${u.received} of ${u.bytes} bytes arrived; the upload was cancelled`);
      }
      open.delete(id);
      closeSync(u.fd);
      const path = freshName(dir!, u.name);
      renameSync(u.partial, path);
      return { path };
    },
    close() {
      for (const [id, u] of open) abort(id, u);
    },
  };
}

/** "data.csv", or "data-2.csv" when that is taken (an earlier upload is never overwritten). */
function freshName(dir: string, name: string): string {
  const dot = name.search(/(-idx\d-ubyte(\.gz)?|\.[^.]+)$/i);
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 1; ; n++) {
    const path = join(dir, n === 1 ? name : `${stem}-${n}${ext}`);
    if (!existsSync(path)) return path;
  }
}
