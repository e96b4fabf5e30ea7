/* waqai: the lunr "language" of the site's search (written by waqai.search from data/search.yaml).
 *
 * Material's search worker loads it (the index names "waqai" as its language) and calls
 * lunr.waqai on the index it builds. Every indexed word and every query word is folded
 * the same way as waqai folds the index's aliases in Python with camel-tools: letters by
 * the table below (diacritics, hamza forms of alef, alef maqsura, taa marbuta, tatweel),
 * then the article with the clitics before it (بالباغوز -> باغوز). Query words are folded
 * as they are read, so that Material also marks the words it found as found. */
(function () {
  "use strict";
  var RULES = /*RULES*/{};

  function foldWord(word) {
    var out = "";
    for (var i = 0; i < word.length; i++) {
      var c = word.charAt(i);
      out += Object.prototype.hasOwnProperty.call(RULES.letters, c) ? RULES.letters[c] : c;
    }
    for (var k = 0; k < RULES.prefixes.length; k++) {
      var prefix = RULES.prefixes[k];
      if (out.indexOf(prefix) === 0 && out.length - prefix.length >= RULES.min_stem) return out.slice(prefix.length);
    }
    return out;
  }

  var fold = function (token) { return token.update(foldWord); };
  lunr.Pipeline.registerFunction(fold, "waqai-fold");

  lunr.waqai = function () {
    this.pipeline.reset();
    this.pipeline.add(fold);
    this.searchPipeline.reset();
    this.searchPipeline.add(fold);
  };
  lunr.waqai.foldWord = foldWord;

  // The words of a query, folded as they are read (a wildcard `*` stays where it is).
  var emit = lunr.QueryLexer.prototype.emit;
  lunr.QueryLexer.prototype.emit = function (type) {
    emit.call(this, type);
    var lexeme = this.lexemes[this.lexemes.length - 1];
    if (type === lunr.QueryLexer.TERM && lexeme) {
      var star = /^\*|\*$/g;
      var bare = lexeme.str.replace(star, "");
      lexeme.str = lexeme.str.replace(bare, foldWord(bare));
    }
  };
})();
