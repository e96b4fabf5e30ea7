// waqai: mark the links that leave the site, so print.css writes their address out on paper.
// Material's instant navigation rewrites internal links to absolute URLs too, so CSS alone
// cannot tell them apart; without JavaScript, `.no-js a[href^="http"]` does the same job.
document$.subscribe(function () {
  document.querySelectorAll(".md-content a[href]").forEach(function (a) {
    if (a.host && a.host !== location.host) {
      a.classList.add("waqai-external");
    }
  });
});
