/**
 * A portal's normalizing client against the real server over HTTP: @apollo/client with its
 * InMemoryCache, set up as docs/embedding.md says. Normalizing clients key objects by
 * `__typename` and `id`, so every id must name exactly its content: the same group read for two
 * days must stay two entries, and the same exam reached by two queries must be one.
 */
import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { possibleTypesOf } from '../../src/schema/possible-types';
import { buildCertgraphSchema } from '../../src/schema/build-schema';
import { startTestServer, TestServer } from '../support/http-test-server';
import { openTestDatabase, resetAndSeed, TestDatabase } from '../support/test-database';

const THEN = '2021-06-01';
const NOW = '2026-11-27';

const REQUIREMENTS = gql`
  query Requirements($code: String!, $asOf: Date) {
    certification(code: $code) {
      id
      code
      requirements(asOf: $asOf) {
        id
        asOf
        items {
          ... on Node {
            id
          }
          ... on Exam {
            code
            name
          }
          ... on Certification {
            code
          }
        }
      }
    }
  }
`;

interface RequirementsData {
  certification: {
    id: string;
    requirements: { id: string; asOf: string; items: { id: string; code: string }[] };
  };
}

let db: TestDatabase;
let server: TestServer;
let warnings: unknown[][];
const spies: jest.SpyInstance[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  await resetAndSeed(db.database);
  server = await startTestServer(db.database);
});
afterAll(async () => {
  await server.close();
  await db.close();
});
beforeEach(() => {
  warnings = [];
  for (const level of ['warn', 'error'] as const) {
    spies.push(jest.spyOn(console, level).mockImplementation((...args) => warnings.push(args)));
  }
});
afterEach(() => {
  while (spies.length > 0) spies.pop()!.mockRestore();
});

async function newClient() {
  return new ApolloClient({
    link: new HttpLink({ uri: server.endpoint, fetch }),
    cache: new InMemoryCache({ possibleTypes: possibleTypesOf(await buildCertgraphSchema()) }),
  });
}

const codes = (data: RequirementsData | undefined) =>
  data?.certification.requirements.items.map((item) => item.code);

test('the same requirements asked for two days stay two cache entries, each with its own items', async () => {
  const client = await newClient();
  const variables = (asOf: string) => ({ code: 'azure-solutions-architect', asOf });
  const then = await client.query<RequirementsData>({
    query: REQUIREMENTS,
    variables: variables(THEN),
  });
  expect(codes(then.data)).toEqual(['AZ-303', 'AZ-304']);
  const now = await client.query<RequirementsData>({
    query: REQUIREMENTS,
    variables: variables(NOW),
  });
  expect(codes(now.data)).toEqual(['azure-administrator', 'AZ-305']);

  // The page that showed 2021 still reads 2021 from the cache after today's answer arrived.
  const cached = client.readQuery<RequirementsData>({
    query: REQUIREMENTS,
    variables: variables(THEN),
  });
  expect(codes(cached ?? undefined)).toEqual(['AZ-303', 'AZ-304']);
  const groups = Object.keys(client.cache.extract() as object).filter((key) =>
    key.startsWith('RequirementGroup:'),
  );
  expect(groups).toHaveLength(2);
  expect(warnings).toEqual([]);
});

test('one query asking for then and now side by side gets both', async () => {
  const client = await newClient();
  const { data } = await client.query<{
    certification: { then: { items: { code: string }[] }; now: { items: { code: string }[] } };
  }>({
    query: gql`
      query ThenAndNow($code: String!, $then: Date, $now: Date) {
        certification(code: $code) {
          id
          then: requirements(asOf: $then) {
            id
            items {
              ... on Exam {
                id
                code
              }
              ... on Certification {
                id
                code
              }
            }
          }
          now: requirements(asOf: $now) {
            id
            items {
              ... on Exam {
                id
                code
              }
              ... on Certification {
                id
                code
              }
            }
          }
        }
      }
    `,
    variables: { code: 'azure-solutions-architect', then: THEN, now: NOW },
  });
  expect(data?.certification.then.items.map((i) => i.code)).toEqual(['AZ-303', 'AZ-304']);
  expect(data?.certification.now.items.map((i) => i.code)).toEqual([
    'azure-administrator',
    'AZ-305',
  ]);
  expect(warnings).toEqual([]);
});

test('an exam reached by two queries is one cache entry, with the fields of both', async () => {
  const client = await newClient();
  await client.query({
    query: gql`
      {
        exam(code: "AZ-104") {
          id
          code
          name
        }
      }
    `,
  });
  await client.query({
    query: REQUIREMENTS,
    variables: { code: 'azure-administrator', asOf: NOW },
  });
  const cache = client.cache.extract() as Record<string, Record<string, unknown>>;
  const exams = Object.keys(cache).filter(
    (key) => key.startsWith('Exam:') && key.includes('AZ-104'),
  );
  expect(exams).toEqual(['Exam:Exam:AZ-104']);
  expect(cache[exams[0]]).toMatchObject({ code: 'AZ-104', id: 'Exam:AZ-104' });
  expect(warnings).toEqual([]);
});

test('requirement graphs of two days keep their nodes apart', async () => {
  const client = await newClient();
  const GRAPH = gql`
    query Graph($asOf: Date) {
      certification(code: "devops-engineer") {
        id
        requirementGraph(asOf: $asOf) {
          root
          nodes {
            id
            code
            status
          }
          edges {
            from
            to
          }
        }
      }
    }
  `;
  type Graph = {
    certification: {
      requirementGraph: { nodes: { code: string | null; status: string | null }[] };
    };
  };
  const statusOf = (data: Graph | undefined | null, code: string) =>
    data?.certification.requirementGraph.nodes.find((node) => node.code === code)?.status;
  const then = await client.query<Graph>({ query: GRAPH, variables: { asOf: THEN } });
  await client.query<Graph>({ query: GRAPH, variables: { asOf: NOW } });
  expect(statusOf(then.data, 'AZ-204')).toBe('ACTIVE');
  const cachedThen = client.readQuery<Graph>({ query: GRAPH, variables: { asOf: THEN } });
  const cachedNow = client.readQuery<Graph>({ query: GRAPH, variables: { asOf: NOW } });
  expect(statusOf(cachedThen, 'AZ-204')).toBe('ACTIVE');
  expect(statusOf(cachedNow, 'AZ-204')).toBe('RETIRED');
  expect(warnings).toEqual([]);
});

test('node(id) fetches a cached object again, by its id alone', async () => {
  const client = await newClient();
  const first = await client.query<RequirementsData>({
    query: REQUIREMENTS,
    variables: { code: 'devops-engineer', asOf: NOW },
  });
  const groupId = first.data!.certification.requirements.id;
  expect(groupId).toBe(`RequirementGroup:devops-engineer@${NOW}`);
  const { data } = await client.query<{ node: { id: string; asOf: string; known: boolean } }>({
    query: gql`
      query Node($id: ID!) {
        node(id: $id) {
          id
          ... on RequirementGroup {
            asOf
            known
          }
        }
      }
    `,
    variables: { id: groupId },
  });
  expect(data?.node).toMatchObject({ id: groupId, asOf: NOW, known: true });
  const { data: nodes } = await client.query<{ nodes: ({ id: string } | null)[] }>({
    query: gql`
      query Nodes($ids: [ID!]!) {
        nodes(ids: $ids) {
          id
          ... on CatalogItem {
            code
            name
          }
        }
      }
    `,
    variables: { ids: ['Exam:AZ-400', 'Certification:devops-engineer', 'Exam:NO-SUCH'] },
  });
  expect(nodes?.nodes.map((node) => node?.id ?? null)).toEqual([
    'Exam:AZ-400',
    'Certification:devops-engineer',
    null,
  ]);
  expect(warnings).toEqual([]);
});
