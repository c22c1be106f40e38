// @ts-check
import { createProjectGraphAsync } from '@nx/devkit';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// `@nx/enforce-module-boundaries` reads Nx's *cached* project graph and, when there is none (fresh clone, CI),
// only prints a warning and skips itself, so `npx eslint .` would pass without checking any boundary.
// Outside an Nx task (which computes the graph before running), build or refresh it here; this fails loudly if it cannot.
if (!process.env.NX_TASK_TARGET_PROJECT) {
  await createProjectGraphAsync({ exitOnError: true });
}

/**
 * Architectural boundaries, enforced through the tags in each project.json.
 * Services are only coordinated through Kafka, so a service can never import another service:
 * `type:service` is not in any allow-list below (and Nx also forbids importing an application).
 */
const depConstraints = [
  { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:contracts', 'type:messaging', 'type:platform', 'type:testing'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:testing', 'type:infra'] },
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:contracts', 'type:messaging'] },
  { sourceTag: 'type:messaging', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:messaging', 'type:platform', 'type:infra'] },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:contracts', 'type:messaging'] },
  // services/web: the browser pages, built by Vite; they reach the system only over HTTP.
  { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['type:contracts'] },
  // infra/scripts: the command-line tools behind npm start, npm stop and npm run asyncapi.
  { sourceTag: 'type:tools', onlyDependOnLibsWithTags: ['type:contracts', 'type:messaging', 'type:infra'] },
];

/**
 * Test code of the libraries below the harness may also use `@sinergi/testing`.
 * Production code of those libraries stays bound by `depConstraints` above.
 */
const testDepConstraints = depConstraints.map((constraint) =>
  constraint.sourceTag === 'type:messaging' || constraint.sourceTag === 'type:platform'
    ? { ...constraint, onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'type:testing'] }
    : constraint,
);

/** @param {{ constraints?: typeof depConstraints }} [options] */
const moduleBoundaries = ({ constraints = depConstraints } = {}) => [
  'error',
  {
    depConstraints: constraints,
    // messaging's integration tests (libs/messaging/test) use the harness, and the harness uses messaging:
    // a test-only cycle in the project graph. Production messaging code importing the harness is still
    // rejected by the `type:messaging` constraint.
    ignoredCircularDependencies: [
      ['messaging', 'testing'],
      ['platform', 'testing'],
    ],
  },
];

const TS_FILES = ['**/*.ts', '**/*.tsx'];
const TEST_FILES = ['**/*.spec.ts', '**/*.int-spec.ts', '**/test/**/*.ts'];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/coverage/**', '.cache/**', '.nx/**', 'jest.config.js'],
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
  {
    files: TS_FILES,
    extends: [tseslint.configs.recommended],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': moduleBoundaries(),
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
    },
  },
  {
    files: TEST_FILES,
    rules: {
      '@nx/enforce-module-boundaries': moduleBoundaries({ constraints: testDepConstraints }),
    },
  },
);
