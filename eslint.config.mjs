// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/** typescript-eslint's strict-type-checked rules: the whole application (`src/`) is held to them. */
const strictRules = Object.assign({}, ...tseslint.configs.strictTypeChecked.map((c) => c.rules ?? {}));

export default tseslint.config(
  {
    ignores: ['dist/**', 'coverage/**', 'web/**', 'node_modules/**', '**/*.js', '**/*.mjs', '**/*.cjs'],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Tests, benchmarks and scripts read raw rows and HTTP bodies as `any` on purpose (they assert on them).
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      '@typescript-eslint/no-empty-object-type': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      // Tests send NIPs as JSON numbers on purpose: the API must refuse them.
      'no-loss-of-precision': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      ...strictRules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Template literals with numbers and booleans read naturally in messages for people.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // NestJS modules and DTO holders are classes with decorators only.
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      // Wrong for NestJS: DTO classes are response/request shapes for OpenAPI and Nest's option types are classes;
      // both are filled from object literals by design (the framework never relies on their constructors).
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      // Wrong for NestJS too: request DTOs are class instances only so that class-validator can read their
      // decorators; spreading one copies its validated fields, which is what the audit and the services want.
      '@typescript-eslint/no-misused-spread': 'off',
      // Named page types (`interface SkpPage extends Page<SkpListItem> {}`) give the OpenAPI schemas their names.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
);
