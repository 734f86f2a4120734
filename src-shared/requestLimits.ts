// Bounds on what a client may send the server, shared by the serve-mode transport (which must
// stay under them) and the server (which refuses what is over them, closing only that socket).

/** The largest WebSocket frame the server reads (ws `maxPayload`): a bigger one closes the socket with 1009. */
export const MAX_FRAME_BYTES = 16 * 1024 * 1024;
/** The largest API request: a 50 MB project plus its envelope. Bigger than a frame, so it crosses in chunks. */
export const MAX_REQUEST_BYTES = 64 * 1024 * 1024;
/** How deeply a request's JSON may nest (a graph needs about 6 levels; settings a few more). */
export const MAX_JSON_DEPTH = 64;

/** True when `value` nests deeper than `max` arrays/objects. Iterative: a deep value cannot overflow the stack here. */
export function nestsDeeperThan(value: unknown, max = MAX_JSON_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

export const TOO_DEEP = `the request nests more than ${MAX_JSON_DEPTH} levels deep; no LayerLab request needs that many`;
