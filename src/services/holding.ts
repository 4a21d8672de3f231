import { certificationCode, examOrCourseCode } from '../domain/codes';
import { BadUserInputError } from '../errors';
import { certificationNodeId, examNodeId } from '../paths/requirement-dag';
import { HoldingQuery, QuestionSubgraph } from './question-subgraph';

export const MAX_HOLDING = 500;

/** Both canonical cases of every code: whether "az-104" is a certification or an exam, the DB says. */
export function holdingQuery(holding: readonly string[]): HoldingQuery {
  if (holding.length > MAX_HOLDING) {
    throw new BadUserInputError(
      `holding must list at most ${MAX_HOLDING} codes; got ${holding.length}`,
      'holding',
    );
  }
  return {
    certificationCodes: holding.map(certificationCode),
    examCodes: holding.map(examOrCourseCode),
  };
}

/**
 * The node ids of what is held. Every code must name a certification or an exam: an unknown code
 * is an error that lists them all, since silently ignoring a typo would give a wrong plan.
 */
export function heldNodeIds(holding: readonly string[], fetched: QuestionSubgraph): string[] {
  const certifications = new Set(fetched.held.certifications);
  const exams = new Set(fetched.held.exams);
  const courses = new Set(fetched.held.courses);
  const ids: string[] = [];
  const unknown: string[] = [];
  const misplacedCourses: string[] = [];
  for (const code of holding) {
    if (certifications.has(certificationCode(code))) {
      ids.push(certificationNodeId(certificationCode(code)));
    } else if (exams.has(examOrCourseCode(code))) ids.push(examNodeId(examOrCourseCode(code)));
    else if (courses.has(examOrCourseCode(code))) misplacedCourses.push(code);
    else unknown.push(code);
  }
  if (unknown.length > 0 || misplacedCourses.length > 0) {
    const quote = (codes: string[]) => codes.map((c) => JSON.stringify(c)).join(', ');
    const problems = [
      unknown.length > 0 ? `unknown code(s) ${quote(unknown)}` : '',
      misplacedCourses.length > 0 ? `${quote(misplacedCourses)} name course(s)` : '',
    ].filter(Boolean);
    throw new BadUserInputError(
      `holding: ${problems.join('; ')}. holding takes certification and exam codes.`,
      'holding',
    );
  }
  return ids;
}
