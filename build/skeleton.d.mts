export declare const LANGUAGES: readonly ['en', 'nl', 'de', 'it'];
export declare class SkeletonError extends Error {}
export interface SkeletonFiles {
  skeleton: string;
  catalogues: Partial<Record<string, string>>;
}
export declare function parseCatalogue(text: string, where: string): Map<string, string>;
export declare function composeKind(kind: string, files: SkeletonFiles): { sources: Record<string, string>; templateVersion: string; numbers: Record<string, string> };
export declare function versionOf(files: SkeletonFiles): string;
export declare function isSkeleton(path: string): boolean;
export declare function loadKind(skeletonPath: string): { kind: string; files: SkeletonFiles; paths: string[] };
export declare function skeletonModule(path: string): { code: string; files: string[] };
export declare function hbsModuleFor(path: string, source: string): { code: string; files: string[] };
