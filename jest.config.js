const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

/** Maintained OpenID/JOSE libraries that ship only as ES modules; jest's CommonJS runtime needs them transpiled. */
const ES_MODULE_PACKAGES = ['jose', 'oauth4webapi', 'openid-client', 'oidc-provider', '@seriousme/openapi-schema-validator'];
const esModuleTranspile = ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022' }, isolatedModules: true }];

const shared = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
    [`/node_modules/(${ES_MODULE_PACKAGES.join('|')})/.+\\.js$`]: esModuleTranspile,
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ES_MODULE_PACKAGES.join('|')})/)`],
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  setupFiles: ['reflect-metadata'],
};

/** `unit`: pure rules, no I/O. `integration`: real Kafka and PostgreSQL from the global setup. */
module.exports = {
  testTimeout: 120000,
  reporters: ['default', '<rootDir>/infra/jest/summary-line-reporter.js'],
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{libs,services,infra}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{libs,services,infra}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/jest-global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/jest-global-teardown.ts',
    },
  ],
};
