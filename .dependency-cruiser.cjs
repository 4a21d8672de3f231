/* global module */
/**
 * The layers of src/ and what each may import (README "Code layout"). Checked by `npm run lint`.
 * Lower layers never import higher ones, so no two folders import each other.
 */
const notTest = '\\.test\\.ts$';

/**
 * A rule: files under `folder` import nothing outside `allowed` (folders of src/, or packages),
 * nor Node's own modules unless `core`.
 */
const layer = (name, folder, allowed, comment, { core = true } = {}) => ({
  name,
  comment,
  severity: 'error',
  from: { path: `^src/${folder}/`, pathNot: notTest },
  to: {
    pathNot: `^(${[`src/${folder}/`, ...allowed].join('|')})`,
    ...(core ? { dependencyTypesNot: ['core'] } : {}),
  },
});

const SRC_ROOT_FILES = 'src/(errors|config|project-root)\\.ts';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Files that import each other, directly or around a loop.',
      from: {},
      to: { circular: true },
    },
    layer('domain-is-pure', 'domain', [], 'The vocabulary and day rules depend on nothing.', {
      core: false,
    }),
    layer(
      'graph-is-pure',
      'graph',
      ['src/domain/'],
      'The property-graph model and graph helpers: no driver, no GraphQL.',
      { core: false },
    ),
    layer(
      'paths-are-pure',
      'paths',
      ['src/domain/', 'src/graph/'],
      'The path algorithms work on plain data: no type-graphql, no driver, no Express.',
      { core: false },
    ),
    layer(
      'model-is-types',
      'model',
      ['src/domain/', 'node_modules/(type-graphql|graphql-scalars|graphql)/'],
      'GraphQL types and enums only.',
    ),
    layer(
      'store-below-services',
      'store',
      ['src/(db|domain|graph|model|paths)/', SRC_ROOT_FILES, 'node_modules/'],
      'Repositories know the database and the model, nothing above them.',
    ),
    layer(
      'services-below-api',
      'services',
      ['src/(domain|model|paths|store)/', SRC_ROOT_FILES, 'node_modules/'],
      'Services answer questions with the store and the algorithms; they know no resolver.',
    ),
    layer(
      'api-below-http',
      'api',
      [
        'src/(curation|db|diagram|domain|model|seed|services|store)/',
        SRC_ROOT_FILES,
        'node_modules/',
      ],
      'Resolvers know services, store and model, not the HTTP layer or the app.',
    ),
    layer(
      'seeds-know-no-api',
      'seed',
      ['src/(db|domain|graph)/', SRC_ROOT_FILES, 'node_modules/'],
      'Seeding writes the graph; it needs nothing of the API.',
    ),
    layer(
      'import-knows-no-api',
      'import',
      ['src/(domain|seed)/', SRC_ROOT_FILES, 'node_modules/'],
      'The importer edits seeds/; it needs nothing of the API.',
    ),
    layer(
      'curation-knows-no-api',
      'curation',
      ['src/(db|domain|graph|import|seed)/', SRC_ROOT_FILES, 'node_modules/'],
      'Curation changes the graph with the seeds own parser and validator; it needs nothing of the API.',
    ),
    {
      name: 'product-code-needs-no-tests',
      severity: 'error',
      comment: 'Test fixtures and generators stay out of what npm run build ships.',
      from: { path: '^src/', pathNot: notTest },
      to: { path: '^(tests|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '^dist/' },
  },
};
