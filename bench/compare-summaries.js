// node bench/compare-summaries.js OLD.json NEW.json: every numeric figure of two bench summaries, old | new | new/old.
const fs = require('node:fs');

const [oldFile, newFile] = process.argv.slice(2);
if (!oldFile || !newFile) {
  process.stderr.write('usage: node bench/compare-summaries.js OLD.json NEW.json\n');
  process.exit(2);
}
const flat = (o, prefix = '', out = {}) => {
  for (const [k, v] of Object.entries(o)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'number') out[key] = v;
    else if (v && typeof v === 'object') flat(v, key, out);
  }
  return out;
};
const a = flat(JSON.parse(fs.readFileSync(oldFile, 'utf8')));
const b = flat(JSON.parse(fs.readFileSync(newFile, 'utf8')));
const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
const w = Math.max(...keys.map((k) => k.length));
const fmt = (x) => (x === undefined ? '–' : String(x));
console.log(`${'figure'.padEnd(w)}  ${'old'.padStart(10)}  ${'new'.padStart(10)}  new/old`);
for (const k of keys) {
  const ratio = a[k] && b[k] !== undefined ? `${(b[k] / a[k]).toFixed(2)}×` : '';
  console.log(`${k.padEnd(w)}  ${fmt(a[k]).padStart(10)}  ${fmt(b[k]).padStart(10)}  ${ratio}`);
}
