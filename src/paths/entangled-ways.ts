import { bit, NO_EXAMS } from './exam-mask';
import { Ways } from './factor-ways';

/**
 * A dependent group (parts that collide, see factor-ways.ts) with every maximal module replaced
 * by a single variable. A module is a sub-requirement whose exams the rest of the group never
 * reaches except through it: a shared associate with all its own choices, say.
 */
export interface Quotient {
  /** The group over module variables: `exam` leaves whose bit i stands for `modules[i]`. */
  formula: Ways;
  modules: Ways[];
  /** Nodes in `formula`, a measure of what evaluating it costs. */
  size: number;
}

/**
 * Why this is exact: if the exams of C occur in f only inside C, the minimal ways of f are
 * { w : w a minimal way of f with C as a variable c, c not in w } together with
 * { (w - c) + v : c in w, v a minimal way of C }, and no two of these collide (a collision would
 * make some w non-minimal). So the group's ways are its quotient's minimal ways with each module
 * expanded independently: count = sum over quotient ways of the product of module counts. Only
 * the quotient, usually a handful of variables, has to be enumerated.
 *
 * Maximal modules are pairwise disjoint (two modules sharing an exam would lie on every path to
 * it, so one would be below the other). Cost: O(size^2) for the module test, size = the group's
 * node count.
 */
export function quotientOf(group: Ways): Quotient {
  const modules: Ways[] = [];
  const built = new Map<Ways, Ways>();
  let size = 0;
  const build = (node: Ways): Ways => {
    const known = built.get(node);
    if (known) return known;
    let result: Ways;
    if (node !== group && isModule(group, node)) {
      const variable = bit(modules.length);
      modules.push(node);
      result = { op: 'exam', parts: [], exam: variable, support: variable, independent: true };
    } else {
      const parts = node.parts.map(build);
      result = {
        op: node.op,
        parts,
        exam: NO_EXAMS,
        support: parts.reduce((mask, part) => mask | part.support, NO_EXAMS),
        independent: false,
      };
    }
    size++;
    built.set(node, result);
    return result;
  };
  return { formula: build(group), modules, size };
}

/** True when every path from `group` to an exam of `candidate` passes through `candidate`. */
function isModule(group: Ways, candidate: Ways): boolean {
  if (candidate.op === 'exam') return true;
  const contains = new Map<Ways, boolean>();
  const reaches = (node: Ways): boolean => {
    if (node === candidate) return true;
    let known = contains.get(node);
    if (known === undefined) {
      known = node.parts.some(reaches);
      contains.set(node, known);
    }
    return known;
  };
  const elsewhere = new Map<Ways, bigint>();
  /** The exams reachable from `node` without passing through the candidate. */
  const around = (node: Ways): bigint => {
    if (node === candidate) return NO_EXAMS;
    if (!reaches(node)) return node.support;
    let known = elsewhere.get(node);
    if (known === undefined) {
      known = node.parts.reduce((mask, part) => mask | around(part), NO_EXAMS);
      elsewhere.set(node, known);
    }
    return known;
  };
  return (around(group) & candidate.support) === NO_EXAMS;
}
