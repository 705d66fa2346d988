#!/usr/bin/env node
/**
 * Fetches the self-contained Web Chat browser bundle into `.cache/webchat/<version>/` so the
 * local chat page (GET /) can serve it from this server: no CDN, nothing committed, none of the
 * package's ~560 MB of dependencies installed. Plain Node, no dependencies.
 *
 *   node scripts/fetch-webchat.mjs            # npm run fetch:webchat; also run by postinstall
 *   node scripts/fetch-webchat.mjs --force    # fetch again even when cached
 *
 * `npm pack botframework-webchat@<pinned>` downloads the package tarball (through npm's cache
 * and integrity check) into a temporary folder; a small tar reader takes `package/dist/webchat.js`,
 * `package/dist/webchat-minimal.js` and the license out of it. It never fails an install: on any
 * error (offline, registry down) it prints one line and exits 0; the page then says the bundle is
 * missing and how to fetch it.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** Keep in step with WEBCHAT_VERSION in src/channels/webchat/bundle.ts. */
export const WEBCHAT_VERSION = '4.18.1';
const PACKAGE = 'botframework-webchat';
const WANTED = {
  'package/dist/webchat.js': 'webchat.js',
  'package/dist/webchat-minimal.js': 'webchat-minimal.js',
  'package/LICENSE': 'LICENSE',
};
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, '.cache', 'webchat', WEBCHAT_VERSION);

/** The regular files of a (ustar/pax/GNU) tar archive whose names are in `wanted`. */
export function extractFromTar(tar, wanted) {
  const found = new Map();
  let offset = 0;
  let longName;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start, length) => header.subarray(start, start + length).toString('utf8').replace(/\0.*$/s, '');
    const size = Number.parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1) || '0';
    const prefix = field(345, 155);
    let name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = undefined;
    const body = tar.subarray(offset + 512, offset + 512 + size);
    if (type === 'L') longName = body.toString('utf8').replace(/\0.*$/s, '');
    else if (type === 'x') {
      const path = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'));
      if (path) longName = path[1];
    } else if ((type === '0' || type === '7') && Object.hasOwn(wanted, name)) found.set(name, Buffer.from(body));
    offset += 512 + Math.ceil(size / 512) * 512;
    name = '';
  }
  return found;
}

function npmPack(spec, destination) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  return new Promise((resolve, reject) => {
    execFile(
      npm,
      ['pack', spec, '--json', '--pack-destination', destination],
      { timeout: 120_000, maxBuffer: 10 * 1024 * 1024, shell: process.platform === 'win32' },
      (error, stdout, stderr) => {
        if (error) {
          let reason = error.killed ? 'npm pack took more than 120 s' : `npm pack failed (exit ${error.code})`;
          try {
            const failure = JSON.parse(String(stdout)).error;
            if (failure?.code || failure?.summary) reason = `${failure.code ?? 'npm error'}: ${failure.summary ?? ''}`.trim();
          } catch {
            const line = String(stderr).split('\n').find((l) => /error/i.test(l));
            if (line) reason = line.trim();
          }
          reject(new Error(reason));
          return;
        }
        const tarball = readdirSync(destination).find((file) => file.endsWith('.tgz'));
        if (!tarball) reject(new Error(`npm pack wrote no tarball (${String(stdout).slice(0, 200)})`));
        else resolve(join(destination, tarball));
      },
    );
  });
}

async function main() {
  const force = process.argv.includes('--force');
  if (!force && existsSync(join(target, 'webchat.js'))) {
    if (!process.env.npm_lifecycle_event?.includes('install')) console.log(`Web Chat ${WEBCHAT_VERSION} is already in ${target}`);
    return;
  }
  const temp = mkdtempSync(join(tmpdir(), 'webchat-'));
  try {
    const tarball = await npmPack(`${PACKAGE}@${WEBCHAT_VERSION}`, temp);
    const files = extractFromTar(gunzipSync(readFileSync(tarball)), WANTED);
    const bundle = files.get('package/dist/webchat.js');
    if (!bundle || bundle.length < 500_000 || !bundle.includes('WebChat')) {
      throw new Error(`${PACKAGE}@${WEBCHAT_VERSION} has no usable dist/webchat.js`);
    }
    // Write into a sibling folder, then rename: a half-written bundle is never served.
    const staging = `${target}.tmp-${process.pid}`;
    mkdirSync(staging, { recursive: true });
    for (const [from, to] of Object.entries(WANTED)) {
      const content = files.get(from);
      if (content) writeFileSync(join(staging, to), content);
    }
    writeFileSync(join(staging, 'SOURCE'), `${PACKAGE}@${WEBCHAT_VERSION} (npm pack ${new Date().toISOString()})\n`);
    rmSync(target, { recursive: true, force: true });
    mkdirSync(dirname(target), { recursive: true });
    renameSync(staging, target);
    console.log(`Web Chat ${WEBCHAT_VERSION}: ${(bundle.length / 1e6).toFixed(1)} MB bundle cached in ${target}`);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    // One line, exit 0: an offline install must still succeed.
    console.log(
      `Web Chat bundle not fetched (${error instanceof Error ? error.message : String(error)}); the local chat page needs it: run "npm run fetch:webchat" when online.`,
    );
    process.exit(0);
  });
}
