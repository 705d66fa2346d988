/**
 * Microsoft Graph settings, as one zod object of the variables it reads. Off unless GRAPH_TENANTS
 * names tenants: the embedded default never calls Graph. Errors name the variable and the fix.
 */
import { z } from 'zod';
import { wholeNumber } from '../env/index.js';
import { CertificateFileError, loadCertificateCredential, type CertificateCredential } from './certificate.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class GraphConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'GraphConfigError';
  }
}

const list = (raw: string | undefined): string[] => (raw ?? '').split(',').map((v) => v.trim()).filter(Boolean);

const httpsUrl = (variable: string, fallback: string) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const value = (raw?.trim() || fallback).replace(/\/+$/, '');
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        ctx.addIssue({ code: 'custom', path: [variable], message: `"${value}" is not a URL; use e.g. ${fallback}` });
        return z.NEVER;
      }
      // MSAL refuses a non-https authority, and tokens must never travel in clear text.
      if (url.protocol !== 'https:') {
        ctx.addIssue({ code: 'custom', path: [variable], message: `"${value}" must be an https URL, e.g. ${fallback}` });
        return z.NEVER;
      }
      return value;
    });

/** The variables this part owns; composed into the app's one schema. */
export const graphEnvShape = {
  GRAPH_TENANTS: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const values = list(raw);
      if (values.includes('*')) return '*' as const;
      const bad = values.find((v) => !GUID.test(v));
      if (bad) {
        ctx.addIssue({ code: 'custom', path: ['GRAPH_TENANTS'], message: `"${bad}" is not an Entra tenant id (a GUID); list tenant ids separated by commas, or * for every tenant that talks to the bot` });
        return z.NEVER;
      }
      return values.map((v) => v.toLowerCase());
    }),
  GRAPH_SLACK_TENANTS: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const map = new Map<string, string>();
      for (const pair of list(raw)) {
        const [team, tenant, ...rest] = pair.split('=').map((v) => v.trim());
        if (!team || !tenant || rest.length > 0 || !GUID.test(tenant)) {
          ctx.addIssue({ code: 'custom', path: ['GRAPH_SLACK_TENANTS'], message: `"${pair}" must be SLACK_TEAM_ID=ENTRA_TENANT_ID (e.g. T0123ABCD=72f988bf-86f1-41af-91ab-2d7cd011db47), pairs separated by commas` });
          return z.NEVER;
        }
        map.set(team, tenant.toLowerCase());
      }
      return map;
    }),
  GRAPH_AUTHORITY_URL: httpsUrl('GRAPH_AUTHORITY_URL', 'https://login.microsoftonline.com'),
  GRAPH_URL: httpsUrl('GRAPH_URL', 'https://graph.microsoft.com/v1.0'),
  GRAPH_BUDGET_MS: wholeNumber(1_500, 100, 10_000, 'milliseconds one Graph call may take before the turn goes on without it; 1500 by default'),
  GRAPH_CACHE_MINUTES: wholeNumber(5, 1, 60, 'minutes an answer from Graph is reused; 5 by default'),
  MicrosoftAppId: z.string().optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppCertificatePath: z.string().optional(),
  GRAPH_CERTIFICATE_X5C: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const value = raw?.trim().toLowerCase() || 'off';
      if (value !== 'on' && value !== 'off') {
        ctx.addIssue({ code: 'custom', path: ['GRAPH_CERTIFICATE_X5C'], message: `"${raw}" must be on (send the certificate with each token request, for subject name + issuer authentication) or off` });
        return z.NEVER;
      }
      return value === 'on';
    }),
};

export const graphEnvSchema = z.object(graphEnvShape);

export interface GraphConfig {
  /** Entra tenant ids Graph is asked about, or '*' for every tenant id a channel authenticated. */
  readonly tenants: readonly string[] | '*';
  /** Slack team (or Enterprise Grid) id -> Entra tenant id. */
  readonly slackTenants: ReadonlyMap<string, string>;
  readonly authorityUrl: string;
  readonly graphUrl: string;
  readonly budgetMs: number;
  readonly cacheMs: number;
  readonly clientId: string;
  readonly credential: GraphCredential;
}

/** How the app registration proves itself to the token endpoint. */
export type GraphCredential =
  | { readonly kind: 'secret'; readonly secret: string }
  | ({ readonly kind: 'certificate'; readonly path: string; readonly sendX5c: boolean } & CertificateCredential);

type CredentialVariables = { MicrosoftAppPassword?: string | undefined; MicrosoftAppCertificatePath?: string | undefined; GRAPH_CERTIFICATE_X5C: boolean };

/**
 * The certificate when MicrosoftAppCertificatePath is set, the client secret otherwise. Both may be
 * set: the Bot Framework side (src/config.ts) needs MicrosoftAppPassword whenever MicrosoftAppId is,
 * so Graph takes the certificate and the secret stays the Bot Framework's.
 */
function credentialOf(v: CredentialVariables, ctx: z.RefinementCtx): GraphCredential | undefined {
  const path = v.MicrosoftAppCertificatePath?.trim();
  if (path) {
    try {
      return { kind: 'certificate', path, sendX5c: v.GRAPH_CERTIFICATE_X5C, ...loadCertificateCredential(path) };
    } catch (error) {
      if (!(error instanceof CertificateFileError)) throw error;
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppCertificatePath'], message: error.message });
      return undefined;
    }
  }
  const secret = v.MicrosoftAppPassword?.trim();
  if (secret) return { kind: 'secret', secret };
  ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: "GRAPH_TENANTS turns Microsoft Graph on, which needs the app registration's credential: set MicrosoftAppPassword (its client secret) or MicrosoftAppCertificatePath (a PEM file with its certificate and private key), or unset GRAPH_TENANTS" });
  return undefined;
}

/**
 * The part's schema for the application's one configuration (src/app/config.ts): undefined
 * when Graph is off (GRAPH_TENANTS unset); cross-variable problems name the variable to set.
 */
export const graphConfigSchema = graphEnvSchema.transform((v, ctx): GraphConfig | undefined => {
  const tenants = v.GRAPH_TENANTS;
  if (tenants !== '*' && tenants.length === 0) {
    if (v.GRAPH_SLACK_TENANTS.size > 0) ctx.addIssue({ code: 'custom', path: ['GRAPH_SLACK_TENANTS'], message: 'is set but GRAPH_TENANTS is not; set GRAPH_TENANTS to the tenant ids (or *) to turn Microsoft Graph on' });
    return undefined;
  }
  const clientId = v.MicrosoftAppId?.trim();
  if (!clientId) ctx.addIssue({ code: 'custom', path: ['MicrosoftAppId'], message: "GRAPH_TENANTS turns Microsoft Graph on, which needs the bot's app registration: set MicrosoftAppId and its credential (MicrosoftAppPassword or MicrosoftAppCertificatePath), or unset GRAPH_TENANTS" });
  const credential = credentialOf(v, ctx);
  if (!clientId || !credential) return z.NEVER;
  return {
    tenants,
    slackTenants: v.GRAPH_SLACK_TENANTS,
    authorityUrl: v.GRAPH_AUTHORITY_URL,
    graphUrl: v.GRAPH_URL,
    budgetMs: v.GRAPH_BUDGET_MS,
    cacheMs: v.GRAPH_CACHE_MINUTES * 60_000,
    clientId,
    credential,
  };
});

/** undefined: Graph is off (GRAPH_TENANTS unset). Throws GraphConfigError naming the (first) variable. */
export function loadGraphConfig(env: NodeJS.ProcessEnv): GraphConfig | undefined {
  const parsed = graphConfigSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new GraphConfigError(String(issue?.path[0] ?? 'GRAPH'), issue?.message ?? 'invalid');
  }
  return parsed.data;
}

export function isTenantGuid(value: string): boolean {
  return GUID.test(value);
}
