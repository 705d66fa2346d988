/**
 * App-only Graph tokens per tenant (client credentials) with MSAL. MSAL keeps and renews the
 * tokens; this module gives it a fetch-based network client with the call's budget (MSAL's own
 * has no timeout) and the authority's metadata up front, so a token costs one POST and never an
 * instance-discovery or OpenID-metadata round trip on the turn's clock. Tokens are cached by MSAL
 * until shortly before they expire.
 */
import { ConfidentialClientApplication, type INetworkModule, type NetworkRequestOptions, type NetworkResponse, type NodeAuthOptions } from '@azure/msal-node';
import type { GraphCredential } from './config.js';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Token endpoint answers meaning "this tenant has not consented to (or does not know) the app". */
const CONSENT_ERRORS = /AADSTS(65001|700016|7000229|500011|650052)\b/;

/** Token endpoint answers meaning "the app's own credential was refused": the operator's fault, not the tenant's. */
const CREDENTIAL_ERRORS = /AADSTS(700027|7000215|7000222|700024|50012)\b/;

/** The app registration's secret or certificate was refused (wrong, expired, or not uploaded to the app). */
export class CredentialRejectedError extends Error {
  constructor(
    readonly tenantId: string,
    credential: GraphCredential['kind'],
    code: string,
  ) {
    super(`the token endpoint refused the app registration's ${credential} (${code}): ${credential === 'certificate' ? "upload the certificate of MicrosoftAppCertificatePath to the app registration's Certificates & secrets, or point the variable at the uploaded one" : 'MicrosoftAppPassword is wrong or expired; create a new client secret and set it'}`);
    this.name = 'CredentialRejectedError';
  }
}

export class ConsentRequiredError extends Error {
  constructor(
    readonly tenantId: string,
    readonly consentUrl: string,
    detail: string,
  ) {
    super(`tenant ${tenantId} has not granted the app access: ${detail}`);
    this.name = 'ConsentRequiredError';
  }
}

export interface TokenSource {
  token(tenantId: string): Promise<string>;
  consentUrl(tenantId: string): string;
}

export interface TokenSourceOptions {
  readonly clientId: string;
  readonly credential: GraphCredential;
  readonly authorityUrl: string;
  /** The Graph resource (its origin); the scope is `<origin>/.default`. */
  readonly graphUrl: string;
  /** Longest a token request may take (the Graph call's budget). */
  readonly timeoutMs: number;
  readonly fetch?: FetchLike;
}

function fetchNetworkClient(fetcher: FetchLike, timeoutMs: number): INetworkModule {
  const send = async <T>(url: string, method: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> => {
    const signal = AbortSignal.timeout(timeoutMs);
    const response = await fetcher(url, { method, headers: options?.headers ?? {}, ...(options?.body !== undefined ? { body: options.body } : {}), signal });
    const text = await response.text();
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => (headers[key.toLowerCase()] = value));
    let body: unknown = {};
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = { error: 'invalid_response', error_description: text.slice(0, 200) };
    }
    return { headers, body: body as T, status: response.status };
  };
  return {
    sendGetRequestAsync: (url, options) => send(url, 'GET', options),
    sendPostRequestAsync: (url, options) => send(url, 'POST', options),
  };
}

function msalCredential(credential: GraphCredential): Pick<NodeAuthOptions, 'clientSecret' | 'clientCertificate'> {
  if (credential.kind === 'secret') return { clientSecret: credential.secret };
  return {
    clientCertificate: {
      thumbprintSha256: credential.thumbprintSha256,
      privateKey: credential.privateKey,
      ...(credential.sendX5c ? { x5c: credential.certificate } : {}),
    },
  };
}

export function createTokenSource(options: TokenSourceOptions): TokenSource {
  const fetcher = options.fetch ?? ((input, init) => fetch(input, init));
  const host = new URL(options.authorityUrl).host;
  const scope = `${new URL(options.graphUrl).origin}/.default`;
  const apps = new Map<string, ConfidentialClientApplication>();

  const appFor = (tenantId: string): ConfidentialClientApplication => {
    let app = apps.get(tenantId);
    if (app) return app;
    const authority = `${options.authorityUrl}/${tenantId}`;
    const metadata = {
      token_endpoint: `${authority}/oauth2/v2.0/token`,
      authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
      issuer: `${authority}/v2.0`,
      jwks_uri: `${authority}/discovery/v2.0/keys`,
    };
    app = new ConfidentialClientApplication({
      auth: {
        clientId: options.clientId,
        ...msalCredential(options.credential),
        authority,
        knownAuthorities: [host],
        authorityMetadata: JSON.stringify(metadata),
      },
      system: { networkClient: fetchNetworkClient(fetcher, options.timeoutMs), disableInternalRetries: true },
    });
    apps.set(tenantId, app);
    return app;
  };

  const consentUrl = (tenantId: string): string => `${options.authorityUrl}/${encodeURIComponent(tenantId)}/adminconsent?client_id=${encodeURIComponent(options.clientId)}`;

  return {
    consentUrl,
    async token(tenantId) {
      try {
        const result = await appFor(tenantId).acquireTokenByClientCredential({ scopes: [scope] });
        if (!result?.accessToken) throw new Error('the token endpoint returned no access token');
        return result.accessToken;
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        const match = CONSENT_ERRORS.exec(detail);
        if (match) throw new ConsentRequiredError(tenantId, consentUrl(tenantId), `AADSTS${match[1]}`);
        const refused = CREDENTIAL_ERRORS.exec(detail);
        if (refused) throw new CredentialRejectedError(tenantId, options.credential.kind, `AADSTS${refused[1]}`);
        throw error;
      }
    },
  };
}
