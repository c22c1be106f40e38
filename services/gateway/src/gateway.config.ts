import { Type } from 'class-transformer';
import { IsInt, IsJSON, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';
import { ServiceConfig } from '@sinergi/platform';

const HTTP_URL = { protocols: ['https', 'http'], require_protocol: true, require_tld: false };
const serviceUrl = (service: string) => IsUrl(HTTP_URL, { message: `must be the http(s) URL ${service} listens at, e.g. http://127.0.0.1:3001` });

/** The gateway's settings: where the services are, whose tokens it accepts, how it signs its own. */
export class GatewayConfig extends ServiceConfig {
  /** The private JWK the gateway signs internal tokens with; the services hold its public half (INTERNAL_TOKEN_JWKS). */
  @IsJSON({ message: 'must be the JSON of a private EC JWK (npm run internal-token-keys prints a pair)' })
  INTERNAL_TOKEN_SIGNING_KEY!: string;

  @serviceUrl('program')
  PROGRAM_URL!: string;

  @serviceUrl('enrollment')
  ENROLLMENT_URL!: string;

  @serviceUrl('venue-capacity')
  VENUE_CAPACITY_URL!: string;

  @serviceUrl('instructor-module')
  INSTRUCTOR_MODULE_URL!: string;

  @serviceUrl('notification')
  NOTIFICATION_URL!: string;

  /** The gateway's URL as browsers and other clients reach it; the embedded provider's issuer is this plus /oidc. */
  @IsUrl(HTTP_URL, { message: 'must be the http(s) URL clients reach the gateway at, e.g. https://sinergi.kemnaker.go.id' })
  GATEWAY_PUBLIC_URL!: string;

  /** An external OpenID provider (e.g. a ministry's Keycloak realm). Not set: the gateway's embedded provider. */
  @IsOptional()
  @IsUrl(HTTP_URL, { message: 'must be the issuer URL of an OpenID provider, e.g. https://sso.kemnaker.go.id/realms/sinergi' })
  OIDC_ISSUER?: string;

  /** The audience an access token must name. */
  @IsOptional()
  @Matches(/^\S+$/, { message: 'must be one audience, without spaces' })
  OIDC_AUDIENCE?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(0, { message: 'must be between 0 and 300' })
  @Max(300, { message: 'must be between 0 and 300' })
  OIDC_CLOCK_TOLERANCE_SECONDS?: number;

  /** The claim that carries the roles (a dotted path, e.g. realm_access.roles for Keycloak). */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_:-]+(\.[A-Za-z0-9_:-]+)*$/, { message: 'must be a claim name or a dotted path, e.g. realm_access.roles' })
  OIDC_ROLES_CLAIM?: string;

  /** Browser origins allowed to call the API, comma separated. Not set: CORS stays off. */
  @IsOptional()
  @Matches(/^https?:\/\/[^,\s]+(,https?:\/\/[^,\s]+)*$/, { message: 'must be a comma-separated list of origins, e.g. https://dashboard.kemnaker.go.id' })
  CORS_ORIGINS?: string;

  /**
   * How many reverse proxies stand in front of the gateway: their X-Forwarded-For is then believed, so that rate limits
   * and sign-in limits count the client's address, not the proxy's. Not set: 0 (the header is ignored).
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of proxies' })
  @Min(0, { message: 'must be between 0 and 10' })
  @Max(10, { message: 'must be between 0 and 10' })
  TRUST_PROXY?: number;

  /** Requests per minute per client on the API. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  RATE_LIMIT_PER_MINUTE?: number;

  /** Requests per minute per client on sign-in and participant self-service routes. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  SENSITIVE_RATE_LIMIT_PER_MINUTE?: number;

  /** A JSON file of local staff accounts (username, password, roles, venueCodes, instructorId) the gateway seeds at start; npm start writes .cache/local-accounts.json. */
  @IsOptional()
  @IsString({ message: 'must be the path of a JSON file of local accounts' })
  LOCAL_ACCOUNTS_FILE?: string;

  /** Where the built dashboard and portal are (`npm run build:web`); default the repository's dist/web. */
  @IsOptional()
  @IsString({ message: 'must be the path of the directory npm run build:web builds into' })
  WEB_DIST_DIR?: string;

  /** HMAC-SHA256 key under which participants' sign-in codes (and the identifiers and addresses they are limited by) are kept. */
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 random bytes in base64 (44 characters), e.g. from `openssl rand -base64 32`' })
  SIGN_IN_CODE_HMAC_KEY!: string;

  /** AES-256-GCM key sign-in codes travel to notification under; notification holds the same key. */
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 random bytes in base64 (44 characters), the same key notification opens sign-in codes with' })
  SIGN_IN_CODE_SEAL_KEY!: string;

  /** AES-256-GCM key the answers kept for Idempotency-Key retries are sealed with (they may hold personal data); the gateway's alone. */
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be 32 random bytes in base64 (44 characters), e.g. from `openssl rand -base64 32`' })
  IDEMPOTENCY_SEAL_KEY!: string;

  get oidcIssuer(): string {
    return this.OIDC_ISSUER ?? `${this.GATEWAY_PUBLIC_URL.replace(/\/$/, '')}/oidc`;
  }

  get oidcAudience(): string {
    return this.OIDC_AUDIENCE ?? 'sinergi-api';
  }
}
