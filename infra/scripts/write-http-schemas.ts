import { HTTP_SCHEMAS_PATH, writeHttpSchemas } from './http-schemas';

/** `npm run http-schemas`: writes the JSON Schemas of the HTTP contracts (libs/contracts/src/http/http-schemas.json). */
writeHttpSchemas();
process.stdout.write(`${HTTP_SCHEMAS_PATH}: written\n`);
