#!/usr/bin/env node
/**
 * `npm run build:icons`: draws the add-in's icons and writes them as PNG files to assets/.
 *
 * No image library is needed: every icon is a list of simple filled shapes (rectangles, circles,
 * ring segments, polygons) on a 16-unit design grid. Each pixel is sampled SS×SS times (supersampling,
 * which anti-aliases the curves); the PNG is encoded here with node's zlib (IHDR/IDAT/IEND + CRC32).
 * The sizes Office asks for (16, 32, 64, 80, 128) are all multiples of 16, so straight edges stay crisp.
 *
 *   node scripts/make-icons.js [outDir]    (default: assets/)
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { Buffer } = require("buffer");

const SS = 8; // samples per pixel along each axis

// Office-ish palette (Excel greens, Office blue, neutral grey).
const C = {
  green1: [0x33, 0xc4, 0x81],
  green2: [0x10, 0x7c, 0x41],
  green3: [0x18, 0x5c, 0x37],
  blue: [0x0f, 0x6c, 0xbd],
  white: [0xff, 0xff, 0xff],
  grey: [0x60, 0x5e, 0x5c],
  tile: [0xf3, 0xf9, 0xf5],
};

// ---- shapes: each is { color, inside(x, y) } in design units (0..16, y down) ----

const rect = (x0, y0, x1, y1, color) => ({ color, inside: (x, y) => x >= x0 && x < x1 && y >= y0 && y < y1 });

function roundRect(x0, y0, x1, y1, r, color) {
  return {
    color,
    inside: (x, y) => {
      if (x < x0 || x >= x1 || y < y0 || y >= y1) return false;
      const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
      const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
      return dx * dx + dy * dy <= r * r;
    },
  };
}

const circle = (cx, cy, r, color) => ({ color, inside: (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r });

/** Annulus between radii r0 < r1, keeping only angles (degrees, 0 = +x, clockwise on screen) in [a0, a1]. */
function arc(cx, cy, r0, r1, a0, a1, color) {
  const norm = (a) => ((a % 360) + 360) % 360;
  return {
    color,
    inside: (x, y) => {
      const d2 = (x - cx) ** 2 + (y - cy) ** 2;
      if (d2 < r0 * r0 || d2 > r1 * r1) return false;
      const a = norm((Math.atan2(y - cy, x - cx) * 180) / Math.PI);
      const from = norm(a0);
      const span = a1 - a0;
      return norm(a - from) <= span;
    },
  };
}

/** Convex or concave polygon, even-odd rule. */
function polygon(points, color) {
  return {
    color,
    inside: (x, y) => {
      let inside = false;
      for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
        const [xi, yi] = points[i];
        const [xj, yj] = points[j];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
      return inside;
    },
  };
}

// ---- icons ----

/** Draws `shapes` scaled by `k` about the grid's centre (to give a tile a margin). */
const shrink = (shapes, k) =>
  shapes.map(({ color, inside }) => ({ color, inside: (x, y) => inside((x - 8) / k + 8, (y - 8) / k + 8) }));

/** Bar chart (own cost per component) beside a euro coin: the product icon. */
function benchmarkIcon() {
  return [
    rect(1, 9, 4, 15, C.green1),
    rect(5, 6, 8, 15, C.green2),
    rect(9, 11, 12, 15, C.green3),
    rect(0.5, 15, 15.5, 16, C.grey),
    // euro coin, with a white halo so it stands free of the bars
    circle(11.5, 4.5, 4.4, C.white),
    circle(11.5, 4.5, 3.8, C.blue),
    arc(12, 4.5, 1.4, 2.4, 45, 315, C.white),
    rect(8.9, 3.4, 11.8, 4.1, C.white),
    rect(8.9, 4.9, 11.8, 5.6, C.white),
  ];
}

/** The product icon on a light rounded tile, for the task pane header. */
const logo = () => [roundRect(0, 0, 16, 16, 3, C.tile), ...shrink(benchmarkIcon(), 0.78)];

/** Two curved arrows around a small sheet grid: "Vergelijking bijwerken" (rebuild the comparison). */
function rebuildIcon() {
  const shapes = [
    // small grid in the middle
    rect(5, 5, 11, 11, C.green2),
    rect(5.9, 6.9, 7.7, 8.1, C.white),
    rect(8.3, 6.9, 10.1, 8.1, C.white),
    rect(5.9, 8.7, 7.7, 9.9, C.white),
    rect(8.3, 8.7, 10.1, 9.9, C.white),
    // arrows: two ring segments with a head each
    arc(8, 8, 5.6, 7.2, 200, 330, C.blue),
    polygon(
      [
        [14.9, 8.1],
        [11.9, 5.2],
        [15.7, 4.1],
      ],
      C.blue,
    ),
    arc(8, 8, 5.6, 7.2, 20, 150, C.blue),
    polygon(
      [
        [1.1, 7.9],
        [4.1, 10.8],
        [0.3, 11.9],
      ],
      C.blue,
    ),
  ];
  return shapes;
}

// ---- rasteriser and PNG encoder ----

/** Renders shapes (later ones on top) into an RGBA buffer of size×size pixels. */
function render(shapes, size) {
  const px = Buffer.alloc(size * size * 4);
  const unit = 16 / size;
  const n = SS * SS;
  for (let py = 0; py < size; py++) {
    for (let pxl = 0; pxl < size; pxl++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (pxl + (sx + 0.5) / SS) * unit;
          const y = (py + (sy + 0.5) / SS) * unit;
          for (let i = shapes.length - 1; i >= 0; i--) {
            if (shapes[i].inside(x, y)) {
              const [cr, cg, cb] = shapes[i].color;
              r += cr;
              g += cg;
              b += cb;
              a += 1;
              break;
            }
          }
        }
      }
      const o = (py * size + pxl) * 4;
      // shapes are opaque, so the covered samples' mean colour is the un-premultiplied colour
      px[o] = a ? Math.round(r / a) : 0;
      px[o + 1] = a ? Math.round(g / a) : 0;
      px[o + 2] = a ? Math.round(b / a) : 0;
      px[o + 3] = Math.round((255 * a) / n);
    }
  }
  return px;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes an RGBA buffer as a PNG (8-bit RGBA, no interlace, filter type 0 on every row). */
function encodePng(rgba, width, height) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const ICONS = [
  ...[16, 32, 64, 80].map((size) => ({ file: `icon-${size}.png`, size, shapes: benchmarkIcon() })),
  ...[16, 32, 80].map((size) => ({ file: `rebuild-${size}.png`, size, shapes: rebuildIcon() })),
  { file: "logo-filled.png", size: 128, shapes: logo() },
];

function main(outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  for (const { file, size, shapes } of ICONS) {
    const png = encodePng(render(shapes, size), size, size);
    fs.writeFileSync(path.join(outDir, file), png);
    console.log(`${path.join(outDir, file)}  ${size}×${size}  ${png.length} bytes`);
  }
}

main(process.argv[2] || path.join(__dirname, "..", "assets"));
