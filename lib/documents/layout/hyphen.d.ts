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

// The package's own entry: makes a hyphenator from a language's pattern data.
declare module 'hyphen' {
  function createHyphenator(patterns: unknown, options?: { hyphenChar?: string; minWordLength?: number }): (text: string) => string;
  export default createHyphenator;
}
