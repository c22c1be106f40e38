/** The embedded provider (oidc-provider's Provider), or null when OIDC_ISSUER names an external one. */
export const OIDC_PROVIDER = Symbol('OIDC_PROVIDER');
