// Builds the report's world map: Natural Earth 1:110m country outlines (public domain; npm world-atlas 2.0.2,
// countries-110m.json) as integer tenths of a degree, each ring delta-encoded, in one small JSON file.
//   node build.mjs ../../models/world-map.json
// The output is deterministic: the same packages give the same bytes.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { feature } from "topojson-client";

const out = process.argv[2];
if (!out) {
  console.error("usage: node build.mjs OUTPUT.json");
  process.exit(1);
}
const require = createRequire(import.meta.url);
const topology = JSON.parse(readFileSync(require.resolve("world-atlas/countries-110m.json"), "utf8"));
const collection = feature(topology, topology.objects.countries);

const scale = 10; // tenths of a degree: about 11 km, finer than the 1:110m outlines themselves
function encodeRing(ring) {
  const flat = [];
  let px = 0, py = 0, first = true;
  let shift = 0, last = null;
  for (const [rawLon, lat] of ring) {
    // A ring that crosses the antimeridian (Russia, Fiji) is kept continuous: it runs past 180 degrees rather than
    // jumping back across the whole map, and the part beyond the edge is simply not in view.
    if (last !== null && rawLon + shift - last > 180) shift -= 360;
    else if (last !== null && rawLon + shift - last < -180) shift += 360;
    const lon = rawLon + shift;
    last = lon;
    const x = Math.round(lon * scale), y = Math.round(lat * scale);
    if (!first && x === px && y === py) continue; // a point that rounds onto the previous one adds nothing
    flat.push(first ? x : x - px, first ? y : y - py);
    px = x; py = y; first = false;
  }
  return flat.length >= 6 ? flat : null;
}

const countries = [];
for (const f of collection.features) {
  const g = f.geometry;
  if (!g) continue;
  const polygons = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
  const rings = [];
  for (const polygon of polygons) for (const ring of polygon) {
    const encoded = encodeRing(ring);
    if (encoded) rings.push(encoded);
  }
  if (f.properties?.name === "Antarctica") continue; // no events are coded there, and its ring spans the projection's bottom edge
  if (rings.length) countries.push({ id: String(f.id ?? ""), name: f.properties?.name ?? "", rings });
}
countries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

const doc = {
  source: "Natural Earth 1:110m admin 0 countries, via npm world-atlas 2.0.2 (countries-110m.json)",
  licence: "public domain (Natural Earth)",
  scale,
  encoding: "each ring: x0, y0, then dx, dy pairs; x = longitude * scale, y = latitude * scale (integers)",
  countries,
};
// One country a line: small, and a rebuild's diff shows which outlines changed.
const lines = countries.map((c) => JSON.stringify(c));
const header = JSON.stringify({ ...doc, countries: undefined }).slice(0, -1);
writeFileSync(out, `${header},"countries":[\n${lines.join(",\n")}\n]}\n`);
console.log(`wrote ${out}: ${countries.length} countries, ${countries.reduce((n, c) => n + c.rings.length, 0)} rings`);
