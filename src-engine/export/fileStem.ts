// A file name from a run or graph name: letters, digits, dot, dash and underscore (safe on every OS).
export function fileStem(title: string): string {
  const stem = title
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '');
  return stem.slice(0, 80) || 'model';
}
