/**
 * certgraph's path questions called in process, without HTTP or GraphQL: the same service, the
 * same Cypher subgraph query and the same algorithms that the `plan` and `paths` resolvers run.
 * It is the ceiling that certgraph's HTTP answers are held against (target: at least 0.8× its
 * throughput). It runs inside the harness process, over its own counting Bolt proxy.
 */
import { Driver } from 'neo4j-driver';
import { Operation, pathsAnswer, planAnswer, Targets } from '../golden';
import { directPathQuestions } from '../project';

export interface InProcessTier {
  name: string;
  /** The call that answers the operation, resolving to its canonical answer; undefined: none. */
  ask(operation: Operation, targets: Targets): (() => Promise<unknown>) | undefined;
}

export function directTier(driver: Driver): InProcessTier {
  const questions = directPathQuestions(driver);
  return {
    name: 'direct',
    ask(operation, t) {
      if (operation === 'plan') {
        return async () => planAnswer((await questions.plan(t.target, t.asOf)) as never);
      }
      if (operation === 'paths') {
        return async () => pathsAnswer((await questions.paths(t.target, t.asOf)) as never);
      }
      return undefined;
    },
  };
}
