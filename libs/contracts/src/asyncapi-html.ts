import { resolve } from 'node:path';
import { REPOSITORY_ROOT } from './repository-root';

/** Where `npm run asyncapi:html` writes the rendered AsyncAPI document that the gateway serves at `/asyncapi`. */
export const ASYNCAPI_HTML_FILE = resolve(REPOSITORY_ROOT, '.cache/asyncapi/index.html');
