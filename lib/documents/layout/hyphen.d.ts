// Types for the per-language entry points of the `hyphen` package (no @types/hyphen installed).
declare module 'hyphen/*' {
  interface HyphenOptions {
    hyphenChar?: string;
    minWordLength?: number;
    exceptions?: string[];
  }
  const hyphen: {
    hyphenateSync(text: string, options?: HyphenOptions): string;
  };
  export default hyphen;
}
