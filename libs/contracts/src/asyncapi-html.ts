import { join } from 'node:path';

/** Where `npm run asyncapi:html` writes the rendered AsyncAPI document that the gateway serves at `/asyncapi`. */
export const ASYNCAPI_HTML_FILE = join(__dirname, '../../../.cache/asyncapi/index.html');
