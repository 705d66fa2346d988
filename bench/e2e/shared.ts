/** Shared by the benchmark's processes. */
export const SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';
