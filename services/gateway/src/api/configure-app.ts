import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { GatewayConfig } from '../gateway.config';

export const OPENAPI_JSON_PATH = 'api/docs-json';

/** Which proxies are believed about the client's address, security headers, CORS for the configured origins only, and the OpenAPI document and its UI. */
export function configureGatewayApp(app: NestExpressApplication, config: GatewayConfig): void {
  app.set('trust proxy', config.TRUST_PROXY ?? 0);
  app.use(
    helmet({
      // The API docs UI runs its own inline script and styles; everything else answers JSON.
      contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] } },
    }),
  );
  if (config.CORS_ORIGINS) {
    app.enableCors({
      origin: config.CORS_ORIGINS.split(','),
      allowedHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-correlation-id', 'traceparent'],
      exposedHeaders: ['x-correlation-id', 'traceparent', 'retry-after'],
      maxAge: 600,
    });
  }
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setOpenAPIVersion('3.1.0')
      .setTitle('Sinergi public API')
      .setDescription(
        'Every operation of the Sinergi services and participant self-service, under /api/v1. Send an access token of the OpenID issuer as a bearer token; errors are application/problem+json.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: `An access token of ${config.oidcIssuer} for ${config.oidcAudience}` })
      .build(),
    { deepScanRoutes: true },
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: OPENAPI_JSON_PATH, raw: ['json'] });
}
