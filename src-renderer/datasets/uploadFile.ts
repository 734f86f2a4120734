// Sends a file picked or dropped in the browser to the server in chunks (serve mode has no file
// dialogs and must not read paths outside its folders): begin, chunks in order, finish → the
// stored file's path, which is then the dataset's reference.
import type { LayerLabApi } from '../../src-shared/api';

type UploadApi = Pick<LayerLabApi['datasets'], 'uploadBegin' | 'uploadChunk' | 'uploadFinish'>;

/** Anything with a size and byte slices: the browser's File, or a Blob in tests. */
export interface UploadSource {
  name: string;
  size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

export async function uploadFile(
  datasets: UploadApi,
  file: UploadSource,
  onProgress: (sent: number, total: number) => void = () => undefined,
): Promise<string> {
  const { uploadId, chunkBytes } = await datasets.uploadBegin(file.name, file.size);
  onProgress(0, file.size);
  for (let at = 0; at < file.size; at += chunkBytes) {
    const bytes = new Uint8Array(await file.slice(at, Math.min(file.size, at + chunkBytes)).arrayBuffer());
    await datasets.uploadChunk(uploadId, at, toBase64(bytes));
    onProgress(at + bytes.length, file.size);
  }
  return (await datasets.uploadFinish(uploadId)).path;
}

/** btoa needs a "binary string"; built in slices so a 1 MB chunk never becomes one huge argument list. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
