/** Builds the Teams app package: manifest.json and the two icons at the zip root. */
import JSZip from 'jszip';
import { ManifestTemplateError } from './errors.js';
import type { TeamsIcons } from './icons.js';

/** A fixed timestamp keeps the zip byte-identical for identical inputs. */
const ENTRY_DATE = new Date('2024-01-01T00:00:00Z');

export async function buildTeamsZip(manifest: unknown, icons: TeamsIcons): Promise<Buffer> {
  const names = (manifest as { icons?: { color?: unknown; outline?: unknown } } | null)?.icons;
  const colorName = names?.color;
  const outlineName = names?.outline;
  for (const [field, name] of [['icons.color', colorName], ['icons.outline', outlineName]] as const) {
    if (typeof name !== 'string' || name === '' || name.includes('/') || name.includes('\\') || name === 'manifest.json') {
      throw new ManifestTemplateError(`${field} must be a plain file name at the package root, got ${JSON.stringify(name)}`);
    }
  }
  if (colorName === outlineName) throw new ManifestTemplateError('icons.color and icons.outline must name different files');

  const zip = new JSZip();
  const options = { date: ENTRY_DATE, createFolders: false };
  zip.file('manifest.json', JSON.stringify(manifest, null, 2) + '\n', options);
  zip.file(colorName as string, icons.color, options);
  zip.file(outlineName as string, icons.outline, options);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}
