import { GraphQLSchema, parse, validate } from 'graphql';
import { LEARNER_EXAMPLES } from './learner-examples';

/** One ready-made tab of the playground: a named operation and its variables. */
export interface PlaygroundExample {
  query: string;
  variables?: Record<string, unknown>;
  /** Request headers the tab starts with (GraphiQL's Headers pane). */
  headers?: Record<string, string>;
}

/** Catalog questions; every example validates against schema/schema.graphql (see the test). */
export const CATALOG_EXAMPLES: PlaygroundExample[] = [
  {
    query: `# What does a certification require? A ONE_OF group lists alternatives.
query Requirements($code: String!) {
  certification(code: $code) {
    code
    name
    level
    requirements {
      mode
      items {
        __typename
        ... on Exam { code name }
        ... on Certification { code name }
        ... on RequirementGroup {
          mode
          items {
            ... on Exam { code name }
            ... on Certification { code name }
          }
        }
      }
    }
  }
}
`,
    variables: { code: 'devops-engineer' },
  },
  {
    query: `# Which certifications need an exam, and which courses prepare for it?
query Exam($code: String!) {
  exam(code: $code) {
    code
    name
    requiredBy { code name level }
    courses { code name }
  }
}
`,
    variables: { code: 'AZ-104' },
  },
  {
    query: `# Search codes and names; each word matches as a prefix.
query Search($text: String!) {
  search(text: $text, first: 10) {
    __typename
    code
    name
  }
}
`,
    variables: { text: 'azure admin' },
  },
  {
    query: `# A page of certifications; pass pageInfo.endCursor as $after for the next one.
query ExpertCertifications($after: String) {
  certifications(level: EXPERT, first: 10, after: $after) {
    totalCount
    nodes { code name }
    pageInfo { hasNextPage endCursor }
  }
}
`,
  },
  {
    query: `# The whole requirement structure as flat nodes and edges, and as a Mermaid diagram.
query RequirementDiagram($code: String!) {
  certification(code: $code) {
    name
    diagram(format: MERMAID)
    requirementGraph {
      root
      nodes { id kind code name mode }
      edges { from to type position }
    }
  }
}
`,
    variables: { code: 'devops-engineer' },
  },
  ...LEARNER_EXAMPLES,
];

/** Paths, plans and unlocks (src/paths). */
export const PATH_EXAMPLES: PlaygroundExample[] = [
  {
    query: `# Every way to earn a certification on a day (asOf; leave it out for today), as the exams
# to sit and in which order. On 2021-06-01 DevOps Engineer Expert had two; AZ-204 retired since.
query Paths($code: String!, $holding: [String!], $asOf: Date) {
  certification(code: $code) {
    name
    paths(holding: $holding, first: 20, asOf: $asOf) {
      asOf
      totalCount
      noPathReason
      nodes {
        examCount
        confidence
        exams { code name }
        certifications { code }
        steps {
          exam { code }
          completes { code }
          courses { code }
        }
      }
    }
  }
}
`,
    variables: { code: 'devops-engineer', holding: [], asOf: '2021-06-01' },
  },
  {
    query: `# The shortest plan from what a learner already holds to a target certification.
query Plan($target: String!, $holding: [String!]) {
  plan(target: $target, holding: $holding, optimizeFor: FEWEST_EXAMS) {
    target { code name }
    optimal
    alreadyQualified
    path {
      examCount
      exams { code name }
      steps {
        exam { code }
        completes { code }
      }
    }
  }
}
`,
    variables: { target: 'devops-engineer', holding: ['AZ-104'] },
  },
  {
    query: `# What passing an exam brings within reach, given what the learner already holds.
query Unlocks($code: String!, $holding: [String!]) {
  unlocks(code: $code, holding: $holding) {
    certification { code name }
    earned
    remainingExamCount
    remaining { exams { code name } }
  }
  exam(code: $code) {
    code
    unlocks(holding: $holding) {
      certification { code }
      earned
    }
  }
}
`,
    variables: { code: 'AZ-104', holding: [] },
  },
];

/** The catalog over time: dated requirements, status, retirements and successors. */
export const HISTORY_EXAMPLES: PlaygroundExample[] = [
  {
    query: `# What a certification required on a day, what it requires today, and every version in
# between with its days and sources. Check confidence before presenting a fact as certain.
query History($code: String!, $then: Date!) {
  then: certification(code: $code) {
    name
    requirements(asOf: $then) {
      asOf
      items {
        ... on Exam { code name status(asOf: $then) }
        ... on Certification { code name status(asOf: $then) }
      }
    }
  }
  today: certification(code: $code) {
    requirements {
      asOf
      items {
        ... on Exam { code name status retiredOn }
        ... on Certification { code name status retiredOn }
      }
    }
    requirementHistory {
      validFrom
      validUntil
      requirements {
        entries {
          item {
            ... on Exam { code replacedBy { code } }
            ... on Certification { code }
          }
          confidence
          sources
        }
      }
    }
  }
}
`,
    variables: { code: 'azure-solutions-architect', then: '2021-06-01' },
  },
  {
    query: `# A plan for a retired certification on a day (asOf; leave it out for today): no path, the
# reason, and where Microsoft points instead. Items carry status, lifecycle and grades.
query RetiredTarget($target: String!, $asOf: Date) {
  plan(target: $target, asOf: $asOf) {
    asOf
    targetStatus
    path { examCount confidence }
    noPathReason
    successors {
      __typename
      code
      name
      status(asOf: $asOf)
      confidence
    }
    target {
      name
      retiredOn
      lifecycle { retiredOn confidence sources notes }
    }
  }
}
`,
    variables: { target: 'power-platform-solution-architect-expert', asOf: '2026-11-27' },
  },
];

/** Curating (docs/curation.md): mutations need a curator's bearer token in the Headers pane. */
export const CURATION_EXAMPLES: PlaygroundExample[] = [
  {
    query: `# Curators only: put your token in the Headers pane below, as
#   {"authorization": "Bearer <CURATOR_TOKEN or a JWT with the curator role>"}
# Read catalogVersion first and pass it as expectedVersion: a stale one is refused (CONFLICT).
# Every change is checked like the seeds, written in one transaction and recorded (catalogChanges).
mutation Retire($code: String!, $retiredOn: Date!, $sources: [String!]!, $expectedVersion: Int) {
  retire(code: $code, retiredOn: $retiredOn, sources: $sources, expectedVersion: $expectedVersion) {
    catalogVersion
    item { code status retiredOn }
    change { version who at mutation before after }
  }
}
`,
    variables: {
      code: 'AZ-104',
      retiredOn: '2026-12-31',
      // The page that dates the retirement: a real source, or the mutation is refused.
      sources: ['<URL of the page that dates the retirement>'],
      expectedVersion: 0,
    },
    headers: { authorization: 'Bearer <CURATOR_TOKEN>' },
  },
];

/** The main questions first: requirements, then paths, plan and unlocks, then history, then the rest. */
export const PLAYGROUND_EXAMPLES: PlaygroundExample[] = [
  CATALOG_EXAMPLES[0],
  ...PATH_EXAMPLES,
  ...HISTORY_EXAMPLES,
  ...CATALOG_EXAMPLES.slice(1),
  ...CURATION_EXAMPLES,
];

/** GraphQL validation errors of one example against a schema (none: the example runs). */
export function exampleErrors(schema: GraphQLSchema, example: PlaygroundExample): string[] {
  return validate(schema, parse(example.query)).map((error) => error.message);
}
