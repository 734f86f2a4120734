// An error whose message is meant for the person using the app: it crosses IPC / WebSocket as is.
// Every other error reaches the UI as "internal error: <message>", without a stack trace.
export class UserError extends Error {
  override name = 'UserError';
}
