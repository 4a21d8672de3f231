import { LearnerAction } from '../model/learner.type';
import { AssessedCredential } from './held-credentials';

/** The dated steps for each credential that expires, in date order (then by code). */
export function learnerActions(
  assessed: readonly AssessedCredential[],
  day: string,
): LearnerAction[] {
  const actions: LearnerAction[] = [];
  for (const held of assessed) {
    const { code, validUntil, renewalOpensOn, state } = held;
    const method = held.policy?.renewal?.method ?? 'renew it';
    const name = held.item.name;
    if (state === 'EXPIRED') {
      // A retired certification can no longer be earned: nothing to do, its successor aside.
      const retired = held.item.retiredOn !== undefined && day > held.item.retiredOn;
      if (retired) continue;
      actions.push({
        on: day,
        kind: 'EARN_AGAIN',
        code,
        description: `${name} expired on ${validUntil}: it counts toward nothing and must be earned again by passing its required exams.`,
      });
      continue;
    }
    if (validUntil === undefined) continue;
    if (renewalOpensOn === undefined) {
      actions.push({
        on: validUntil,
        kind: 'EXPIRES',
        code,
        description: `${name} counts until ${validUntil} and cannot be renewed${state === 'RETIRED_BUT_HELD' ? ' (retired)' : ''}.`,
      });
      continue;
    }
    if (state === 'ACTIVE') {
      actions.push({
        on: renewalOpensOn,
        kind: 'RENEWAL_OPENS',
        code,
        description: `Renewal of ${name} opens: ${method}. It can be taken until ${validUntil}.`,
      });
    }
    actions.push({
      on: validUntil,
      kind: 'RENEW_BY',
      code,
      description: `Last day to renew ${name} (${method}); from the next day it must be earned again.`,
    });
  }
  return actions.sort((a, b) =>
    a.on === b.on ? (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) : a.on < b.on ? -1 : 1,
  );
}
