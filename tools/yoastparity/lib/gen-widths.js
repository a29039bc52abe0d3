#!/usr/bin/env node
// Generates ../data/arial-widths.json: the horizontal advance widths of the
// glyphs of an Arial-metric-compatible font (Liberation Sans 2, SIL OFL 1.1,
// Debian package fonts-liberation2). Yoast's snippet preview measures the SEO
// title in the browser with "arial, sans-serif" at 20px; in Node there is no
// DOM, so the harness sums these advances instead. Only numbers are taken from
// the font (no glyph outlines), and only for the code points French titles use.
//
// Usage: node lib/gen-widths.js [/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf]
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const fontPath = process.argv[2] || "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf";
const buf = fs.readFileSync(fontPath);

// Table directory: why parse by hand? To keep the harness free of any
// dependency other than yoastseo itself.
const numTables = buf.readUInt16BE(4);
const tables = {};
for (let i = 0; i < numTables; i++) {
  const rec = 12 + i * 16;
  const tag = buf.toString("latin1", rec, rec + 4);
  tables[tag] = { offset: buf.readUInt32BE(rec + 8), length: buf.readUInt32BE(rec + 12) };
}
for (const t of ["head", "hhea", "hmtx", "cmap"]) {
  if (!tables[t]) throw new Error(`font ${fontPath} has no ${t} table`);
}
const unitsPerEm = buf.readUInt16BE(tables.head.offset + 18);
const numberOfHMetrics = buf.readUInt16BE(tables.hhea.offset + 34);

function advanceOf(glyph) {
  const idx = Math.min(glyph, numberOfHMetrics - 1);
  return buf.readUInt16BE(tables.hmtx.offset + idx * 4);
}

// Find the Windows Unicode BMP (3,1) subtable, format 4.
const cmap = tables.cmap.offset;
const nSub = buf.readUInt16BE(cmap + 2);
let sub = -1;
for (let i = 0; i < nSub; i++) {
  const p = buf.readUInt16BE(cmap + 4 + i * 8);
  const e = buf.readUInt16BE(cmap + 6 + i * 8);
  const off = buf.readUInt32BE(cmap + 8 + i * 8);
  if (p === 3 && e === 1 && buf.readUInt16BE(cmap + off) === 4) sub = cmap + off;
}
if (sub < 0) throw new Error("no (3,1) format 4 cmap subtable");
const segX2 = buf.readUInt16BE(sub + 6);
const ends = sub + 14;
const starts = ends + segX2 + 2;
const deltas = starts + segX2;
const rangeOffsets = deltas + segX2;

function glyphOf(cp) {
  for (let s = 0; s < segX2 / 2; s++) {
    const end = buf.readUInt16BE(ends + s * 2);
    if (cp > end) continue;
    const start = buf.readUInt16BE(starts + s * 2);
    if (cp < start) return 0;
    const delta = buf.readInt16BE(deltas + s * 2);
    const ro = buf.readUInt16BE(rangeOffsets + s * 2);
    if (ro === 0) return (cp + delta) & 0xffff;
    const gAddr = rangeOffsets + s * 2 + ro + (cp - start) * 2;
    const g = buf.readUInt16BE(gAddr);
    return g === 0 ? 0 : (g + delta) & 0xffff;
  }
  return 0;
}

const ranges = [
  [0x20, 0x7e], // ASCII
  [0xa0, 0x17f], // Latin-1 supplement, Latin Extended-A (œ, Œ, Ÿ…)
  [0x2000, 0x206f], // general punctuation: ’ “ ” « » … – — and the spaces
  [0x20ac, 0x20ac], // €
  [0x2122, 0x2122], // ™
];
const widths = {};
for (const [a, b] of ranges) {
  for (let cp = a; cp <= b; cp++) {
    const g = glyphOf(cp);
    if (g !== 0) widths[cp.toString(16)] = advanceOf(g);
  }
}

const out = {
  origin: "Advance widths read from LiberationSans-Regular.ttf (Liberation Fonts 2, Debian fonts-liberation2), metric-compatible with Arial",
  licence: "SIL Open Font License 1.1 (font); only advance-width numbers are kept here",
  unitsPerEm,
  fallback: widths["6f"], // 'o': an average lower-case width for code points not listed
  widths,
};
const dest = path.join(__dirname, "..", "data", "arial-widths.json");
fs.mkdirSync(path.dirname(dest), { recursive: true });
fs.writeFileSync(dest, JSON.stringify(out, null, 0) + "\n");
console.log(`wrote ${Object.keys(widths).length} widths to ${dest}`);
