// Draws the toolbar icons (a teal clock face) as PNGs with no dependency: `node tools/make-icons.mjs`.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
const crc32 = (buf) => {
  let c = -1;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
};
const chunk = (type, data) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
};

function icon(size) {
  const rows = [];
  const c = (size - 1) / 2;
  const r = size / 2 - 0.5;
  const ss = 4; // supersampling for smooth edges
  const distToSegment = (px, py, ax, ay, bx, by) => {
    const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
  };
  const hand = Math.max(1, size / 14);
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      let face = 0; let ink = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const px = x + (sx + 0.5) / ss - 0.5; const py = y + (sy + 0.5) / ss - 0.5;
          const d = Math.hypot(px - c, py - c);
          if (d <= r) face++;
          const onHand = distToSegment(px, py, c, c, c, c - r * 0.62) <= hand / 2
            || distToSegment(px, py, c, c, c + r * 0.45, c + r * 0.1) <= hand / 2;
          if (d <= r && (onHand || (d >= r - hand * 1.1))) ink++;
        }
      }
      const a = face / (ss * ss); const w = ink / Math.max(1, face);
      // teal #0f766e face, white hands and rim
      row.push(Math.round(15 + (255 - 15) * w), Math.round(118 + (255 - 118) * w), Math.round(110 + (255 - 110) * w), Math.round(255 * a));
    }
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0); header.writeUInt32BE(size, 4);
  header[8] = 8; header[9] = 6; // 8-bit RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

for (const size of [16, 32, 48, 128]) writeFileSync(new URL(`../icons/icon${size}.png`, import.meta.url), icon(size));
