// Runs overrides/assets/javascripts/bb-search.js in node over a browser index folder, for the
// tests: `node bb_search_node.js <bb-search.js> <folder holding search/> <analyse|search>`
// reads a JSON list of queries on stdin and prints {query: result} as JSON.
"use strict";
const fs = require("fs");
const path = require("path");
const [script, root, what] = process.argv.slice(2);

globalThis.window = globalThis;
globalThis.document = {
  currentScript: null,
  querySelector: () => null,
  createElement: () => ({ remove() {} }),
  head: {
    appendChild(s) {  // a <script src=search/...>: run it, then fire onload
      setImmediate(() => {
        const file = path.join(root, s.src);
        if (!fs.existsSync(file)) return s.onerror();
        globalThis.__bbBytes = (globalThis.__bbBytes || 0) + fs.statSync(file).size;
        if (process.env.BB_TRACE) process.stderr.write(s.src + " " + fs.statSync(file).size + "\n");
        (0, eval)(fs.readFileSync(file, "utf8"));
        s.onload();
      });
    },
  },
};
(0, eval)(fs.readFileSync(script, "utf8"));

(async () => {
  const queries = JSON.parse(fs.readFileSync(0, "utf8"));
  const out = {};
  for (const q of queries) {
    out[q] = what !== "analyse"
      ? (await window.brobyggerSearch.search(q, { limit: 10 })).map((h) => ({
        url: h.url, anchor: h.anchor, snippet: h.snippet, marks: h.marks }))
      : (await window.brobyggerSearch.analyse(q)).map((w) => ({
        word: w.word, terms: w.terms, prefix: !!w.prefix, fuzzy: !!w.fuzzy, parts: w.parts }));
  }
  if (what === "bytes") process.stdout.write(JSON.stringify(globalThis.__bbBytes));
  else process.stdout.write(JSON.stringify(out));
})();
