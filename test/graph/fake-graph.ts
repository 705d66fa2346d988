/**
 * A fake Microsoft Entra token endpoint and a fake Microsoft Graph on one HTTPS server on
 * 127.0.0.1 (MSAL accepts only https authorities), with a throwaway self-signed certificate made
 * by openssl. `fetch` trusts that certificate only; the bot's Graph code is given it.
 * Answers follow the documented shapes: the v2.0 token response, `{ value: [...] }` collections
 * for roleAssignments, users, subscribedSkus and serviceAnnouncement/issues.
 */
import { execFileSync } from 'node:child_process';
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
  /** Object id -> role template ids (the roleDefinitionId of each assignment). */
  roles: Record<string, string[]>;
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
  tenant(id: string): FakeTenant;
  close(): Promise<void>;
}

function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fake-graph-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const json = (res: import('node:http').ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
};

/** The quoted value after `field eq` in an OData $filter. */
const filterValue = (filter: string, field: string): string | undefined => new RegExp(`${field} eq '((?:[^']|'')*)'`).exec(filter)?.[1]?.replace(/''/g, "'");

export async function startFakeGraph(): Promise<FakeGraph> {
  const tenants = new Map<string, FakeTenant>();
  const requests: GraphRequest[] = [];
  const tenantOf = (id: string): FakeTenant => {
    let t = tenants.get(id);
    if (!t) tenants.set(id, (t = { mode: 'ok', roles: {}, users: {}, skus: [], issues: [] }));
    return t;
  };
  const hanging = new Set<import('node:http').ServerResponse>();
  const { key, cert } = selfSignedCertificate();

  const server: Server = createServer({ key, cert }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname);
    if (token && req.method === 'POST') {
      const tenantId = decodeURIComponent(token[1] ?? '');
      requests.push({ method: 'POST', path: url.pathname, tenant: tenantId });
      req.resume();
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
