// Types of electron-builder.config.mjs for the tests that read it.
export interface FileAssociationConfig {
  ext: string;
  name: string;
  role: string;
  mimeType: string;
  icon: string;
}

export declare const fileAssociations: FileAssociationConfig[];

declare const config: {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  asarUnpack: string[];
  linux: { target: string[]; icon: string; desktop: { entry: Record<string, string> } };
  mac: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
};
export default config;
