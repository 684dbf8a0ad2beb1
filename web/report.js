// The HTML report's behaviour (src/report/html_report.cpp): renders each
// chart from its Vega-Lite spec, makes tables sortable and filterable, and
// records every error on <body data-errors> so a test can read them from
// the DOM. Errors before the body exists are kept by the head script.
(function () {
  "use strict";
  var body = document.body;
  function recordError(text) {
    window.assayErrors.push(String(text));
    body.setAttribute("data-errors", window.assayErrors.join("\n"));
  }
  if (window.assayErrors.length) body.setAttribute("data-errors", window.assayErrors.join("\n"));
  window.assayRecord = recordError;

  var charts = document.querySelectorAll(".chart[data-spec]");
  var pending = [];
  charts.forEach(function (el) {
    try {
      var spec = JSON.parse(document.getElementById(el.getAttribute("data-spec")).textContent);
      pending.push(vegaEmbed(el, spec, { actions: false, renderer: "svg" }).then(function () {
        el.setAttribute("data-rendered", "true");
      }, function (err) { recordError("chart " + el.id + ": " + err); }));
    } catch (err) {
      recordError("chart " + el.id + ": " + err);
    }
  });
  Promise.all(pending).then(function () { body.setAttribute("data-charts-done", String(charts.length)); });

  function cellValue(row, index) {
    var cell = row.cells[index];
    var data = cell && cell.querySelector("data");
    var text = data ? data.value : (cell ? cell.textContent.trim() : "");
    var number = parseFloat(text);
    return isNaN(number) || !data ? text.toLowerCase() : number;
  }
  document.querySelectorAll("table.sortable th[scope=col]").forEach(function (th) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      var table = th.closest("table");
      var index = Array.prototype.indexOf.call(th.parentNode.children, th);
      var descending = th.getAttribute("aria-sort") !== "descending";
      table.querySelectorAll("th[aria-sort]").forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      var tbody = table.tBodies[0];
      var rows = Array.prototype.slice.call(tbody.rows);
      rows.sort(function (a, b) {
        var x = cellValue(a, index), y = cellValue(b, index);
        var order = x < y ? -1 : x > y ? 1 : 0;
        return descending ? -order : order;
      });
      rows.forEach(function (row) { tbody.appendChild(row); });
    });
  });

  // A printed report shows every table, collapsed or not.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });

  document.querySelectorAll("input.filter").forEach(function (input) {
    var table = document.getElementById(input.getAttribute("data-table"));
    input.addEventListener("input", function () {
      var needle = input.value.trim().toLowerCase();
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        row.hidden = needle !== "" && row.textContent.toLowerCase().indexOf(needle) < 0;
      });
    });
  });
})();
