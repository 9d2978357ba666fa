// The review page. Article text and every value from the records are untrusted: they reach the page only through
// textContent, value and setAttribute on elements made here, never as HTML.
(function () {
  "use strict";

  var FIELD_CLASSES = ["sub_event_type", "event_date", "actor1", "actor2", "location", "fatalities", "injuries", "notes"];
  var FIELD_LABELS = { sub_event_type: "sub-event type", event_date: "date", actor1: "actor 1", actor2: "actor 2",
    location: "location", fatalities: "fatalities", injuries: "injuries", notes: "added event" };

  var meta = null;       // sub-event types, inter names, countries
  var token = null;      // anti-forgery token for saves
  var list = [];         // the article list as filtered
  var article = null;    // the open article: {id, title, text, version, status, previous, next, ...}
  var records = [];      // its records: {decision, origin, record, evidence, original}
  var current = -1;      // the record the keys act on

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === "className") e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function getJson(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) throw new Error(body && body.error ? body.error : "the server answered " + r.status);
        return body;
      });
    });
  }

  function say(text, isError) {
    var m = $("message");
    m.textContent = text;
    m.classList.toggle("error", !!isError);
    m.classList.remove("hidden");
  }

  // ---- start ----

  function start() {
    Promise.all([getJson("/api/meta"), getJson("/api/token")]).then(function (r) {
      meta = r[0];
      token = r[1].token;
      $("gold-folder").textContent = "gold folder: " + meta.goldFolder;
      meta.subEventTypes.forEach(function (t) { $("f-type").appendChild(el("option", { value: t.name }, t.name)); });
      meta.countries.forEach(function (c) {
        $("f-country").appendChild(el("option", { value: c }, c));
        $("country-list").appendChild(el("option", { value: c }));
      });
      ["f-status", "f-type", "f-country", "f-from", "f-to"].forEach(function (id) { $(id).addEventListener("change", loadList); });
      $("filters").addEventListener("submit", function (e) { e.preventDefault(); });
      $("help-button").addEventListener("click", showHelp);
      $("help-close").addEventListener("click", function () { $("help").close(); });
      $("add-button").addEventListener("click", addFromSelection);
      $("accept-none").addEventListener("click", function () { accept(-1); });
      $("reload-button").addEventListener("click", function () { if (article) openArticle(article.id); });
      buildLegend();
      document.addEventListener("keydown", onKey);
      window.addEventListener("hashchange", openFromHash);
      return loadList();
    }).then(openFromHash).catch(function (e) { say(e.message, true); });
  }

  function buildLegend() {
    FIELD_CLASSES.forEach(function (f) { $("legend").appendChild(el("span", { className: "f-" + f }, FIELD_LABELS[f])); });
  }

  function openFromHash() {
    var id = decodeURIComponent(location.hash.replace(/^#\/?/, ""));
    if (id && (!article || article.id !== id)) openArticle(id);
  }

  // ---- article list ----

  function loadList() {
    var q = new URLSearchParams();
    [["status", "f-status"], ["type", "f-type"], ["country", "f-country"], ["from", "f-from"], ["to", "f-to"]].forEach(function (p) {
      if ($(p[1]).value) q.set(p[0], $(p[1]).value);
    });
    return getJson("/api/articles?" + q.toString()).then(function (body) {
      list = body.articles;
      $("list-count").textContent = list.length + " of " + body.total + " articles";
      renderList();
    }).catch(function (e) { say(e.message, true); });
  }

  function renderList() {
    var ul = $("article-list");
    clear(ul);
    list.forEach(function (a) {
      var b = el("button", { type: "button", "data-id": a.id });
      if (article && article.id === a.id) b.classList.add("current");
      b.appendChild(el("span", { className: "status " + a.status.replace(" ", "-") }, a.status));
      b.appendChild(document.createTextNode(" " + a.title));
      b.appendChild(el("div", { className: "id" }, a.id + (a.published ? " · " + a.published : "") + " · " + a.records + " record" + (a.records === 1 ? "" : "s")));
      b.addEventListener("click", function () { location.hash = "#/" + encodeURIComponent(a.id); });
      var li = el("li");
      li.appendChild(b);
      ul.appendChild(li);
    });
  }

  // ---- one article ----

  function openArticle(id) {
    return getJson("/api/articles/" + encodeURIComponent(id)).then(function (a) {
      article = a;
      records = a.records.map(function (r) {
        return { decision: r.decision, origin: r.origin, record: r.record, evidence: r.evidence, original: JSON.stringify(r.record) };
      });
      current = records.length ? 0 : -1;
      $("conflict").classList.add("hidden");
      $("message").classList.add("hidden");
      if (location.hash !== "#/" + encodeURIComponent(a.id)) history.replaceState(null, "", "#/" + encodeURIComponent(a.id));
      render();
      renderList();
    }).catch(function (e) { say(e.message, true); });
  }

  function render() {
    $("empty").classList.add("hidden");
    $("article").classList.remove("hidden");
    $("article-title").textContent = article.title || article.id;
    $("article-meta").textContent = [article.id, article.published, article.source].filter(Boolean).join(" · ");
    var st = $("article-status");
    st.textContent = article.status;
    st.className = "status " + article.status.replace(" ", "-");
    renderText();
    renderRecords();
  }

  // Evidence offsets count code points (as every EventExtractor output does); a JavaScript string is indexed in
  // UTF-16 units, where a character outside the Basic Multilingual Plane (an emoji) takes two.
  function unitIndex(text) {
    if (!/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text)) return function (cp) { return cp; };
    var units = [0];
    for (var i = 0; i < text.length;) { i += text.codePointAt(i) > 0xFFFF ? 2 : 1; units.push(i); }
    return function (cp) { return cp < units.length ? units[cp] : text.length + 1; };
  }
  function codePoints(text) { return Array.from(text).length; }

  // The text with every record's evidence as spans: a colour per field, the fields named on hover.
  function renderText() {
    var box = $("article-text");
    clear(box);
    var text = article.text;
    var unit = unitIndex(text);
    var marks = [];
    records.forEach(function (r, i) {
      (r.evidence || []).forEach(function (e) {
        var start = unit(e.start), end = unit(e.end);
        if (e.start >= 0 && end > start && end <= text.length) marks.push({ start: start, end: end, field: e.field, record: i });
      });
    });
    var cuts = [0, text.length];
    marks.forEach(function (m) { cuts.push(m.start, m.end); });
    cuts = cuts.filter(function (c, i, all) { return all.indexOf(c) === i; }).sort(function (a, b) { return a - b; });
    for (var i = 0; i + 1 < cuts.length; i++) {
      var s = cuts[i], e = cuts[i + 1];
      var piece = text.slice(s, e);
      var over = marks.filter(function (m) { return m.start <= s && m.end >= e; });
      if (!over.length) { box.appendChild(document.createTextNode(piece)); continue; }
      over.sort(function (a, b) { return (a.end - a.start) - (b.end - b.start); });
      var f = FIELD_CLASSES.indexOf(over[0].field) >= 0 ? over[0].field : "other";
      var span = el("span", { className: "ev f-" + f }, piece);
      span.title = over.map(function (m) { return "record " + (m.record + 1) + ": " + (FIELD_LABELS[m.field] || m.field); }).join("\n");
      span.dataset.records = over.map(function (m) { return m.record; }).join(" ");
      if (over.every(function (m) { return records[m.record].decision === "rejected"; })) span.classList.add("dim");
      if (over.some(function (m) { return m.record === current; })) span.classList.add("active");
      box.appendChild(span);
    }
  }

  function markActive() {
    Array.prototype.forEach.call($("article-text").querySelectorAll(".ev"), function (s) {
      s.classList.toggle("active", s.dataset.records.split(" ").indexOf(String(current)) >= 0);
    });
    Array.prototype.forEach.call($("records").children, function (card, i) { card.classList.toggle("current", i === current); });
  }

  function renderRecords() {
    var box = $("records");
    clear(box);
    $("no-records").classList.toggle("hidden", records.length > 0);
    $("accept-none").classList.toggle("hidden", records.length > 0);
    records.forEach(function (r, i) { box.appendChild(recordCard(r, i)); });
    markActive();
  }

  function field(i, name, label, kind, options) {
    var lab = el("label", null, label);
    var input;
    if (kind === "select") {
      input = el("select");
      input.appendChild(el("option", { value: "" }, "—"));
      options.forEach(function (o) { input.appendChild(el("option", { value: o }, o)); });
    } else if (kind === "textarea") {
      input = el("textarea");
    } else {
      input = el("input", { type: kind || "text" });
    }
    input.id = "r" + i + "-" + name;
    input.name = name;
    input.dataset.field = name;
    lab.setAttribute("for", input.id);
    lab.appendChild(input);
    return lab;
  }

  function recordCard(r, i) {
    var card = el("div", { className: "record " + r.decision, "data-index": String(i) });
    var head = el("div", { className: "record-head" });
    head.appendChild(el("strong", null, "Record " + (i + 1)));
    head.appendChild(el("span", { className: "decision" }, r.decision + (r.origin === "added" ? " (added)" : "")));
    head.appendChild(el("span", { className: "spacer" }));
    var acceptButton = el("button", { type: "button", className: "accept" }, "Accept (a)");
    acceptButton.addEventListener("click", function () { current = i; accept(i); });
    var rejectButton = el("button", { type: "button", className: "reject" }, "Reject (x)");
    rejectButton.addEventListener("click", function () { current = i; reject(i); });
    head.appendChild(acceptButton);
    head.appendChild(rejectButton);
    card.appendChild(head);

    var form = el("form", { className: "fields" });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    var types = meta.subEventTypes.map(function (t) { return t.name; });
    form.appendChild(field(i, "sub_event_type", "sub-event type", "select", types));
    form.appendChild(field(i, "event_date", "date", "date"));
    var derived = el("div", { className: "derived" });
    form.appendChild(derived);
    form.appendChild(field(i, "actor1", "actor 1"));
    form.appendChild(field(i, "inter1", "inter 1", "select", meta.interNames));
    form.appendChild(field(i, "assoc_actor_1", "associated with actor 1"));
    form.appendChild(field(i, "actor2", "actor 2"));
    form.appendChild(field(i, "inter2", "inter 2", "select", meta.interNames));
    form.appendChild(field(i, "assoc_actor_2", "associated with actor 2"));
    var loc = field(i, "location", "location (search the gazetteer)");
    loc.classList.add("wide");
    var row = el("div", { className: "place-row" });
    var locInput = loc.querySelector("input");
    loc.removeChild(locInput);
    row.appendChild(locInput);
    var find = el("button", { type: "button", className: "find" }, "Find");
    row.appendChild(find);
    loc.appendChild(row);
    form.appendChild(loc);
    var places = el("ul", { className: "places" });
    form.appendChild(places);
    form.appendChild(field(i, "admin1", "admin1"));
    form.appendChild(field(i, "admin2", "admin2"));
    form.appendChild(field(i, "country", "country"));
    form.appendChild(field(i, "latitude", "latitude"));
    form.appendChild(field(i, "longitude", "longitude"));
    form.appendChild(field(i, "fatalities", "fatalities", "number"));
    form.appendChild(field(i, "injuries", "injuries", "number"));
    var notes = field(i, "notes", "notes", "textarea");
    notes.classList.add("wide");
    form.appendChild(notes);
    card.appendChild(form);

    Array.prototype.forEach.call(form.elements, function (input) {
      var name = input.dataset.field;
      if (!name) return;
      var v = r.record[name];
      input.value = v === null || v === undefined ? "" : String(v);
      if (name === "country") input.setAttribute("list", "country-list");
      if (name === "actor1" || name === "actor2" || name === "assoc_actor_1" || name === "assoc_actor_2") {
        input.setAttribute("list", "actor-suggestions");
        input.addEventListener("input", function () { suggestActors(input.value); });
      }
      input.addEventListener("focus", function () { if (current !== i) { current = i; markActive(); } });
      input.addEventListener("change", function () { showDerived(form, derived); card.classList.add("edited"); acceptButton.textContent = "Save correction (a)"; });
    });
    showDerived(form, derived);
    find.addEventListener("click", function () { findPlaces(form, places, locInput.value); });
    locInput.addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); findPlaces(form, places, locInput.value); } });
    return card;
  }

  function showDerived(form, box) {
    var name = form.elements.namedItem("sub_event_type").value;
    var t = meta.subEventTypes.filter(function (x) { return x.name === name; })[0];
    box.textContent = t ? "event type: " + t.eventType + " · disorder type: " + t.disorderType : "choose a sub-event type";
  }

  var actorTimer = null;
  function suggestActors(q) {
    clearTimeout(actorTimer);
    actorTimer = setTimeout(function () {
      if (q.trim().length < 2) return;
      getJson("/api/actors?q=" + encodeURIComponent(q)).then(function (body) {
        var dl = $("actor-suggestions");
        clear(dl);
        body.actors.forEach(function (a) { dl.appendChild(el("option", { value: a })); });
      });
    }, 150);
  }

  function findPlaces(form, box, q) {
    clear(box);
    if (!q.trim()) return;
    getJson("/api/places?q=" + encodeURIComponent(q)).then(function (body) {
      if (!body.places.length) { box.appendChild(el("li", { className: "muted" }, "no place of that name in the gazetteer")); return; }
      body.places.forEach(function (p) {
        var label = p.name + (p.admin1 && p.admin1 !== p.name ? ", " + p.admin1 : "") + ", " + p.country +
          " (" + p.latitude.toFixed(4) + ", " + p.longitude.toFixed(4) + ")" + (p.region ? " — region" : "");
        var b = el("button", { type: "button" }, label);
        b.addEventListener("click", function () {
          var set = function (n, v) { var input = form.elements.namedItem(n); input.value = v; input.dispatchEvent(new Event("change")); };
          set("location", p.name);
          set("admin1", p.admin1);
          set("admin2", p.admin2);
          set("country", p.country);
          set("latitude", String(p.latitude));
          set("longitude", String(p.longitude));
          clear(box);
        });
        var li = el("li");
        li.appendChild(b);
        box.appendChild(li);
      });
    }).catch(function (e) { say(e.message, true); });
  }

  function readForm(i) {
    var card = $("records").children[i];
    var form = card.querySelector("form");
    var out = JSON.parse(JSON.stringify(records[i].record));
    Array.prototype.forEach.call(form.elements, function (input) {
      var name = input.dataset.field;
      if (!name) return;
      var v = input.value.trim();
      if (["fatalities", "injuries", "latitude", "longitude"].indexOf(name) >= 0) out[name] = v === "" ? null : Number(v);
      else out[name] = v;
    });
    var t = meta.subEventTypes.filter(function (x) { return x.name === out.sub_event_type; })[0];
    out.event_type = t ? t.eventType : "";
    return out;
  }

  // ---- decisions ----

  function accept(i) {
    if (!article) return;
    if (i < 0 || !records.length) { save("Confirmed: no event in this article."); return; }
    var r = records[i];
    var edited = readForm(i);
    if (!edited.sub_event_type) { say("Record " + (i + 1) + ": choose a sub-event type before accepting it.", true); return; }
    var changed = JSON.stringify(normalise(edited)) !== JSON.stringify(normalise(JSON.parse(r.original)));
    r.record = edited;
    r.decision = r.origin === "added" ? "added" : changed ? "corrected" : "accepted";
    save("Record " + (i + 1) + " " + r.decision + ".", function () { moveTo(i + 1, false); });
  }

  function reject(i) {
    if (!article || i < 0 || !records.length) return;
    records[i].decision = "rejected";
    save("Record " + (i + 1) + " rejected.", function () { moveTo(i + 1, false); });
  }

  // Compares what a person can change, whatever the types the form produced ("8" and 8, null and "").
  function normalise(rec) {
    var out = {};
    ["event_date", "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "location",
      "admin1", "admin2", "country", "latitude", "longitude", "fatalities", "injuries", "notes"].forEach(function (k) {
      var v = rec[k];
      out[k] = v === null || v === undefined ? "" : String(v);
    });
    return out;
  }

  function addFromSelection() {
    if (!article) return;
    var sel = window.getSelection();
    var box = $("article-text");
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) { say("Select the words of the missed event in the text first.", true); return; }
    var range = sel.getRangeAt(0);
    if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) { say("Select the words inside the article text.", true); return; }
    var before = document.createRange();
    before.selectNodeContents(box);
    before.setEnd(range.startContainer, range.startOffset);
    var start = before.toString().length;
    var end = start + range.toString().length;
    var words = article.text.slice(start, end);
    var first = records.filter(function (r) { return r.decision !== "rejected"; })[0];
    var rec = { event_date: article.published || "", sub_event_type: "", actor1: "", assoc_actor_1: "", inter1: "", actor2: "",
      assoc_actor_2: "", inter2: "", country: first ? first.record.country : "", admin1: "", admin2: "", location: "",
      latitude: null, longitude: null, fatalities: 0, injuries: 0, weapons: [], notes: words.trim() };
    var cpStart = codePoints(article.text.slice(0, start));
    records.push({ decision: "pending", origin: "added", record: rec, evidence: [{ field: "notes", text: words, start: cpStart, end: cpStart + codePoints(words) }], original: JSON.stringify(rec) });
    current = records.length - 1;
    sel.removeAllRanges();
    save("Event added from the selection: choose its sub-event type and accept it (a).", function () {
      var input = $("r" + current + "-sub_event_type");
      if (input) { input.focus(); input.scrollIntoView({ block: "center" }); }
    });
  }

  function save(done, then) {
    var body = {
      version: article.version,
      records: records.map(function (r) { return { decision: r.decision, origin: r.origin, record: r.record, evidence: r.evidence }; }),
    };
    return fetch("/api/articles/" + encodeURIComponent(article.id), {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-TOKEN": token },
      body: JSON.stringify(body),
    }).then(function (r) {
      return r.json().then(function (answer) {
        if (r.status === 409) {
          $("conflict-text").textContent = answer.error;
          $("conflict").classList.remove("hidden");
          say("Not saved.", true);
          return;
        }
        if (!r.ok) { say(answer.error || "Not saved (the server answered " + r.status + ").", true); return; }
        article.version = answer.version;
        article.status = answer.status;
        records.forEach(function (x) { x.original = JSON.stringify(x.record); });
        render();
        say(done + " Saved (version " + answer.version + ", " + answer.status + ").");
        updateListEntry();
        if (then) then();
      });
    }).catch(function (e) { say("Not saved: " + e.message, true); });
  }

  function updateListEntry() {
    list.forEach(function (a) {
      if (a.id === article.id) { a.status = article.status; a.records = records.length; }
    });
    renderList();
  }

  // ---- moving and keys ----

  function moveTo(i, acrossArticles) {
    if (i >= records.length) {
      if (acrossArticles && article.next) { location.hash = "#/" + encodeURIComponent(article.next); return; }
      i = records.length - 1;
    }
    if (i < 0) {
      if (acrossArticles && article.previous) { location.hash = "#/" + encodeURIComponent(article.previous); return; }
      i = records.length ? 0 : -1;
    }
    current = i;
    markActive();
    var card = $("records").children[i];
    if (card) card.scrollIntoView({ block: "nearest" });
  }

  function showHelp() { if (!$("help").open) $("help").showModal(); }

  function onKey(e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var tag = e.target && e.target.tagName;
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") {
      if (e.key === "Escape") e.target.blur();
      return;
    }
    if ($("help").open) return;
    switch (e.key) {
      case "a": accept(records.length ? current : -1); break;
      case "x": reject(current); break;
      case "j": if (article) moveTo(current + 1, true); break;
      case "k": if (article) moveTo(current - 1, true); break;
      case "n": if (article && article.next) location.hash = "#/" + encodeURIComponent(article.next); break;
      case "p": if (article && article.previous) location.hash = "#/" + encodeURIComponent(article.previous); break;
      case "e": addFromSelection(); break;
      case "?": showHelp(); break;
      default: return;
    }
    e.preventDefault();
  }

  start();
})();
