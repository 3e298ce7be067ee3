/*
 * Brobygger's search in the browser (issue 10): the same Norwegian analysis as
 * `brobygger search`, over the index that search/browser.py writes into search/.
 *
 * Every index file is a script calling window.__bbSearch(name, data), loaded by a <script>
 * element from this site only, so the search also works from file:// (where fetch is refused).
 * A query is analysed as search.analysis.Analyzer.query does (tests/browser check it query by
 * query): each word folded like search.analysis.fold and looked up in the lexicon, which
 * holds Python's analysis of every word the site has (terms, stopword, possible typo, phrase
 * keys); the script's own rules are only for words the site lacks: a genitive -s, and a
 * compound split into words the lexicon has. Postings are scored BM25-like (title and section
 * boosted at build time); a compound's parts, completions of the word being typed and, when
 * nothing else matched, words one typo away are alternatives; a section whose heading the
 * query asks is raised, as in search/query.py. Index data reaches the page only through
 * textContent.
 *
 * API: window.brobyggerSearch.search(query, {limit, audience}) -> Promise of
 * [{url, anchor, title, section, snippet, marks}] (url relative to the site root);
 * window.brobyggerSearch.analyse(query) -> Promise of the query's words
 * [{word, key, terms, prefix, fuzzy, parts, stop}] (for the tests).
 */
(function () {
  "use strict";

  var me = document.currentScript && document.currentScript.src;
  var BASE = me ? me.replace(/assets\/javascripts\/bb-search\.js.*$/, "") : "";
  var WORD = /[\p{L}\p{N}_]+(?:[-'][\p{L}\p{N}_]+)*/gu;
  var data = {}, loading = {};
  var HEADING_BONUS = 0.5, PARTIAL = 0.3, PARTS_BESIDE = 0.5;

  window.__bbSearch = function (name, value) { data[name] = value; };

  function load(name) {
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = BASE + "search/" + name + ".js";
        s.onload = function () { s.remove(); resolve(data[name]); };
        s.onerror = function () {
          s.remove(); delete loading[name];
          reject(new Error("search index missing: " + name));
        };
        document.head.appendChild(s);
      });
    }
    return loading[name];
  }

  function shardOf(firsts, key) {  // the last shard whose first key is <= key
    var lo = 0, hi = firsts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (firsts[mid] <= key) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  // search.norwegian.fold: lower case, FOLD_CHARS (again after dropping accents), then the
  // digraphs (aa, ae, oe) until none is left.
  function fold(m, word) {
    var f = m.fold, text = chars(word.toLowerCase(), f.chars), before;
    if (/[^\x00-\x7f]/.test(text)) {
      text = chars(text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase(), f.chars);
    }
    var pairs = new RegExp(f.digraphs.map(function (d) { return d[0]; }).join("|"), "g");
    do {
      before = text;
      text = text.replace(pairs, function (d) {
        return f.digraphs.find(function (x) { return x[0] === d; })[1];
      });
    } while (text !== before);
    return text;
  }

  function chars(text, table) {
    var out = "";
    for (var i = 0; i < text.length; i++) out += table[text[i]] || text[i];
    return out;
  }

  // A lexicon entry (search/browser_lexicon.py) as {terms, stop, fuzzy, parts, keys}.
  function entryOf(key, v) {
    var e = { terms: [key], stop: false, fuzzy: false, parts: [], keys: [key] };
    if (v === 0) e.stop = true;
    else if (Array.isArray(v)) e.terms = v;
    else if (v && typeof v === "object") {
      e.terms = v.t; e.stop = !!v.s; e.fuzzy = !!v.f; e.parts = v.p || [];
      e.keys = [key].concat(v.k || []);
    }
    return e;
  }

  function near(a, b) {  // one insertion, deletion, substitution or swap apart
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      return a.slice(i + 1) === b.slice(i + 1) ||
        (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    }
    return la < lb ? a.slice(i) === b.slice(i + 1) : a.slice(i + 1) === b.slice(i);
  }

  function has(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }

  function lookup(m, key) {  // -> the lexicon entry of key, undefined if none
    return load("l/" + shardOf(m.lexicon, key)).then(function (lex) {
      return has(lex, key) ? lex[key] : undefined;
    });
  }

  // A word the lexicon does not know, split like search.norwegian.split_compound (loose, as
  // for a query): the shortest known last part (3+ letters, not inside a suffix) after a known
  // first part (4+ letters, or 3+ and a linking s or e); a linking letter that also begins a
  // known word belongs to the last part (leder|støtte). Known: in the lexicon, no stopword
  // and no possible typo. -> [terms of part 1, terms of part 2] or [].
  var SUFFIXES = ["ering", "ning", "ing", "else", "heit", "het", "skap", "sjon", "ende",
    "ande", "lig", "leg", "isk"];

  function known(m, key) {
    if (key.length < 3) return Promise.resolve(null);
    return lookup(m, key).then(function (v) {
      var e = v === undefined ? null : entryOf(key, v);
      return e && !e.stop && !e.fuzzy && e.terms.length ? e.terms : null;
    });
  }

  function head(m, key) {  // the terms of a first part, a linking letter dropped if need be
    if (key.length < 4) return Promise.resolve(null);
    return known(m, key).then(function (t) {
      return t || (/[se]$/.test(key) ? known(m, key.slice(0, -1)) : null);
    });
  }

  function split(m, key) {
    if (key.length < 7 || !/^\p{L}+$/u.test(key)) return Promise.resolve([]);
    var suffix = SUFFIXES.find(function (x) { return key.slice(-x.length) === x; });
    var cuts = [];
    for (var c = key.length - Math.max(3, suffix ? suffix.length + 1 : 0); c >= 4; c--) {
      cuts.push(c);
    }
    return cuts.reduce(function (done, c) {
      return done.then(function (got) {
        if (got.length) return got;
        return Promise.all([known(m, key.slice(c)), head(m, key.slice(0, c))])
          .then(function (ht) {
            if (!ht[0] || !ht[1]) return [];
            var linked = key.slice(c - 1);
            if (!/^[se]/.test(linked)) return [ht[1], ht[0]];
            return Promise.all([known(m, linked), head(m, key.slice(0, c - 1))])
              .then(function (lt) { return lt[0] && lt[1] ? [lt[1], lt[0]] : [ht[1], ht[0]]; });
          });
      });
    }, Promise.resolve([]));
  }

  // One typed word as search.analysis.Analyzer.query gives it: {word, key, terms, stop,
  // fuzzy, parts, keys}. The lexicon has it as typed (lower case) where that differs from
  // its folded spelling, else folded; a word it lacks is its own term, maybe a typo or a
  // compound of words it has.
  function analyseWord(m, typed) {
    var low = typed.toLowerCase(), key = fold(m, low);
    var own = low !== key ? lookup(m, low) : Promise.resolve(undefined);
    return Promise.all([own, lookup(m, key)]).then(function (got) {
      var v = got[0] !== undefined ? got[0] : got[1];
      if (v !== undefined) return entryOf(key, v);
      var e = entryOf(key, 1);
      e.fuzzy = key.length >= 5 && /^\p{L}+$/u.test(low);
      // a genitive of a word the lexicon has (fastlegens), as the lemmatiser guesses it
      var base = /^\p{L}{4,}s$/u.test(key) ? lookup(m, key.slice(0, -1)) : Promise.resolve();
      return base.then(function (b) {
        var known = b === undefined ? null : entryOf(key.slice(0, -1), b);
        if (known && !known.stop && known.terms.length) { e.terms = known.terms; return e; }
        return split(m, key).then(function (parts) { e.parts = parts; return e; });
      });
    }).then(function (e) {
      e.word = typed; e.key = key.replace(/[-']/g, "");
      return e;
    });
  }

  // Words that make one of the analysis's phrases (supported employment) become its term.
  function phrases(m, words) {
    var out = [], i = 0;
    function fits(p) {
      return i + p[0].length <= words.length && p[0].every(function (keys, j) {
        return words[i + j].keys.some(function (t) { return keys.indexOf(t) >= 0; });
      });
    }
    while (i < words.length) {
      var hit = (m.phrases || []).find(fits);
      if (hit) {
        var typed = words.slice(i, i + hit[0].length).map(function (w) { return w.word; });
        out.push({ word: typed.join(" "), key: typed.join(""), terms: [hit[1]], stop: false,
          fuzzy: false, parts: [], keys: [], phrase: true,
          members: words.slice(i, i + hit[0].length) });
        i += hit[0].length;
      } else out.push(words[i++]);
    }
    return out;
  }

  // The query's words as search.analysis.Analyzer.query gives them: phrases as one word,
  // stopwords left out (unless all are), the last word a prefix while it is being typed.
  function analyse(query) {
    query = String(query).slice(0, 500);
    return load("manifest").then(function (m) {
      var typed = (query.match(WORD) || []).slice(0, 12);
      return Promise.all(typed.map(function (w) { return analyseWord(m, w); }))
        .then(function (all) {
          var words = phrases(m, all), kept = words.filter(function (w) { return !w.stop; });
          if (!kept.length) kept = words;
          var last = kept[kept.length - 1];
          if (last && last === words[words.length - 1] && !last.phrase &&
              /[\p{L}\p{N}_]$/u.test(query) && fold(m, last.key).length >= 2) last.prefix = true;
          return kept;
        });
    });
  }

  function postings(m, list) {
    return Promise.all(list.map(function (t) {
      return load("p/" + shardOf(m.postings, t)).then(function (p) { return p[t]; });
    }));
  }

  function audienceBits(m, audience) {
    if (!audience) return Promise.resolve(null);
    var i = m.audiences.findIndex(function (a) { return a[0] === audience; });
    if (i < 0) return Promise.resolve(new Uint8Array(0));
    return load("a/" + i).then(bits);
  }

  // Adds idf * weight of each posting of `lists` to `into` (BM25, as search/index.py does);
  // with `best`, keeps the best of the lists instead.
  function score(m, lists, into, best) {
    lists.forEach(function (p) {
      if (!p) return;
      var idf = Math.log(1 + (m.records - p[0] + 0.5) / (p[0] + 0.5)), rid = 0;
      for (var i = 1; i < p.length; i += 2) {
        rid += p[i];
        var s = idf * p[i + 1] / m.scale;
        into[rid] = best ? Math.max(into[rid] || 0, s) : (into[rid] || 0) + s;
      }
    });
  }

  function record(m, rid) {
    return load("r/" + Math.floor(rid / m.recordsShard)).then(function () {
      return loaded(m, rid);
    });
  }

  function loaded(m, rid) {  // a record whose shard is loaded, else undefined
    var shard = data["r/" + Math.floor(rid / m.recordsShard)];
    if (!shard) return undefined;
    var row = shard.rows[rid % m.recordsShard], page = shard.pages[row[0]];
    return { url: page[0], title: page[1], lang: page[2], anchor: row[1], section: row[2],
      text: row[3] };
  }

  function pageOf(m, rid) {  // the first record of the page (m.starts: a bitset of those)
    if (!m.startBits) m.startBits = bits(m.starts);
    while (rid > 0 && !((m.startBits[rid >> 3] >> (rid & 7)) & 1)) rid--;
    return rid;
  }

  function bits(b64) {
    return Uint8Array.from(atob(b64), function (c) { return c.charCodeAt(0); });
  }

  function distinctFirst(ranked, pages) {  // one hit per page first, then further sections
    var seen = {}, first = [], more = [];
    ranked.forEach(function (h, i) {
      (seen[pages[i]] ? more : first).push(h);
      seen[pages[i]] = 1;
    });
    return first.concat(more);
  }

  function snippet(m, text, stems) {
    var marks = [], match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text))) {
      var f = fold(m, match[0]);
      if (stems.some(function (s) { return s.length > 3 ? f.indexOf(s) >= 0 : f === s; })) {
        marks.push([match.index, match.index + match[0].length]);
      }
    }
    var start = marks.length ? Math.max(0, marks[0][0] - 60) : 0;
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    var end = Math.min(text.length, start + 200);
    if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
    var cut = text.slice(start, end);
    return {
      snippet: (start ? "… " : "") + cut + (end < text.length ? " …" : ""),
      marks: marks.filter(function (k) { return k[0] >= start && k[1] <= end; })
        .map(function (k) { var o = start ? 2 - start : -start; return [k[0] + o, k[1] + o]; })
    };
  }

  // Terms of the lexicon shard of w.key that complete it (a prefix) or are one typo from it.
  function alternatives(m, w, typo) {
    var key = fold(m, w.key);
    if (!typo && !(w.prefix && key.length >= 3)) return Promise.resolve([]);
    return load("l/" + shardOf(m.lexicon, key)).then(function (lex) {
      var seen = {}, out = [];
      w.terms.forEach(function (t) { seen[t] = 1; });
      Object.keys(lex).filter(function (k) {
        return typo ? near(key, k) : k.length > key.length && k.indexOf(key) === 0;
      }).sort(function (a, b) { return a.length - b.length || (a < b ? -1 : 1); })
        .forEach(function (k) {
          entryOf(k, lex[k]).terms.forEach(function (t) {
            if (!typo && t.indexOf(key) !== 0) return;
            if (!seen[t] && out.length < 8) { seen[t] = 1; out.push(t); }
          });
        });
      return out;
    });
  }

  // A word's score per record: its own terms add up; a completion is an alternative to them.
  // A compound's parts (search.analysis.QueryWord.parts) match where its terms are not in the
  // index; where they are, the parts still add the sections that have every part, ranked
  // below them (arbeidsmiljøtiltak: the one section with the word, then those on
  // arbeidsmiljø and tiltak). A section with some of the parts ranks far below one with all.
  // A possible typo looks one edit away when nothing else matched.
  function wordScores(m, w) {
    return Promise.all([postings(m, w.terms), alternatives(m, w, false)]).then(function (got) {
      var mine = {}, found = got[0].some(Boolean);
      score(m, got[0], mine, false);
      return Promise.all([postings(m, got[1])].concat(w.parts.map(function (p) {
        return postings(m, p);
      }))).then(function (lists) {
        best(mine, lists[0], m, 0.8);
        var parts = lists.slice(1).map(function (l) { var o = {}; score(m, l, o, true); return o; });
        var weight = found ? PARTS_BESIDE : 1;
        parts.forEach(function (o) {
          for (var r in o) {
            var has = parts.filter(function (x) { return x[r]; });
            var sum = has.reduce(function (t, x) { return t + x[r]; }, 0);
            if (has.length < parts.length) sum *= PARTIAL;
            mine[r] = Math.max(mine[r] || 0, weight * sum);
          }
        });
        return Object.keys(mine).length || !w.fuzzy ? mine : typo(m, w, mine);
      });
    });
  }

  function best(mine, lists, m, weight) {  // each record's best of `lists`, times weight
    var alt = {};
    score(m, lists, alt, true);
    for (var r in alt) mine[r] = Math.max(mine[r] || 0, weight * alt[r]);
  }

  function typo(m, w, mine) {
    return alternatives(m, w, true).then(function (near) { return postings(m, near); })
      .then(function (lists) { best(mine, lists, m, 0.8); return mine; });
  }

  // What a heading may match of the query: every typed word folded (stopwords too) and the
  // terms of its words.
  function asked(m, query, words) {
    var out = {};
    (String(query).slice(0, 500).match(WORD) || []).forEach(function (w) { out[fold(m, w)] = 1; });
    words.forEach(function (w) {
      w.terms.concat([].concat.apply([], w.parts)).forEach(function (t) { out[t] = 1; });
    });
    return out;
  }

  function inAsked(forms, word) {  // a heading word is asked, or an inflection of a word asked
    if (forms[word]) return true;
    if (word.length < 4) return false;
    for (var f in forms) {
      if (f.length >= 4 && (word.indexOf(f) === 0 || f.indexOf(word) === 0)) return true;
    }
    return false;
  }

  // As search/query.py: a section whose heading the query asks (at least two of its words and
  // half of them; stopwords count: "hvem bør være med i ansvarsgruppen?" asks "Hvem bør være
  // med?") keeps 1 + HEADING_BONUS * share of its score. Headings are read from the record
  // shards the hits shown need anyway (a page's sections share its shard), so this costs no
  // extra download; the hits shown are then chosen again.
  function byHeading(m, ranked, forms, limit) {
    var pages = function (list) { return list.map(function (h) { return pageOf(m, h[0]); }); };
    var shown = distinctFirst(ranked, pages(ranked)).slice(0, limit);
    return Promise.all(shown.map(function (h) { return record(m, h[0]); })).then(function () {
      var again = ranked.map(function (h) {
        var rec = loaded(m, h[0]);
        if (!rec || !rec.anchor) return h;
        var words = rec.section.match(WORD) || [];
        var hit = words.filter(function (w) { return inAsked(forms, fold(m, w)); }).length;
        var boost = hit >= 2 && 2 * hit >= words.length ? 1 + HEADING_BONUS * hit / words.length : 1;
        return [h[0], h[1] * boost];
      }).sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
      return distinctFirst(again, pages(again)).slice(0, limit);
    });
  }

  function search(query, options) {
    var opts = options || {}, limit = opts.limit || 10;
    return Promise.all([load("manifest"), analyse(query)]).then(function (got) {
      var m = got[0], words = got[1], hits = {}, count = {};
      var stems = [].concat.apply([], [].concat.apply([], words.map(function (w) {
        return (w.members || []).concat([w]);  // a phrase: its words are marked too
      })).map(function (w) {
        return [fold(m, w.key)].concat(w.terms, [].concat.apply([], w.parts));
      }));
      return Promise.all(words.map(function (w) {
        return wordScores(m, w).then(function (mine) {
          for (var r in mine) { hits[r] = (hits[r] || 0) + mine[r]; count[r] = (count[r] || 0) + 1; }
        });
      })).then(function () { return audienceBits(m, opts.audience); }).then(function (bits) {
        var n = words.length || 1;
        var ranked = Object.keys(hits).map(Number).filter(function (r) {
          return !bits || (bits[r >> 3] >> (r & 7)) & 1;
        }).map(function (r) {
          return [r, hits[r] * (0.5 + 0.5 * count[r] / n)];  // coordination, as in Python
        }).sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; }).slice(0, limit * 4 + 10);
        return byHeading(m, ranked, asked(m, query, words), limit);
      }).then(function (shown) {
        return Promise.all(shown.map(function (h) {
          return record(m, h[0]).then(function (rec) {
            var s = snippet(m, rec.text, stems);
            return { url: rec.url, anchor: rec.anchor, title: rec.title, section: rec.section,
              snippet: s.snippet, marks: s.marks, lang: rec.lang, score: h[1] };
          });
        }));
      });
    });
  }

  window.brobyggerSearch = { search: search, analyse: analyse, load: load };

  // ------------------------------------------------------------------ the form in the header

  function ui(form) {
    var input = form.querySelector("input"), panel = form.querySelector(".bb-search__panel");
    var select = form.querySelector("select"), status = form.querySelector("[role=status]");
    var list = form.querySelector("ol"), timer = 0, asked = 0, file = location.protocol === "file:";
    form.hidden = false;

    function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }
    function show(on) { panel.hidden = !on; }

    function href(hit) {
      var url = hit.url;
      if (file && (url === "" || url.slice(-1) === "/")) url += "index.html";
      return BASE + url + (hit.anchor ? "#" + hit.anchor : "");
    }

    function item(hit) {
      var li = document.createElement("li"), a = document.createElement("a");
      var title = document.createElement("span"), p = document.createElement("p"), at = 0;
      a.href = href(hit);
      title.className = "bb-search__title";
      title.textContent = hit.title;
      a.appendChild(title);
      if (hit.section && hit.section !== hit.title) {
        var section = document.createElement("span");
        section.className = "bb-search__section";
        section.textContent = hit.section;
        a.appendChild(section);
      }
      p.className = "bb-search__snippet";
      hit.marks.forEach(function (k) {
        var mark = document.createElement("mark");
        p.appendChild(document.createTextNode(hit.snippet.slice(at, k[0])));
        mark.textContent = hit.snippet.slice(k[0], k[1]);
        p.appendChild(mark);
        at = k[1];
      });
      p.appendChild(document.createTextNode(hit.snippet.slice(at)));
      li.appendChild(a);
      li.appendChild(p);
      return li;
    }

    function run() {
      var query = input.value, mine = ++asked;
      if (!query.trim()) { show(false); list.textContent = ""; status.textContent = ""; return; }
      show(true);
      search(query, { limit: 20, audience: select.value }).then(function (hits) {
        if (mine !== asked) return;
        list.textContent = "";
        hits.forEach(function (hit) { list.appendChild(item(hit)); });
        status.textContent = hits.length === 0 ? "Ingen treff" :
          hits.length === 1 ? "1 treff" : hits.length + " treff";
      }, function () {
        if (mine === asked) status.textContent = "Søket er ikke tilgjengelig";
      });
    }

    function later() { clearTimeout(timer); timer = setTimeout(run, 150); }

    function move(by) {
      var all = links(), at = all.indexOf(document.activeElement) + by;
      if (at < 0) input.focus();
      else if (all.length) all[Math.min(at, all.length - 1)].focus();
    }

    input.addEventListener("input", later);
    input.addEventListener("focus", function () {
      load("manifest").then(function (m) {
        if (select.options.length > 1) return;
        m.audiences.forEach(function (a) { select.add(new Option(a[1], a[0])); });
      }, function () {});
    });
    input.addEventListener("click", function () { if (input.value.trim()) show(true); });
    select.addEventListener("change", run);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = links()[0];
      if (first) first.click(); else run();
    });
    form.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        if (panel.hidden) input.value = ""; else show(false);
        input.focus();
        event.preventDefault();
      } else if (event.key === "ArrowDown" && event.target !== select) {
        if (panel.hidden && input.value.trim()) show(true);
        move(1);
        event.preventDefault();
      } else if (event.key === "ArrowUp" && event.target !== select) {
        move(-1);
        event.preventDefault();
      }
    });
    form.addEventListener("focusout", function (event) {
      if (!form.contains(event.relatedTarget) && event.relatedTarget) show(false);
    });
    document.addEventListener("click", function (event) {
      if (!form.contains(event.target)) show(false);
    });
    list.addEventListener("click", function () { show(false); });
  }

  var form = document.querySelector("[data-bb-search]");
  if (form) ui(form);
})();
