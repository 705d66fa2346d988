/**
 * A fake Microsoft Entra token endpoint and a fake Microsoft Graph on one HTTPS server on
 * 127.0.0.1 (MSAL accepts only https authorities), with a throwaway self-signed certificate made
 * by openssl. `fetch` trusts that certificate only; the bot's Graph code is given it.
 * Answers follow the documented shapes: the v2.0 token response, `{ value: [...] }` collections
 * for roleAssignments, users, subscribedSkus and serviceAnnouncement/issues.
 */
import { execFileSync } from 'node:child_process';
import { constants, createHash, verify, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';
import type { FetchLike } from '../../src/graph/tokens.js';

export type TenantMode = 'ok' | 'no-consent' | 'throttled' | 'failing' | 'hanging';

export interface FakeIssue {
  readonly id: string;
  readonly title: string;
  readonly service: string;
  readonly status: string;
  readonly classification: 'incident' | 'advisory';
  readonly lastModifiedDateTime: string;
}

export interface FakeTenant {
  mode: TenantMode;
  /** Principal (user or role-assignable group) object id -> role template ids assigned to it. */
  roles: Record<string, string[]>;
  /** User object id -> the groups they are a member of. */
  groups: Record<string, string[]>;
  /** Lower-case mail or UPN -> object id. */
  users: Record<string, string>;
  skus: string[];
  issues: FakeIssue[];
}

export interface GraphRequest {
  readonly method: string;
  readonly path: string;
  readonly tenant: string;
}

export interface FakeGraph {
  readonly authorityUrl: string;
  readonly graphUrl: string;
  readonly fetch: FetchLike;
  readonly requests: GraphRequest[];
  /**
   * Certificates (PEM) uploaded to the app registration: a token request with a `client_assertion`
   * is granted only when signed by one of them. Token requests that used each kind of credential.
   */
  readonly appCertificates: string[];
  readonly credentialsUsed: ('client_secret' | 'client_assertion')[];
  tenant(id: string): FakeTenant;
  close(): Promise<void>;
}

/** A throwaway RSA key and self-signed certificate (PEM) made by openssl. */
export function selfSignedCertificate(subject = '/CN=127.0.0.1', extra: string[] = ['-addext', 'subjectAltName=IP:127.0.0.1']): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fake-graph-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', subject, ...extra], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const json = (res: import('node:http').ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
};

const base64url = (text: string): Buffer => Buffer.from(text, 'base64url');

/**
 * Why Entra would refuse this client assertion (RFC 7523, as Microsoft documents it for
 * certificate credentials), or undefined when it is good: the certificate named by `x5t#S256` is
 * uploaded to the app, the signature verifies with its public key (PS256, or RS256 with `x5t`),
 * `aud` is the token endpoint, `iss` and `sub` are the app's client id, and it has not expired.
 */
function assertionProblem(assertion: string, clientId: string, tokenEndpoint: string, certificates: readonly string[]): string | undefined {
  const [head, body, signature] = assertion.split('.');
  if (!head || !body || !signature) return 'AADSTS50027: the client assertion is not a JWT (fake).';
  const header = JSON.parse(base64url(head).toString('utf8')) as { alg?: string; 'x5t#S256'?: string; x5t?: string };
  const claims = JSON.parse(base64url(body).toString('utf8')) as { aud?: string; iss?: string; sub?: string; exp?: number };
  const thumbprint = header['x5t#S256'] ?? header.x5t;
  const digest = header['x5t#S256'] ? 'sha256' : 'sha1';
  const certificate = certificates.map((pem) => new X509Certificate(pem)).find((c) => createHash(digest).update(c.raw).digest('base64url') === thumbprint);
  if (!certificate) return `AADSTS700027: Client assertion failed signature validation. Reason - The key was not found. Thumbprint of key used by client: '${thumbprint}' (fake).`;
  const pss = header.alg === 'PS256';
  if (!pss && header.alg !== 'RS256') return `AADSTS5002738: unsupported alg ${header.alg} (fake).`;
  const key = pss ? { key: certificate.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO } : certificate.publicKey;
  if (!verify('sha256', Buffer.from(`${head}.${body}`), key, base64url(signature))) return 'AADSTS700027: Client assertion contains an invalid signature (fake).';
  if (claims.aud !== tokenEndpoint) return `AADSTS700212: the client assertion's audience "${claims.aud}" is not the token endpoint (fake).`;
  if (claims.iss !== clientId || claims.sub !== clientId) return 'AADSTS700021: the client assertion\'s iss and sub must be the client id (fake).';
  if (!claims.exp || claims.exp * 1000 < Date.now()) return 'AADSTS700024: the client assertion has expired (fake).';
  return undefined;
}

async function formOf(req: import('node:http').IncomingMessage): Promise<URLSearchParams> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return new URLSearchParams(text);
}

/** The quoted value after `field eq` in an OData $filter. */
const filterValue = (filter: string, field: string): string | undefined => new RegExp(`${field} eq '((?:[^']|'')*)'`).exec(filter)?.[1]?.replace(/''/g, "'");

export async function startFakeGraph(): Promise<FakeGraph> {
  const tenants = new Map<string, FakeTenant>();
  const requests: GraphRequest[] = [];
  const appCertificates: string[] = [];
  const credentialsUsed: FakeGraph['credentialsUsed'] = [];
  const tenantOf = (id: string): FakeTenant => {
    let t = tenants.get(id);
    if (!t) tenants.set(id, (t = { mode: 'ok', roles: {}, groups: {}, users: {}, skus: [], issues: [] }));
    return t;
  };
  const hanging = new Set<import('node:http').ServerResponse>();
  const { key, cert } = selfSignedCertificate();

  const server: Server = createServer({ key, cert }, async (req, res) => {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname);
    if (token && req.method === 'POST') {
      const tenantId = decodeURIComponent(token[1] ?? '');
      requests.push({ method: 'POST', path: url.pathname, tenant: tenantId });
      const form = await formOf(req);
      const assertion = form.get('client_assertion');
      credentialsUsed.push(assertion ? 'client_assertion' : 'client_secret');
      const refused = assertion ? assertionProblem(assertion, form.get('client_id') ?? '', `https://${req.headers.host}${url.pathname}`, appCertificates) : undefined;
      if (refused) {
        json(res, 401, { error: 'invalid_client', error_description: refused, error_codes: [Number(/AADSTS(\d+)/.exec(refused)?.[1])] });
        return;
      }
      if (tenantOf(tenantId).mode === 'no-consent') {
        json(res, 400, { error: 'invalid_client', error_description: `AADSTS700016: the app is not known in directory ${tenantId} (fake).`, error_codes: [700016] });
        return;
      }
      json(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: `token-for-${tenantId}` });
      return;
    }
    const bearer = /^Bearer token-for-(.+)$/.exec(req.headers.authorization ?? '');
    if (!bearer || !url.pathname.startsWith('/v1.0/')) {
      json(res, 401, { error: { code: 'InvalidAuthenticationToken', message: 'no token' } });
      return;
    }
    const tenantId = bearer[1] ?? '';
    const tenant = tenantOf(tenantId);
    requests.push({ method: req.method ?? 'GET', path: `${url.pathname}${url.search}`, tenant: tenantId });
    if (tenant.mode === 'throttled') return json(res, 429, { error: { code: 'TooManyRequests', message: 'slow down' } }, { 'retry-after': '30' });
    if (tenant.mode === 'failing') return json(res, 500, { error: { code: 'InternalServerError', message: 'failing' } });
    if (tenant.mode === 'hanging') {
      hanging.add(res);
      return;
    }
    const path = url.pathname.slice('/v1.0'.length);
    const filter = url.searchParams.get('$filter') ?? '';
    if (path === '/roleManagement/directory/roleAssignments') {
      const principal = filterValue(filter, 'principalId') ?? '';
      return json(res, 200, { value: (tenant.roles[principal] ?? []).map((roleDefinitionId, i) => ({ id: `assignment-${i}`, principalId: principal, roleDefinitionId, directoryScopeId: '/' })) });
    }
    const transitive = /^\/users\/([^/]+)\/transitiveMemberOf\/microsoft\.graph\.directoryRole$/.exec(path);
    if (transitive) {
      // Directory roles (activated role objects) held directly or through the user's groups.
      const user = decodeURIComponent(transitive[1] ?? '');
      const templates = new Set([user, ...(tenant.groups[user] ?? [])].flatMap((principal) => tenant.roles[principal] ?? []));
      return json(res, 200, { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#directoryRoles(roleTemplateId)', value: [...templates].map((roleTemplateId) => ({ '@odata.type': '#microsoft.graph.directoryRole', roleTemplateId })) });
    }
    if (path === '/users') {
      const mail = (filterValue(filter, 'mail') ?? '').toLowerCase();
      const id = tenant.users[mail];
      return json(res, 200, { value: id ? [{ id }] : [] });
    }
    if (path === '/subscribedSkus') {
      return json(res, 200, {
        value: tenant.skus.map((skuPartNumber, i) => ({ capabilityStatus: 'Enabled', consumedUnits: 10, id: `${tenantId}_sku-${i}`, skuId: `sku-${i}`, skuPartNumber, appliesTo: 'User', prepaidUnits: { enabled: 25, suspended: 0, warning: 0 } })),
      });
    }
    if (path === '/admin/serviceAnnouncement/issues') {
      const open = filter.includes('isResolved eq false');
      return json(res, 200, { value: tenant.issues.map((i) => ({ ...i, isResolved: false, startDateTime: i.lastModifiedDateTime, impactDescription: i.title, feature: 'Mail flow', featureGroup: 'E-Mail and calendar access' })).filter(() => open) });
    }
    json(res, 404, { error: { code: 'Request_ResourceNotFound', message: path } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new Agent({ connect: { ca: cert } });
  const fetcher: FetchLike = (input, init) => undiciFetch(input, { ...(init as object), dispatcher: agent }) as unknown as Promise<Response>;
  return {
    authorityUrl: `https://127.0.0.1:${port}`,
    graphUrl: `https://127.0.0.1:${port}/v1.0`,
    fetch: fetcher,
    requests,
    appCertificates,
    credentialsUsed,
    tenant: tenantOf,
    async close() {
      for (const res of hanging) res.destroy();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await agent.close();
    },
  };
}

/** Role template ids and SKU part numbers the tests use (src/graph/roles.ts, skus.ts). */
export const HELPDESK_ADMIN = '729827e3-9c14-49f7-bb1b-9608f156bbb8';
export const EXCHANGE_ADMIN = '29232cdf-9323-42fd-ade2-1d097af3e4de';
export const DIRECTORY_READERS = '88d8e3e3-8f55-4a1e-953a-9b9898b8876b';
