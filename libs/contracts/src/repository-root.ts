import { basename, dirname, resolve } from 'node:path';

/** The repository's root, whether this file runs from libs/contracts/src or from its build under dist/. */
export const REPOSITORY_ROOT = ((above) => (basename(above) === 'dist' ? dirname(above) : above))(resolve(__dirname, '../../..'));
