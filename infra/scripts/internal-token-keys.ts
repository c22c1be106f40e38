import { generateInternalTokenKeys } from '@sinergi/contracts';

/** `npm run internal-token-keys`: a fresh pair for a deployment's secret store (docker compose reads them from the environment). */
const { privateJwk, publicJwks } = generateInternalTokenKeys();
process.stdout.write(`INTERNAL_TOKEN_SIGNING_KEY='${JSON.stringify(privateJwk)}'\nINTERNAL_TOKEN_JWKS='${JSON.stringify(publicJwks)}'\n`);
