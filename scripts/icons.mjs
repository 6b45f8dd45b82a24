// Draws the extension icon (a teal rounded square with a white shield and tick) at every size the
// stores and browsers ask for, as PNG into public/icon/. Procedural, so no binary art is committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 96, 128];
const TEAL = [11, 92, 85];

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (const b of buf) {
    c = (crc ^ b) & 0xff;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'ascii'), data])), 8 + data.length);
  return out;
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x += 1) pixel(x, y).forEach((v, i) => (raw[y * (size * 4 + 1) + 1 + x * 4 + i] = v));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// Signed distances in unit coordinates (0..1), sampled 4×4 per pixel for anti-aliasing.
const roundedSquare = (x, y) => { const r = 0.2, dx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0), dy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0); return Math.hypot(dx, dy) - r; };
const shield = (x, y) => { // a shield: box top, rounded point at the bottom
  const cx = x - 0.5;
  if (y < 0.2 || y > 0.84) return 1;
  const half = y < 0.5 ? 0.27 : 0.27 * Math.sqrt(Math.max(0, 1 - ((y - 0.5) / 0.34) ** 2));
  return Math.abs(cx) - half;
};
const segment = (px, py, ax, ay, bx, by) => { const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2))); return Math.hypot(px - ax - t * (bx - ax), py - ay - t * (by - ay)); };
const tick = (x, y) => Math.min(segment(x, y, 0.37, 0.5, 0.47, 0.6), segment(x, y, 0.47, 0.6, 0.65, 0.4)) - 0.045;

function colour(x, y) {
  if (roundedSquare(x, y) > 0) return [0, 0, 0, 0];
  if (tick(x, y) < 0) return [...TEAL, 255];
  if (shield(x, y) < 0) return [255, 255, 255, 255];
  return [...TEAL, 255];
}

mkdirSync(new URL('../public/icon/', import.meta.url), { recursive: true });
for (const size of SIZES) {
  const data = png(size, (px, py) => {
    const acc = [0, 0, 0, 0];
    for (let sy = 0; sy < 4; sy += 1) for (let sx = 0; sx < 4; sx += 1) colour((px + (sx + 0.5) / 4) / size, (py + (sy + 0.5) / 4) / size).forEach((v, i) => (acc[i] += v));
    return acc.map((v) => Math.round(v / 16));
  });
  writeFileSync(new URL(`../public/icon/${size}.png`, import.meta.url), data);
}
