// A WebSocket client that writes raw bytes after the handshake, for frames no well-behaved
// library would send (unmasked, reserved opcodes, RSV bits, invalid close codes, bad UTF-8).
import { connect, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';

export interface RawConnection {
  socket: Socket;
  /** Resolves when the server ends the connection, with the close code of its close frame (null if none). */
  closed: Promise<number | null>;
}

/** Opens /api with the token and resolves once the server has answered 101. */
export function rawConnection(port: number, token: string): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let buffer = Buffer.alloc(0);
    let upgraded = false;
    let closeCode: number | null = null;
    const closed = new Promise<number | null>((done) => socket.once('close', () => done(closeCode)));
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!upgraded) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffer.subarray(0, end).toString();
        buffer = buffer.subarray(end + 4);
        if (!head.startsWith('HTTP/1.1 101')) return reject(new Error(head.split('\r\n')[0]));
        upgraded = true;
        resolve({ socket, closed });
      }
      // Server frames are unmasked; a close frame (opcode 8) carries the code in its first two bytes.
      while (buffer.length >= 2) {
        const opcode = buffer[0] & 0x0f;
        let length = buffer[1] & 0x7f;
        let at = 2;
        if (length === 126) [length, at] = [buffer.readUInt16BE(2), 4];
        else if (length === 127) [length, at] = [Number(buffer.readBigUInt64BE(2)), 10];
        if (buffer.length < at + length) return;
        if (opcode === 8 && length >= 2) closeCode = buffer.readUInt16BE(at);
        buffer = buffer.subarray(at + length);
      }
    });
    socket.once('close', () => {
      if (!upgraded) reject(new Error('closed before the upgrade'));
    });
    socket.write(
      `GET /api?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
  });
}

export interface FrameOptions {
  opcode?: number;
  fin?: boolean;
  rsv?: number;
  mask?: boolean;
}

/** One frame's bytes, exactly as described (nothing is checked). */
export function frame(payload: Uint8Array, { opcode = 1, fin = true, rsv = 0, mask = true }: FrameOptions = {}): Buffer {
  const head: number[] = [(fin ? 0x80 : 0) | ((rsv & 7) << 4) | (opcode & 0x0f)];
  const m = mask ? 0x80 : 0;
  const n = payload.length;
  if (n < 126) head.push(m | n);
  else if (n < 65536) head.push(m | 126, n >> 8, n & 0xff);
  else {
    head.push(m | 127);
    const big = Buffer.alloc(8);
    big.writeBigUInt64BE(BigInt(n));
    head.push(...big);
  }
  if (!mask) return Buffer.concat([Buffer.from(head), payload]);
  const key = randomBytes(4);
  const body = Buffer.from(payload);
  for (let i = 0; i < body.length; i++) body[i] ^= key[i & 3];
  return Buffer.concat([Buffer.from(head), key, body]);
}
