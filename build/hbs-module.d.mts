export declare const HBS_PRECOMPILE_OPTIONS: { strict: boolean };
export declare function hbsModule(source: string): string;
