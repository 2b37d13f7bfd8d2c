// Highlights what a query typed without accents found. The search index gives every accented
// word an accent-free twin (recaps.mkdocs.speedups.search_folding), so "ecosysteme" finds
// "écosystème"; but Material marks only the words that match as typed, in the results and, with
// search.highlight, on the page a result opens (?h=). This marks the others: a word whose
// accent-free spelling starts with a query word, where the query word as typed does not match it.
(function () {
  "use strict";

  // Letters that are not a base letter plus a combining mark (as search_folding.fold has them).
  var LETTERS = { "œ": "oe", "æ": "ae", "ø": "o", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th" };
  var LETTER = new RegExp("[" + Object.keys(LETTERS).join("") + "]", "g");
  var WORD = /[\p{L}\p{N}]+/gu;
  var SKIPPED = "mark, script, style, code, pre, del, .md-search-result__terms";

  function fold(text) {
    return text.toLowerCase().replace(LETTER, function (c) { return LETTERS[c]; })
      .normalize("NFKD").replace(/\p{M}/gu, "");
  }

  function queryWords(query) {
    return (query.match(WORD) || []).map(function (word) {
      return { typed: word.toLowerCase(), folded: fold(word) };
    });
  }

  // Whether Material leaves ``word`` unmarked though it is found through its accent-free twin.
  function foundOnlyWithoutAccents(word, words) {
    var lower = word.toLowerCase();
    var plain = fold(word);
    return plain !== lower && words.some(function (q) {
      return plain.indexOf(q.folded) === 0 && lower.indexOf(q.typed) !== 0;
    });
  }

  function markWords(node, words) {
    var text = node.nodeValue;
    var parts = [];
    var last = 0;
    text.replace(WORD, function (word, offset) {
      if (foundOnlyWithoutAccents(word, words)) {
        parts.push(document.createTextNode(text.slice(last, offset)));
        var mark = document.createElement("mark");
        mark.setAttribute("data-md-highlight", "");
        mark.textContent = word;
        parts.push(mark);
        last = offset + word.length;
      }
      return word;
    });
    if (!parts.length) return;
    parts.push(document.createTextNode(text.slice(last)));
    node.replaceWith.apply(node, parts);
  }

  function highlight(root, words, visibleOnly) {
    if (!words.length) return;
    var found = [];
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var parent = node.parentElement;
      if (parent && !parent.closest(SKIPPED) && (!visibleOnly || parent.offsetHeight)) found.push(node);
    }
    found.forEach(function (text) { markWords(text, words); });
  }

  // The results, as Material renders them (again at each query, more as the list scrolls).
  var list = document.querySelector(".md-search-result__list");
  var input = document.querySelector(".md-search__input");
  if (list && input) {
    new MutationObserver(function (changes) {
      var words = queryWords(input.value);
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (added) {
          if (added.nodeType === Node.ELEMENT_NODE) highlight(added, words, false);
        });
      });
    }).observe(list, { childList: true });
  }

  // The page a result opened, as Material's search.highlight marks it.
  var terms = new URL(location.href).searchParams.get("h");
  var content = document.querySelector(".md-content__inner");
  if (terms && content) highlight(content, queryWords(terms), true);
})();
