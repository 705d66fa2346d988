/**
 * A Bot Framework token issuer on loopback, for tests of the authenticated Teams path: an OpenID
 * metadata document and its signing key (RS256), tokens signed as the Bot Connector signs them
 * (issuer, audience = the app id, `serviceUrl` claim), and reply credentials that sign outgoing
 * requests with a fixed bearer instead of asking Microsoft's login. The bot checks every inbound
 * token against this metadata exactly as it checks Microsoft's.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import { ServiceClientCredentialsFactory } from 'botframework-connector';
import type { BotFrameworkEndpoints } from '../../src/channels/teams/index.js';

export const APP_ID = '00000000-0000-4000-8000-00000000b0a7';
export const APP_PASSWORD = 'test-app-password';
export const ISSUER = 'https://api.botframework.test';
/** What the fake connector sees in Authorization on the bot's replies. */
export const OUTGOING_BEARER = 'Bearer outgoing-test-token';

class TestCredentialsFactory extends ServiceClientCredentialsFactory {
  async isValidAppId(appId = ''): Promise<boolean> {
    return appId === APP_ID;
  }
  async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }
  async createCredentials(): Promise<never> {
    const credentials = {
      signRequest: async (resource: { headers: { set(name: string, value: string): void } }) => {
        resource.headers.set('authorization', OUTGOING_BEARER);
        return resource;
      },
    };
    return credentials as never;
  }
}

export interface TokenIssuer {
  /** Pass to createBotServer's botFrameworkEndpoints. */
  readonly endpoints: BotFrameworkEndpoints;
  /** The credentials for createBotServer (MicrosoftAppId + password). */
  readonly credentials: { MicrosoftAppId: string; MicrosoftAppPassword: string };
  /** `Bearer <jwt>` for an activity with this serviceUrl. */
  authorization(serviceUrl: string, claims?: Record<string, unknown>): string;
  /** A token signed with a key the metadata does not publish. */
  forged(serviceUrl: string): string;
  close(): Promise<void>;
}

function rsaKey() {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

export async function startTokenIssuer(): Promise<TokenIssuer> {
  const { privateKey, publicKey } = rsaKey();
  const stranger = rsaKey().privateKey;
  const kid = randomUUID();
  const jwk = publicKey.export({ format: 'jwk' });
  let base = '';
  const server: Server = createServer((req, res) => {
    if (req.url === '/.well-known/openid-configuration') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ issuer: ISSUER, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      return;
    }
    if (req.url === '/keys') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e, endorsements: ['msteams', 'emulator', 'webchat', 'directline'] }] }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sign = (key: typeof privateKey, serviceUrl: string, claims: Record<string, unknown> = {}): string =>
    `Bearer ${jwt.sign({ serviceurl: serviceUrl, ...claims }, key.export({ format: 'pem', type: 'pkcs1' }), { algorithm: 'RS256', keyid: kid, issuer: ISSUER, audience: APP_ID, expiresIn: '10m' })}`;
  return {
    endpoints: { openIdMetadataUrl: `${base}/.well-known/openid-configuration`, tokenIssuer: ISSUER, credentialsFactory: new TestCredentialsFactory() },
    credentials: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: APP_PASSWORD },
    authorization: (serviceUrl, claims) => sign(privateKey, serviceUrl, claims),
    forged: (serviceUrl) => sign(stranger, serviceUrl),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Metadata nobody answers: a port that was opened and closed again. */
export async function unreachableEndpoints(): Promise<BotFrameworkEndpoints> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return { openIdMetadataUrl: `http://127.0.0.1:${port}/.well-known/openid-configuration`, tokenIssuer: ISSUER, credentialsFactory: new TestCredentialsFactory() };
}
