// models.*: a run's trained model as files to take away (docs/export.md, "In the app"). The engine
// writes the files (the same exporter as the CLI's); here they are zipped (a PyTorch folder) and
// either handed back as bytes for the browser to download (serve mode) or saved where the user
// chooses in a native dialog (desktop app).
import { zipSync } from 'fflate';
import type { LayerLabApi, ModelExportFormat, ModelExportResult } from '../../src-shared/api';
import type { Store } from '../store/store';
import type { RunManager } from '../engine/runManager';
import type { EngineSpawner } from '../engine/engineProcess';
import { exportInEngine, type ExportReply } from '../engine/exportInEngine';
import { OneOffJobs } from '../engine/oneOffJobs';
import { UserError } from './userError';
import { fileStem } from '../../src-engine/export/fileStem';
import { importOnnxRun } from './onnxImport';

/** Validation samples the app's Verify runs through the exported ONNX model. */
export const VERIFY_SAMPLES = 32;

export interface ExportedFiles {
  /** The suggested file or folder name. */
  name: string;
  kind: 'file' | 'folder';
  files: Array<{ name: string; data: Uint8Array }>;
}

/** Where the desktop app saves an export: asks the user (native dialog), writes, returns the path or null when cancelled. */
export type SaveExport = (exported: ExportedFiles) => Promise<string | null>;

export interface ModelsServiceDeps {
  store: Store;
  manager: Pick<RunManager, 'isActive'>;
  spawn: EngineSpawner;
  jobs?: OneOffJobs;
  /** The desktop app's native save; without it the bytes come back to the caller. */
  saveExport?: SaveExport;
}

/** A PyTorch folder as one .zip whose entries sit in a folder of the same name (what unzipping shows). */
export function zipFolder(folder: string, files: Array<{ name: string; data: Uint8Array }>): Uint8Array {
  return zipSync(Object.fromEntries(files.map((f) => [`${folder}/${f.name}`, f.data])), { level: 6 });
}

export function createModelsService({
  store,
  manager,
  spawn,
  jobs = new OneOffJobs(),
  saveExport,
}: ModelsServiceDeps): LayerLabApi['models'] {
  const exportFiles = async (
    runId: string,
    checkpoint: 'best' | 'final',
    format: ModelExportFormat,
    checkSamples?: number,
  ): Promise<ExportedFiles & { check?: ExportReply['check'] }> => {
    const run = store.runs.detail(runId);
    if (!run) throw new UserError(`there is no run ${runId}`);
    const weights = store.checkpoints.load(runId, checkpoint);
    if (!weights) {
      const why = manager.isActive(runId)
        ? 'it is still training; export it once it has finished'
        : 'it ended before saving them';
      throw new UserError(`run "${run.name}" has no ${checkpoint} weights yet: ${why}`);
    }
    const { files, check } = await exportInEngine(spawn, {
      graph: run.graph,
      tensors: weights.tensors,
      format,
      title: run.name,
      checkpoint,
      ...(checkSamples ? { checkSamples } : {}),
    });
    const stem = fileStem(run.name);
    const exported: ExportedFiles =
      format === 'pytorch' ? { name: `${stem}-pytorch`, kind: 'folder', files } : { name: files[0].name, kind: 'file', files };
    return { ...exported, ...(check ? { check } : {}) };
  };

  return {
    async export(runId, { checkpoint, format }): Promise<ModelExportResult> {
      const exported = await jobs.run(`export\n${runId}\n${checkpoint}\n${format}`, () => exportFiles(runId, checkpoint, format));
      if (saveExport) {
        const bytes = exported.files.reduce((sum, f) => sum + f.data.length, 0);
        return { fileName: exported.name, bytes, savedTo: await saveExport(exported) };
      }
      // A browser downloads one file: a folder travels as a zip.
      const data = exported.kind === 'folder' ? zipFolder(exported.name, exported.files) : exported.files[0].data;
      const fileName = exported.kind === 'folder' ? `${exported.name}.zip` : exported.name;
      return { fileName, bytes: data.length, base64: Buffer.from(data).toString('base64') };
    },
    async importOnnx(fileName, base64, { dataset }) {
      return importOnnxRun(store, fileName, base64, dataset);
    },
    async verification(runId, { checkpoint }) {
      const exported = await jobs.run(`verify\n${runId}\n${checkpoint}`, () =>
        exportFiles(runId, checkpoint, 'onnx', VERIFY_SAMPLES),
      );
      const check = exported.check!;
      return {
        fileName: exported.name,
        base64: Buffer.from(exported.files[0].data).toString('base64'),
        dims: check.dims,
        inputs: Array.from(check.x),
        expected: Array.from(check.outputs),
      };
    },
  };
}
