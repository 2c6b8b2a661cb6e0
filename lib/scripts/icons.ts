// `npm run icons`: draws the extension icon (a white magnifier on a blue rounded square) at every size
// the browsers and stores ask for: 16, 32, 48 (toolbar, extensions page), 96 (Firefox Add-ons), 128
// (Chrome Web Store). Drawn from geometry, 4x4 supersampled, so each size is sharp and no binary is
// hand-edited. Writes public/icon/<size>.png.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

const BLUE = [37, 99, 235];
const WHITE = [255, 255, 255];

/** Coverage of the shapes at a point in a 1x1 square: [background, magnifier]. */
function shapes(x: number, y: number): [boolean, boolean] {
  const r = 0.16;
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  const inSquare = x >= 0 && x <= 1 && y >= 0 && y <= 1 && dx * dx + dy * dy <= r * r;
  const cx = 0.42;
  const cy = 0.42;
  const d = Math.hypot(x - cx, y - cy);
  const ring = d <= 0.25 && d >= 0.13;
  // The handle: a thick segment from the ring towards the lower right.
  const t = Math.max(0, Math.min(1, ((x - 0.58) + (y - 0.58)) / (2 * 0.22)));
  const px = 0.58 + t * 0.22;
  const py = 0.58 + t * 0.22;
  const handle = Math.hypot(x - px, y - py) <= 0.065;
  return [inSquare, inSquare && (ring || handle)];
}

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function iconPng(size: number): Buffer {
  const ss = 4;
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      let bg = 0;
      let fg = 0;
      for (let j = 0; j < ss; j++) {
        for (let i = 0; i < ss; i++) {
          const [b, f] = shapes((x + (i + 0.5) / ss) / size, (y + (j + 0.5) / ss) / size);
          if (b) bg++;
          if (f) fg++;
        }
      }
      const alpha = bg / (ss * ss);
      const white = bg ? fg / bg : 0;
      const o = 1 + x * 4;
      for (let c = 0; c < 3; c++) row[o + c] = Math.round(BLUE[c]! * (1 - white) + WHITE[c]! * white);
      row[o + 3] = Math.round(alpha * 255);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const size of ICON_SIZES) writeFileSync(new URL(`../../public/icon/${size}.png`, import.meta.url), iconPng(size));
  console.log(`wrote public/icon/{${ICON_SIZES.join(',')}}.png`);
}
