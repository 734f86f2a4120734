// The engine words node problems relative to the node ("is not connected to the Input");
// shown on their own, they read better with the node named first.
export function nodeIssueText(nodeId: string, message: string): string {
  return /^[a-z]/.test(message) ? `${nodeId} ${message}` : message;
}
