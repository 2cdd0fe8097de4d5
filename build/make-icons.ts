import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

/**
 * Draws Rapport's icon (a speech bubble on a teal tile) and writes the PNG, ICO and ICNS files
 * electron-builder needs: `npx tsx build/make-icons.ts`. Made here, so no artwork tool is needed.
 */
const TEAL: [number, number, number] = [15, 118, 110];
const WHITE: [number, number, number] = [255, 255, 255];

function inRoundedSquare(x: number, y: number): boolean {
  const inset = 0.04;
  const r = 0.22;
  const cx = Math.min(Math.max(x, inset + r), 1 - inset - r);
  const cy = Math.min(Math.max(y, inset + r), 1 - inset - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= inset && x <= 1 - inset && y >= inset && y <= 1 - inset;
}

function inTriangle(x: number, y: number, [a, b, c]: [number, number][]): boolean {
  const s = (p: [number, number], q: [number, number]) => (x - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (y - q[1]);
  const d1 = s(a!, b!), d2 = s(b!, c!), d3 = s(c!, a!);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

/** The colour at a point of the unit square, or null outside the tile. */
function paint(x: number, y: number): [number, number, number] | null {
  if (!inRoundedSquare(x, y)) return null;
  const inBubble = ((x - 0.5) / 0.3) ** 2 + ((y - 0.46) / 0.24) ** 2 <= 1 || inTriangle(x, y, [[0.34, 0.6], [0.48, 0.66], [0.27, 0.8]]);
  if (!inBubble) return TEAL;
  for (const dx of [0.38, 0.5, 0.62]) if ((x - dx) ** 2 + (y - 0.46) ** 2 <= 0.045 ** 2) return TEAL;
  return WHITE;
}

/** RGBA pixels of the icon at one size, 4×4 supersampled so the edges are smooth. */
export function renderIcon(size: number): Buffer {
  const px = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let j = 0; j < size; j++)
    for (let i = 0; i < size; i++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sj = 0; sj < n; sj++)
        for (let si = 0; si < n; si++) {
          const c = paint((i + (si + 0.5) / n) / size, (j + (sj + 0.5) / n) / size);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a++;
        }
      const o = (j * size + i) * 4;
      if (a) [px[o], px[o + 1], px[o + 2], px[o + 3]] = [r / a, g / a, b / a, (255 * a) / (n * n)];
    }
  return px;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function encodePng(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Windows icon: PNG images inside an ICO directory (Vista and later read them). */
export function encodeIco(pngs: { size: number; png: Buffer }[]): Buffer {
  const head = Buffer.alloc(6 + 16 * pngs.length);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(pngs.length, 4);
  let offset = head.length;
  pngs.forEach(({ size, png }, k) => {
    const e = 6 + 16 * k;
    head.writeUInt8(size >= 256 ? 0 : size, e);
    head.writeUInt8(size >= 256 ? 0 : size, e + 1);
    head.writeUInt16LE(1, e + 4);
    head.writeUInt16LE(32, e + 6);
    head.writeUInt32LE(png.length, e + 8);
    head.writeUInt32LE(offset, e + 12);
    offset += png.length;
  });
  return Buffer.concat([head, ...pngs.map((p) => p.png)]);
}

/** macOS icon: PNG images in an ICNS container (ic07..ic10 are 128..1024 pixels). */
export function encodeIcns(pngs: { type: string; png: Buffer }[]): Buffer {
  const parts = pngs.map(({ type, png }) => {
    const h = Buffer.alloc(8);
    h.write(type, 0, 'ascii');
    h.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([h, png]);
  });
  const total = 8 + parts.reduce((s, p) => s + p.length, 0);
  const h = Buffer.alloc(8);
  h.write('icns', 0, 'ascii');
  h.writeUInt32BE(total, 4);
  return Buffer.concat([h, ...parts]);
}

export function writeIcons(dir = join('build', 'icons')): void {
  mkdirSync(dir, { recursive: true });
  const png = (size: number) => encodePng(size, renderIcon(size));
  writeFileSync(join(dir, 'icon.png'), png(512));
  writeFileSync(join(dir, 'tray.png'), png(32));
  writeFileSync(join(dir, 'icon.ico'), encodeIco([16, 24, 32, 48, 64, 128, 256].map((size) => ({ size, png: png(size) }))));
  writeFileSync(join(dir, 'icon.icns'), encodeIcns([['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024]].map(([type, size]) => ({ type: type as string, png: png(size as number) }))));
}

if (import.meta.url === `file://${process.argv[1]}`) writeIcons();
