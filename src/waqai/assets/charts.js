// waqai charts: draw the Plotly specs embedded in the page (the data-spec attribute of each .waqai-chart).
//
// - plotly.js's basic bundle (served from the site, assets/vendor/) is loaded only on pages
//   that have a chart, once, then kept across Material's instant navigation;
// - each spec carries the locale it is drawn in (months, buttons: data/charts.yaml);
// - page scripts do not re-run on instant navigation, so drawing hooks `document$`;
// - the charts follow the light/dark palette toggle (data-md-color-scheme on <body>);
// - they are resized before printing, and clicking a point opens its report's sentence.
(function () {
  "use strict";
  var self = document.currentScript;
  var plotlyUrl = new URL("vendor/plotly.js-basic-dist-min/plotly-basic.min.js", self ? self.src : location.href).href;
  var loading = null;

  function loadPlotly() {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = plotlyUrl;
        tag.onload = function () { resolve(window.Plotly); };
        tag.onerror = function () { loading = null; reject(new Error("cannot load " + plotlyUrl)); };
        document.head.appendChild(tag);
      });
    }
    return loading;
  }

  function cssVar(name, fallback) {
    var value = getComputedStyle(document.body).getPropertyValue(name).trim();
    return value || fallback;
  }

  // The spec's layout, in the colours of the current palette and sized for the screen.
  function layoutFor(spec, el) {
    var layout = JSON.parse(JSON.stringify(spec.layout));
    var fg = cssVar("--md-default-fg-color", "#333");
    var grid = cssVar("--md-default-fg-color--lightest", "rgba(128,128,128,0.2)");
    var narrow = el.clientWidth < 520;
    layout.paper_bgcolor = "rgba(0,0,0,0)";
    layout.plot_bgcolor = "rgba(0,0,0,0)";
    layout.font = { color: fg, family: cssVar("--md-text-font-family", "sans-serif"), size: narrow ? 11 : 13 };
    ["xaxis", "yaxis"].forEach(function (axis) {
      layout[axis] = Object.assign({}, layout[axis], { gridcolor: grid, zerolinecolor: grid, linecolor: grid });
    });
    layout.hoverlabel = { bgcolor: cssVar("--md-default-bg-color", "#fff"), font: { color: fg } };
    if (narrow) {
      layout.margin = Object.assign({}, layout.margin, { l: 45, r: 10, b: 30 });  // the top keeps room for a break's note
      layout.legend = Object.assign({}, layout.legend, { font: { size: 10 } });
    }
    layout.autosize = true;
    return layout;
  }

  // The chart's spec is its data-spec attribute (JSON); not an inline <script>, which
  // Material's instant navigation would re-create without its type and run.
  function draw(el) {
    var spec = JSON.parse(el.getAttribute("data-spec"));
    if (spec.locale) window.Plotly.register(spec.locale);
    window.Plotly.react(el, spec.data, layoutFor(spec, el), spec.config || {});
    if (!el.dataset.waqaiClick) {
      el.dataset.waqaiClick = "1";
      el.on("plotly_click", function (event) {
        var point = event.points && event.points[0];
        var url = point && point.customdata && point.customdata[2];
        if (url) location.assign(url);
      });
    }
  }

  function charts() {
    return Array.prototype.slice.call(document.querySelectorAll(".waqai-chart[data-spec]"));
  }

  function drawAll() {
    var found = charts();
    if (!found.length) return;
    loadPlotly().then(function () { found.forEach(draw); }, function (error) { console.error(error); });
  }

  document$.subscribe(drawAll);

  // The palette toggle changes an attribute of <body>: redraw in the new colours.
  new MutationObserver(function () { if (window.Plotly) charts().forEach(draw); })
    .observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

  window.addEventListener("beforeprint", function () {
    if (window.Plotly) charts().forEach(function (el) { if (el.data) window.Plotly.Plots.resize(el); });
  });
})();
