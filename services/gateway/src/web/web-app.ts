import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { REPOSITORY_ROOT } from '@sinergi/contracts';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { GatewayConfig } from '../gateway.config';

/** The gateway's own routes; every other path belongs to the pages built from services/web. */
const GATEWAY_PREFIXES = ['/api', '/oidc', '/auth', '/health', '/schemas', '/asyncapi'];

/** `npm run build:web` builds here (the repository's dist/web), unless WEB_DIST_DIR says otherwise. */
const DEFAULT_WEB_DIST_DIR = resolve(REPOSITORY_ROOT, 'dist/web');

export function isWebAppPath(path: string): boolean {
  return !GATEWAY_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}.`));
}

/** Everything the pages load comes from the gateway itself: no inline script or style, nothing from elsewhere. */
export const WEB_APP_CSP = {
  useDefaults: false,
  directives: {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'font-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  },
};

/** Applies `handler` to the requests for `isWebAppPath` paths only when `web` is true, or to the others when false. */
export function forPaths(web: boolean, handler: RequestHandler): RequestHandler {
  return (request, response, next) => (isWebAppPath(request.path) === web ? handler(request, response, next) : next());
}

/**
 * Serves the dashboard at / and the participant portal at /portal/ from the built files, with the page itself for
 * any other path a browser asks for as HTML (the pages route on the client). Not built: a 503 that says how to build.
 */
export function serveWebApp(app: NestExpressApplication, config: GatewayConfig): void {
  const root = resolve(config.WEB_DIST_DIR ?? DEFAULT_WEB_DIST_DIR);
  app.useStaticAssets(root, {
    index: 'index.html',
    setHeaders: (response, path) => {
      // Vite names built assets by their content hash, so they never change; the pages themselves are always revalidated.
      response.setHeader('Cache-Control', path.startsWith(join(root, 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.use(forPaths(true, pageFallback(root)));
}

function pageFallback(root: string): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && (request.headers.accept ?? '').includes('text/html');
    if (!wantsPage || request.path.startsWith('/assets/')) return next();
    const page = request.path === '/portal' || request.path.startsWith('/portal/') ? join(root, 'portal', 'index.html') : join(root, 'index.html');
    if (!existsSync(page)) {
      response.status(503).type('html').setHeader('Cache-Control', 'no-store').send(NOT_BUILT_PAGE);
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(page);
  };
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="id">
<head><meta charset="utf-8"><title>Sinergi: dasbor belum dibangun / dashboard not built</title></head>
<body>
<h1>Dasbor belum dibangun</h1>
<p>Jalankan <code>npm run build:web</code> di repositori, lalu muat ulang halaman ini.</p>
<h1 lang="en">The dashboard is not built</h1>
<p lang="en">Run <code>npm run build:web</code> in the repository, then reload this page.</p>
</body>
</html>
`;
