// The report's table: sort by a column (click or Enter on its header) and filter by text, sub-event type and country.
// Reads only the table itself; changes only row order and the "hidden" class.
(function () {
  "use strict";
  var table = document.getElementById("events");
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var text = document.getElementById("filter");
  var type = document.getElementById("filter-type");
  var country = document.getElementById("filter-country");
  var shown = document.getElementById("shown");
  var haystacks = rows.map(function (r) { return r.textContent.toLowerCase(); });

  function filter() {
    var words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
    var t = type.value, c = country.value, n = 0;
    rows.forEach(function (r, i) {
      var ok = (!t || r.dataset.type === t) && (!c || r.dataset.country === c) &&
        words.every(function (w) { return haystacks[i].indexOf(w) >= 0; });
      r.classList.toggle("hidden", !ok);
      if (ok) n++;
    });
    shown.textContent = n + " of " + rows.length + " events";
  }

  function sortBy(th) {
    var index = th.cellIndex, numeric = th.dataset.numeric === "1";
    var descending = !th.classList.contains("desc") && (th.classList.contains("asc") || numeric);
    Array.prototype.forEach.call(th.parentNode.cells, function (h) { h.classList.remove("asc", "desc"); });
    th.classList.add(descending ? "desc" : "asc");
    var order = rows.map(function (r, i) { return i; });
    order.sort(function (a, b) {
      var x = rows[a].cells[index].textContent, y = rows[b].cells[index].textContent;
      var d = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y);
      return (descending ? -d : d) || a - b;
    });
    order.forEach(function (i) { body.appendChild(rows[i]); });
  }

  text.addEventListener("input", filter);
  type.addEventListener("change", filter);
  country.addEventListener("change", filter);
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    th.addEventListener("click", function () { sortBy(th); });
    th.addEventListener("keydown", function (e) { if (e.key === "Enter") sortBy(th); });
  });
})();
