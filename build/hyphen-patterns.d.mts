import type { Plugin } from 'vite';

export declare const PATTERN_FILE: RegExp;
export declare function patternModuleAsJson(file: string): string;
export declare function hyphenPatternsAsJson(): Plugin;
