/**
 * Draws the Teams app icons into manifest/teams/ (run: `npx tsx scripts/make-teams-icons.ts`).
 * The PNGs are committed; run this only to change the artwork.
 *
 * - color.png   192x192: white chat bubble with a check mark on the accent colour; the symbol
 *                stays within the central area Teams recommends (about 96x96, plus margin).
 * - outline.png  32x32: the same bubble in white on a transparent background, check cut out.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const OUT_DIR = fileURLToPath(new URL('../manifest/teams/', import.meta.url));
const ACCENT = [0x3a, 0x5b, 0xc7] as const; // keep equal to accentColor in manifest.template.json
const SAMPLES = 4; // supersampling per axis for anti-aliased edges

type Shape = (x: number, y: number) => boolean;

/** Speech bubble in a unit box [x0,x1]x[y0,y1]: a rounded rectangle plus a tail at bottom left. */
function bubble(x0: number, y0: number, x1: number, y1: number): Shape {
  const w = x1 - x0;
  const h = y1 - y0;
  const bodyBottom = y0 + h * 0.78;
  const r = w * 0.18;
  const inRoundedRect = (x: number, y: number): boolean => {
    if (x < x0 || x > x1 || y < y0 || y > bodyBottom) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), bodyBottom - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  // Tail: triangle (ax,ay) (bx,by) (cx,cy) hanging below the body.
  const a = [x0 + w * 0.2, bodyBottom - 0.01] as const;
  const b = [x0 + w * 0.45, bodyBottom - 0.01] as const;
  const c = [x0 + w * 0.16, y1] as const;
  const side = (p: readonly [number, number], q: readonly [number, number], x: number, y: number): number =>
    (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const inTail = (x: number, y: number): boolean => {
    const d1 = side(a, b, x, y);
    const d2 = side(b, c, x, y);
    const d3 = side(c, a, x, y);
    return (d1 >= 0 && d2 >= 0 && d3 >= 0) || (d1 <= 0 && d2 <= 0 && d3 <= 0);
  };
  return (x, y) => inRoundedRect(x, y) || inTail(x, y);
}

/** Check mark as two thick segments; points in the same unit coordinates. */
function check(points: readonly (readonly [number, number])[], halfWidth: number): Shape {
  const nearSegment = (x: number, y: number, p: readonly [number, number], q: readonly [number, number]): boolean => {
    const [dx, dy] = [q[0] - p[0], q[1] - p[1]];
    const t = Math.max(0, Math.min(1, ((x - p[0]) * dx + (y - p[1]) * dy) / (dx * dx + dy * dy)));
    return (x - (p[0] + t * dx)) ** 2 + (y - (p[1] + t * dy)) ** 2 <= halfWidth * halfWidth;
  };
  return (x, y) => points.slice(1).some((q, i) => nearSegment(x, y, points[i]!, q));
}

/** Renders `paint` (returns RGBA for a unit-space point) with supersampling. */
function render(size: number, paint: (x: number, y: number) => readonly [number, number, number, number]): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const [cr, cg, cb, ca] = paint((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          // premultiplied accumulation
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const i = (py * size + px) * 4;
      png.data[i] = a === 0 ? 0 : Math.round(r / a);
      png.data[i + 1] = a === 0 ? 0 : Math.round(g / a);
      png.data[i + 2] = a === 0 ? 0 : Math.round(b / a);
      png.data[i + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return PNG.sync.write(png);
}

const WHITE = [255, 255, 255, 1] as const;
const TRANSPARENT_WHITE = [255, 255, 255, 0] as const;
const ACCENT_RGBA = [...ACCENT, 1] as const;

// Colour icon: symbol kept inside roughly the central 96x96 (0.25..0.75) area.
{
  const shape = bubble(0.26, 0.27, 0.74, 0.75);
  const mark = check([[0.375, 0.44], [0.465, 0.53], [0.625, 0.37]], 0.03);
  writeFileSync(`${OUT_DIR}color.png`, render(192, (x, y) => (shape(x, y) && !mark(x, y) ? WHITE : ACCENT_RGBA)));
}

// Outline icon: white on transparent, filling the 32x32 frame with a small margin.
{
  const shape = bubble(0.06, 0.08, 0.94, 0.94);
  const mark = check([[0.28, 0.41], [0.44, 0.57], [0.73, 0.27]], 0.065);
  // Colour every sample white so anti-aliased edges differ in alpha only (Teams: white only).
  writeFileSync(`${OUT_DIR}outline.png`, render(32, (x, y) => (shape(x, y) && !mark(x, y) ? WHITE : TRANSPARENT_WHITE)));
}

console.log(`Wrote ${OUT_DIR}color.png (192x192) and ${OUT_DIR}outline.png (32x32).`);
