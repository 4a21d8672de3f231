/**
 * certgraph's path questions called in process, without HTTP or GraphQL: the same service over
 * the same in-memory catalog snapshot, and the same algorithms that the `plan` and `paths`
 * resolvers run. It is the ceiling that certgraph's HTTP answers are held against (target: at
 * least 0.8× its throughput). It builds its snapshot over its own counting Bolt proxy.
 */
import { Driver } from 'neo4j-driver';
import { Operation, pathsAnswer, planAnswer, Targets } from '../golden';
import { directPathQuestions } from '../project';

export interface InProcessTier {
  name: string;
  /** The call that answers the operation, resolving to its canonical answer; undefined: none. */
  ask(operation: Operation, targets: Targets): (() => Promise<unknown>) | undefined;
}

export async function directTier(driver: Driver): Promise<InProcessTier> {
  const questions = await directPathQuestions(driver);
  return {
    name: 'direct',
    ask(operation, t) {
      if (operation === 'plan') {
        return async () => planAnswer(await Promise.resolve(questions.plan(t.target, t.asOf)));
      }
      if (operation === 'paths') {
        return async () => pathsAnswer(await Promise.resolve(questions.paths(t.target, t.asOf)));
      }
      return undefined;
    },
  };
}
