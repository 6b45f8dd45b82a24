// Starts the loopback server for the demo helpdesk and the fixture pages once for all e2e files.
import type { TestProject } from 'vitest/node';
// @ts-expect-error plain ESM script without types
import { startServer } from '../../scripts/serve.mjs';

export default async function setup(project: TestProject) {
  const { server, origin } = (await startServer(0)) as { server: import('node:http').Server; origin: string };
  project.provide('origin', origin);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

declare module 'vitest' {
  export interface ProvidedContext {
    origin: string;
  }
}
