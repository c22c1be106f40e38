import { basename, dirname, resolve } from 'node:path';

/** The repository's root, from libs/contracts/src or from its build under dist/. */
const ROOT = ((above) => (basename(above) === 'dist' ? dirname(above) : above))(resolve(__dirname, '../../..'));

/** Where `npm run asyncapi:html` writes the rendered AsyncAPI document that the gateway serves at `/asyncapi`. */
export const ASYNCAPI_HTML_FILE = resolve(ROOT, '.cache/asyncapi/index.html');
