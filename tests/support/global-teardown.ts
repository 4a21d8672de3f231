import type { LocalNeo4j } from '../../src/neo4j/local-neo4j';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { testNeo4j?: LocalNeo4j }).testNeo4j?.stop();
}
