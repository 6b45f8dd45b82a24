import type { TestProject } from 'vitest/node';
import { startCluster, stopCluster } from '../test-support/pg-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startCluster();
  project.provide('databaseUrl', cluster.url);
  return () => stopCluster(cluster.dir);
}
