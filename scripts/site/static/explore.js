// Search over every curated row: filters by region, year, indicator and text, kept in the
// page's #hash so a filtered view can be linked (and opened from file://).
(function () {
  var D = window.EXPLORER, $ = function (id) { return document.getElementById(id); };
  var F = D.fields;   // column order of D.rows
  function col(name) { return F.indexOf(name); }
  function option(select, value, text) {
    var o = document.createElement("option"); o.value = value; o.textContent = text; select.appendChild(o);
  }
  function fill() {
    Object.keys(D.regions).sort().forEach(function (c) { option($("f-region"), c, c + " " + D.regions[c]); });
    var years = {}, indicators = {};
    D.rows.forEach(function (r) { years[r[col("year")]] = 1; indicators[r[col("table")] + ":" + r[col("indicator")]] = 1; });
    Object.keys(years).sort().forEach(function (y) { option($("f-year"), y, y); });
    Object.keys(indicators).sort().forEach(function (k) { option($("f-indicator"), k, k + " " + (D.indicators[k] || "")); });
  }
  function state() {
    var s = {}; location.hash.replace(/^#/, "").split("&").forEach(function (kv) {
      var p = kv.split("="); if (p[0]) s[p[0]] = decodeURIComponent(p[1] || "");
    });
    return s;
  }
  function show() {
    var s = state();
    ["region", "year", "indicator", "q"].forEach(function (k) { $("f-" + k).value = s[k] || ""; });
    var q = (s.q || "").toLowerCase(), out = [], tbody = $("results");
    D.rows.forEach(function (r) {
      if (s.region && r[col("region_code")] !== s.region) return;
      if (s.year && String(r[col("year")]) !== s.year) return;
      if (s.indicator && r[col("table")] + ":" + r[col("indicator")] !== s.indicator) return;
      if (q && r.join(" ").toLowerCase().indexOf(q) < 0) return;
      out.push(r);
    });
    tbody.textContent = "";
    out.slice(0, 500).forEach(function (r) {
      var tr = document.createElement("tr");
      F.forEach(function (name, i) {
        var td = document.createElement("td"), v = r[i] === null ? "" : String(r[i]);
        if (name === "id") {
          var a = document.createElement("a"); a.href = "sources/" + r[col("source_id")] + ".html#row-" + v; a.textContent = v; td.appendChild(a);
        } else if (name === "region_code") {
          var b = document.createElement("a"); b.href = "regions/" + v + ".html"; b.textContent = v + " " + (D.regions[v] || ""); td.appendChild(b);
        } else { td.textContent = v; }
        if (name === "value") td.className = "num";
        tr.appendChild(td);
      });
      tr.className = "result";
      tbody.appendChild(tr);
    });
    $("count").textContent = out.length + " rows / 行" + (out.length > 500 ? " (first 500 shown / 仅显示前500行)" : "");
    $("count").setAttribute("data-n", out.length);
  }
  function update() {
    var parts = [];
    ["region", "year", "indicator", "q"].forEach(function (k) {
      var v = $("f-" + k).value; if (v) parts.push(k + "=" + encodeURIComponent(v));
    });
    location.hash = parts.join("&");
  }
  fill();
  ["region", "year", "indicator"].forEach(function (k) { $("f-" + k).addEventListener("change", update); });
  $("f-q").addEventListener("input", update);
  window.addEventListener("hashchange", show);
  show();
})();
