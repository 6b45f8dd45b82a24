// How large a file the pages read before sending it to the background. The size is checked before a
// byte is read (File.size is known without reading): a multi-gigabyte file dropped on an import field
// would otherwise be read whole into the page's memory first, and only then refused.
/**
 * Bytes. Backups: 500 MB, below the longest string a browser builds (V8: 2^29 − 24 characters);
 * register files: the register.import message's limit;
 * templates: 4 UTF-8 bytes per allowed character (MAX_TEMPLATE_CHARS).
 */
export const FILE_LIMITS = {
  backup: 500_000_000,
  register: 20_000_000,
  template: 2_000_000,
} as const;
export type FileKind = keyof typeof FILE_LIMITS;

export class FileTooLargeError extends Error {
  override readonly name = 'FileTooLargeError';
  constructor(
    readonly fileName: string,
    readonly size: number,
    readonly max: number,
  ) {
    super(`${fileName} is ${size} bytes; at most ${max} bytes can be imported`);
  }
}

/** Reads a chosen file as text, refusing it unread when it is larger than its kind allows. */
export async function readFileWithin(file: Blob & { name?: string }, kind: FileKind): Promise<string> {
  const max = FILE_LIMITS[kind];
  if (file.size > max) throw new FileTooLargeError(file.name ?? 'The file', file.size, max);
  return file.text();
}

/** Megabytes, rounded down, for messages. */
export const megabytes = (bytes: number): string => String(Math.floor(bytes / 1_000_000));
