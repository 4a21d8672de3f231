/** @jest-config-loader ts-node */
/** @jest-config-loader-options {"transpileOnly": true} */
import type { Config } from 'jest';

// @swc/jest compiles fast and, unlike esbuild/tsx, emits the decorator metadata that
// type-graphql reads. Type checking is `tsc --noEmit` in `npm run lint`.
const transform: Config['transform'] = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
      },
      module: { type: 'commonjs' },
    },
  ],
};

const config: Config = {
  projects: [
    {
      displayName: 'unit',
      testMatch: ['<rootDir>/src/**/*.test.ts'],
      transform,
    },
    {
      // Integration tests share the single Neo4j user database, so they run one at a time.
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/**/*.int.test.ts'],
      transform,
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
  ],
  maxWorkers: 1,
  testTimeout: 60_000,
};

export default config;
