// What a long operation (turning the lock on, changing the passphrase, restoring a backup, rebuilding
// the database) has done so far, for the page that started it to poll ('trust.progress'). One at a time:
// they all run in the Store's write queue.
import type { OperationProgress } from '../../lib/messaging/messages/trust';

export class ProgressBoard {
  private current: OperationProgress | undefined;

  /** Runs `work`, reporting under `operation` until it ends (however it ends). */
  async run<T>(operation: OperationProgress['operation'], work: (report: (phase: OperationProgress['phase'], done: number, total: number) => void) => Promise<T>): Promise<T> {
    this.current = { operation, phase: 'prepare', done: 0, total: 0 };
    try {
      return await work((phase, done, total) => void (this.current = { operation, phase, done, total }));
    } finally {
      this.current = undefined;
    }
  }

  get(): OperationProgress | null {
    return this.current ?? null;
  }
}
