/**
 * `npm run bench:paths`: the path questions on the seeds and on synthetic catalogs of 1x, 10x and
 * 1000x their size, first the pure algorithms, then end to end (GraphQL over a throwaway Neo4j).
 * `--pure` skips the Neo4j part. bench/README.md records a run and explains the columns.
 */
import { connect } from '../src/db/connect';
import { Database } from '../src/db/database';
import { startLocalNeo4j } from '../src/neo4j/local-neo4j';
import { loadSeeds } from '../src/seed/load-seeds';
import { seedSizedOptions, syntheticCatalog } from '../tests/support/synthetic-catalog';
import { benchEndToEnd, endToEndTable, EndToEndRow } from './end-to-end.bench';
import { benchPure, firstTable, PureRow, pureTable } from './pure-paths.bench';

const SCALES = [1, 10, 1000];

export async function benchPaths(options: { pure: boolean }): Promise<void> {
  const scaled = [
    { name: 'the seeds', catalog: await loadSeeds() },
    ...SCALES.map((scale) => ({
      name: `${scale}x seed`,
      catalog: syntheticCatalog(seedSizedOptions(scale)),
    })),
  ];

  console.log(
    '\n## Pure algorithms: size (the seeds; synthetic seed-shaped: depth 2, choices of 2, sharing 0.1)\n',
  );
  const bySize: PureRow[] = scaled.map(({ name, catalog }) => benchPure(name, catalog));
  console.log(pureTable(bySize));

  console.log('\n## Pure algorithms: depth and sharing at 1000x (7000 certifications)\n');
  const shapes: PureRow[] = [];
  for (const [depth, choiceWidth] of [
    [2, 3],
    [4, 3],
    [6, 5],
  ]) {
    for (const sharingRatio of [0, 0.3, 0.6, 0.9]) {
      const options = { seed: 1, certifications: 7000, depth, choiceWidth, sharingRatio };
      shapes.push(
        benchPure(
          `depth ${depth}, width ${choiceWidth}, sharing ${sharingRatio}`,
          syntheticCatalog(options),
        ),
      );
    }
  }
  console.log(pureTable(shapes));

  console.log('\n## Pure `paths`: work follows `first`, not `totalCount`\n');
  console.log(
    firstTable(
      syntheticCatalog({
        seed: 1,
        certifications: 7000,
        depth: 6,
        choiceWidth: 5,
        sharingRatio: 0,
      }),
    ),
  );

  if (options.pure) return;
  console.log('\n## End to end: GraphQL request over a local Neo4j 5.26\n');
  const neo4j = await startLocalNeo4j({ boltPort: 0, httpPort: 0, heap: '1g', pageCache: '256m' });
  try {
    const driver = await connect({ uri: neo4j.boltUri });
    try {
      const database = new Database(driver);
      const rows: EndToEndRow[] = [];
      for (const { name, catalog } of scaled) {
        rows.push(await benchEndToEnd(database, name, catalog));
      }
      console.log(endToEndTable(rows));
    } finally {
      await driver.close();
    }
  } finally {
    await neo4j.stop();
  }
}

if (require.main === module) {
  benchPaths({ pure: process.argv.includes('--pure') }).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
