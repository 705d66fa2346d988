/**
 * Checks the two icons Teams requires: a 192x192 full-colour PNG and a 32x32 outline PNG that
 * is white on a transparent background.
 */
import { PNG } from 'pngjs';
import { TeamsIconError } from './errors.js';

export const ICON_SIZES = {
  color: { width: 192, height: 192 },
  outline: { width: 32, height: 32 },
} as const;

export type IconKind = keyof typeof ICON_SIZES;

export interface TeamsIcons {
  readonly color: Buffer;
  readonly outline: Buffer;
}

function decode(kind: IconKind, bytes: Buffer, problems: string[]): PNG | undefined {
  try {
    return PNG.sync.read(bytes);
  } catch (error) {
    problems.push(`${kind} icon is not a readable PNG (${(error as Error).message})`);
    return undefined;
  }
}

/** Every problem with the icons; empty when Teams will accept them. */
export function checkIcons(icons: TeamsIcons): string[] {
  const problems: string[] = [];
  for (const kind of ['color', 'outline'] as const) {
    const png = decode(kind, icons[kind], problems);
    if (!png) continue;
    const want = ICON_SIZES[kind];
    if (png.width !== want.width || png.height !== want.height) {
      problems.push(`${kind} icon is ${png.width}x${png.height}; Teams requires ${want.width}x${want.height}`);
    }
    if (kind === 'outline') {
      let transparent = 0;
      let coloured = 0;
      for (let i = 0; i < png.data.length; i += 4) {
        const [r, g, b, a] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!];
        if (a === 0) transparent++;
        else if (r !== 255 || g !== 255 || b !== 255) coloured++;
      }
      if (coloured > 0) problems.push(`outline icon has ${coloured} visible pixels that are not white; Teams requires white only`);
      if (transparent === 0) problems.push('outline icon has no transparent pixels; Teams requires a transparent background');
    }
  }
  return problems;
}

/** @throws TeamsIconError */
export function assertValidIcons(icons: TeamsIcons): void {
  const problems = checkIcons(icons);
  if (problems.length > 0) throw new TeamsIconError(problems);
}
