/**
 * Certification.paths against the real seeds in a real Neo4j, checked against answers worked out
 * by hand from seeds/microsoft/seed-2021/certifications.yaml as of the seed document's day
 * (2021-06-01), then on later days, when requirements changed and items retired.
 */
import { indicesOf } from '../../src/paths/exam-mask';
import { certificationNodeId } from '../../src/paths/requirement-dag';
import { syntheticCatalog } from '../support/synthetic-catalog';
import { bruteForceMinimalWays } from '../support/paths/brute-force';
import { problemFromCatalog } from '../support/paths/problems';
import { resetAndLoad } from '../support/test-database';
import { useSeededApi } from '../support/seeded-api';
import { pathsOn } from '../support/dated-paths';

const seeded = useSeededApi();
/** The seed document's day: the hand-worked answers below are for its graph. */
const SEED_DAY = '2021-06-01';

const PATHS = `
query Paths($code: String!, $holding: [String!], $first: Int, $asOf: Date) {
  certification(code: $code) {
    paths(holding: $holding, first: $first, asOf: $asOf) {
      totalCount
      totalCountIsExact
      totalCountText
      nodes {
        examCount
        exams { code }
        certifications { code }
        steps { exam { code } completes { code } courses { code } }
      }
    }
  }
}`;

interface PathsData {
  certification: {
    paths: {
      totalCount: number;
      totalCountIsExact: boolean;
      totalCountText: string;
      nodes: {
        examCount: number;
        exams: { code: string }[];
        certifications: { code: string }[];
        steps: {
          exam: { code: string };
          completes: { code: string }[];
          courses: { code: string }[];
        }[];
      }[];
    };
  };
}

async function paths(code: string, holding?: string[], first?: number, asOf = SEED_DAY) {
  const data = await seeded.api.query<PathsData>(PATHS, { code, holding, first, asOf });
  return data.certification.paths;
}

/** Each path as "EXAM > EXAM => cert, cert" for compact tables. */
const summary = (result: {
  nodes: { exams: { code: string }[]; certifications: { code: string }[] }[];
}) =>
  result.nodes.map(
    (p) =>
      `${p.exams.map((e) => e.code).join(' > ')} => ${p.certifications.map((c) => c.code).join(', ')}`,
  );

describe('every certification of the seed document, no holding, as of 2021-06-01', () => {
  const table: [string, string[]][] = [
    ['azure-solutions-architect', ['AZ-303 > AZ-304 => azure-solutions-architect']],
    [
      'devops-engineer',
      [
        'AZ-104 > AZ-400 => azure-administrator, devops-engineer',
        'AZ-204 > AZ-400 => azure-developer, devops-engineer',
      ],
    ],
    [
      'power-platform-solution-architect-expert',
      [
        'PL-200 > PL-600 => power-platform-functional-consultant-associate, power-platform-solution-architect-expert',
        'PL-400 > PL-600 => power-platform-developer-associate, power-platform-solution-architect-expert',
      ],
    ],
    ['azure-administrator', ['AZ-104 => azure-administrator']],
    ['azure-developer', ['AZ-204 => azure-developer']],
    [
      'power-platform-functional-consultant-associate',
      ['PL-200 => power-platform-functional-consultant-associate'],
    ],
    ['power-platform-developer-associate', ['PL-400 => power-platform-developer-associate']],
  ];

  test.each(table)('%s', async (code, expected) => {
    const result = await paths(code);
    expect(summary(result)).toEqual(expected);
    expect(result.totalCount).toBe(expected.length);
    expect(result.totalCountText).toBe(String(expected.length));
    expect(result.totalCountIsExact).toBe(true);
  });
});

test('devops-engineer: steps say what each exam completes and which course prepares for it', async () => {
  const result = await paths('devops-engineer');
  expect(result.nodes[0]).toEqual({
    examCount: 2,
    exams: [{ code: 'AZ-104' }, { code: 'AZ-400' }],
    certifications: [{ code: 'azure-administrator' }, { code: 'devops-engineer' }],
    steps: [
      {
        exam: { code: 'AZ-104' },
        completes: [{ code: 'azure-administrator' }],
        courses: [{ code: 'AZ-104T00' }],
      },
      {
        exam: { code: 'AZ-400' },
        completes: [{ code: 'devops-engineer' }],
        courses: [{ code: 'AZ-400T00' }],
      },
    ],
  });
});

describe('holding', () => {
  test('holding azure-developer: one path, AZ-400', async () => {
    const result = await paths('devops-engineer', ['azure-developer']);
    expect(summary(result)).toEqual(['AZ-400 => devops-engineer']);
    expect(result.totalCount).toBe(1);
  });

  test('a held exam counts as passed, in any letter case', async () => {
    const result = await paths('devops-engineer', ['az-104']);
    expect(summary(result)).toEqual(['AZ-400 => devops-engineer']);
  });

  test('certification codes are case-insensitive too', async () => {
    expect(summary(await paths('DevOps-Engineer', ['AZURE-DEVELOPER']))).toEqual([
      'AZ-400 => devops-engineer',
    ]);
  });

  test('a held expert does not settle its alternatives: azure-administrator still needs AZ-104', async () => {
    // Holding devops-engineer says nothing about which associate was taken.
    expect(summary(await paths('azure-administrator', ['devops-engineer']))).toEqual([
      'AZ-104 => azure-administrator',
    ]);
  });

  test('everything held: one empty path, not an error', async () => {
    for (const holding of [['devops-engineer'], ['AZ-204', 'AZ-400']]) {
      const result = await paths('devops-engineer', holding);
      expect(result.totalCount).toBe(1);
      expect(result.nodes).toEqual([{ examCount: 0, exams: [], certifications: [], steps: [] }]);
    }
  });

  test('unknown codes are an error that lists them all', async () => {
    const result = await seeded.api.execute(PATHS, {
      code: 'devops-engineer',
      holding: ['AZ-104', 'AZ-999', 'no-such-cert', 'AZ-104T00'],
    });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'holding',
    });
    expect(result.errors![0].message).toBe(
      'holding: unknown code(s) "AZ-999", "no-such-cert"; "AZ-104T00" name course(s). holding takes certification and exam codes.',
    );
  });
});

describe('first', () => {
  test('limits the list, not the count', async () => {
    const result = await paths('devops-engineer', [], 1);
    expect(result.nodes).toHaveLength(1);
    expect(result.totalCount).toBe(2);
  });

  test('0 lists nothing and still counts', async () => {
    const result = await paths('devops-engineer', [], 0);
    expect(result.nodes).toEqual([]);
    expect(result.totalCount).toBe(2);
  });

  test.each([-1, 101])('%i is an error naming the argument', async (first) => {
    const result = await seeded.api.execute(PATHS, { code: 'devops-engineer', first });
    expect(result.errors![0].message).toBe(`first must be between 0 and 100; got ${first}`);
    expect(result.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'first',
    });
  });
});

describe('on later days', () => {
  const later = (code: string, asOf: string, minConfidence?: string) =>
    pathsOn(seeded.api, code, asOf, { minConfidence });

  test('azure-solutions-architect from 2022-04-01: the administrator associate, then AZ-305', async () => {
    for (const day of ['2022-04-01', '2026-11-27']) {
      const result = await later('azure-solutions-architect', day);
      expect(result.asOf).toBe(day);
      expect(summary(result)).toEqual([
        'AZ-104 > AZ-305 => azure-administrator, azure-solutions-architect',
      ]);
      expect(result.nodes[0].confidence).toBe('OFFICIAL');
    }
  });

  test('devops-engineer: both ways until AZ-204 retired on 2026-07-31, then only through AZ-104', async () => {
    expect((await later('devops-engineer', '2026-07-31')).totalCount).toBe(2);
    const after = await later('devops-engineer', '2026-11-27');
    expect(summary(after)).toEqual(['AZ-104 > AZ-400 => azure-administrator, devops-engineer']);
    expect(after.noPathReason).toBeNull();
  });

  test('power-platform-solution-architect-expert in 2022: four more ways, each marked unconfirmed', async () => {
    // The unconfirmed options start the day their associates are first known, 2022-10-09.
    const waysOn = async (day: string) =>
      (await later('power-platform-solution-architect-expert', day)).nodes.map((p) => [
        p.exams.map((e) => e.code).join(' > '),
        p.confidence,
      ]);
    expect(await waysOn('2022-04-01')).toEqual([
      ['PL-200 > PL-600', 'OFFICIAL'],
      ['PL-400 > PL-600', 'OFFICIAL'],
    ]);
    const all = await later('power-platform-solution-architect-expert', '2022-10-09');
    expect(all.totalCount).toBe(6);
    expect(all.nodes.map((p) => [p.exams.map((e) => e.code).join(' > '), p.confidence])).toEqual([
      ['PL-200 > PL-600', 'OFFICIAL'],
      ['PL-400 > PL-600', 'OFFICIAL'],
      ['MB-230 > PL-600', 'UNCONFIRMED'],
      ['MB-240 > PL-600', 'UNCONFIRMED'],
      ['MB-210 > PL-600', 'UNCONFIRMED'],
      ['MB-220 > PL-600', 'UNCONFIRMED'],
    ]);
    const sure = await later('power-platform-solution-architect-expert', '2022-10-09', 'SECONDARY');
    expect(summary(sure)).toEqual(summary(await paths('power-platform-solution-architect-expert')));
  });

  test('a retired certification has no way, and says why', async () => {
    const result = await later('power-platform-solution-architect-expert', '2026-11-27');
    expect(result).toMatchObject({ totalCount: 0, nodes: [] });
    expect(result.noPathReason).toContain('retired on 2026-06-30');
  });
});

describe('a synthetic catalog with shared prerequisites, in Neo4j', () => {
  const catalog = syntheticCatalog({
    seed: 11,
    certifications: 40,
    depth: 3,
    choiceWidth: 3,
    sharingRatio: 0.6,
  });

  beforeAll(async () => {
    await resetAndLoad(seeded.db.database, catalog);
  });

  test('count and paths equal the brute-force minimal exam sets, with and without holding', async () => {
    let checked = 0;
    let withChoices = 0;
    for (const [i, cert] of catalog.certifications.entries()) {
      // Every third question holds a lower certification, which the query must fetch too.
      const held = i % 3 === 0 && i > 0 ? [catalog.certifications[i - 1].code] : [];
      const problem = problemFromCatalog(catalog, cert.code, held.map(certificationNodeId));
      if (problem.exams.length > 14) continue;
      const expected = bruteForceMinimalWays(problem)
        .map((way) =>
          indicesOf(way)
            .map((e) => problem.exams[e].slice('Exam:'.length))
            .join(' '),
        )
        .sort();
      const result = await paths(cert.code, held, 100);
      expect(result.totalCount).toBe(expected.length);
      const listed = result.nodes
        .map((p) =>
          p.exams
            .map((e) => e.code)
            .sort()
            .join(' '),
        )
        .sort();
      expect(listed).toEqual(expected);
      checked++;
      if (expected.length > 2) withChoices++;
    }
    expect(checked).toBeGreaterThan(20);
    expect(withChoices).toBeGreaterThan(5); // the catalog really offers choices
  });
});
