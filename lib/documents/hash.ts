// SHA-256 of a document's input and output (every generated document is logged with
// both). The same canonical JSON (sorted keys) and WebCrypto digest as the audit chain, so one
// definition serves both; WebCrypto works in Node 20 and in the MV3 service worker alike.
export { canonicalJson } from '../audit/canonical-json';
export { sha256Hex } from '../audit/sha256';
