import nx from '@nx/eslint-plugin';
import baseConfig from './eslint.config.mjs';

/** Lint rules for an Angular project whose selectors start with `prefix`. */
export function angularConfig(prefix) {
  return [
    ...nx.configs['flat/angular'],
    ...nx.configs['flat/angular-template'],
    ...baseConfig,
    {
      files: ['**/*.ts'],
      rules: {
        '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix, style: 'camelCase' }],
        '@angular-eslint/component-selector': ['error', { type: 'element', prefix, style: 'kebab-case' }],
      },
    },
  ];
}
