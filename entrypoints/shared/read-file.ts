// Reading a file the user chose for an import, with its size checked before a byte is read
// (lib/messaging/file-limits.ts), and a too-large file named in the user's language.
import { FileTooLargeError, megabytes, readFileWithin, type FileKind } from '../../lib/messaging/file-limits';
import { t } from './i18n';

export async function readChosenFile(file: File, kind: FileKind): Promise<string> {
  try {
    return await readFileWithin(file, kind);
  } catch (error) {
    if (error instanceof FileTooLargeError) throw new Error(t('fileTooLarge', [error.fileName, megabytes(error.max)]));
    throw error;
  }
}
