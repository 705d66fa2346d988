/**
 * The `my cases` page queries, shared by both stores. Each query shape is its own constant text
 * (no `(@x IS NULL OR col = @x)`), so the planner can use the (tenant, status, created) index for
 * open cases and the (tenant, closed_at) index for closed ones.
 */
import type { CasePageQuery } from './store.js';

export interface CasePageSql {
  readonly list: string;
  readonly listParams: readonly unknown[];
  readonly count: string;
  readonly countParams: readonly unknown[];
}

/** `closedSince` is passed already converted to the store's time representation. */
export function casePageSql(tenantId: string, query: CasePageQuery, dialect: 'sqlite' | 'postgres', closedSince: unknown): CasePageSql {
  const params: unknown[] = [];
  const bind = (value: unknown): string => {
    params.push(value);
    // Every value is used once, in order, so SQLite's anonymous `?` binds like Postgres's numbered ones.
    return dialect === 'sqlite' ? '?' : `$${params.length}`;
  };
  const conditions = [`tenant_id = ${bind(tenantId)}`, query.status === 'open' ? `status = 'open'` : `status = 'closed'`];
  if (query.status === 'closed') conditions.push(`closed_at >= ${bind(closedSince)}`);
  if (query.severity) conditions.push(`severity = ${bind(query.severity)}`);
  const where = conditions.join(' AND ');
  const countParams = [...params];
  const page = `LIMIT ${bind(query.limit)} OFFSET ${bind(query.offset)}`;
  // Closed cases most recently closed first: read backwards along (tenant, closed_at) from now to
  // `closedSince`, never through the tenant's older closed cases.
  const order = query.status === 'open' ? 'created_at DESC, id DESC' : 'closed_at DESC, id DESC';
  return {
    list: `SELECT * FROM cases WHERE ${where} ORDER BY ${order} ${page}`,
    listParams: params,
    count: `SELECT count(*) AS total FROM cases WHERE ${where}`,
    countParams,
  };
}

export function checkCasePageQuery(query: CasePageQuery): void {
  if (!(Number.isSafeInteger(query.limit) && query.limit > 0)) throw new RangeError(`limit must be a positive integer, got ${query.limit}`);
  if (!(Number.isSafeInteger(query.offset) && query.offset >= 0)) throw new RangeError(`offset must be a non-negative integer, got ${query.offset}`);
  if (query.status === 'closed' && Number.isNaN(query.closedSince.getTime())) throw new RangeError('closedSince must be a valid date');
}
