/*
 * Self-checks (issue 9, item 5): turns each `.bb-quiz` the core wrote (a readable list with
 * each answer's verdict and feedback behind <details>) into a form: one fieldset per question
 * with its legend, radio buttons (one right answer) or checkboxes (several), a "Sjekk svarene"
 * button, the score in a live region, and each answer's feedback after checking.
 * On each check it dispatches `bb:quiz` {id: page url + "#" + quiz id, score, max, passed};
 * passed = every question answered exactly right (the pass mark; retries are free).
 * Strings: site_build/i18n.py QUIZ_TEXTS (tests/markdown/test_quiz.py holds them equal).
 * Nothing is stored and nothing is sent: progress is bb-progress.js's, on the event.
 */
(function () {
  "use strict";

  var T = {
    right: ["Riktig.", "Rett."],
    wrong: ["Ikke riktig.", "Ikkje rett."],
    check: ["Sjekk svarene", "Sjekk svara"],
    score: ["{score} av {max} riktige", "{score} av {max} rette"],
    passed: ["Alle svarene er riktige.", "Alle svara er rette."],
    failed: ["Les tilbakemeldingene, endre svarene og sjekk igjen.", "Les tilbakemeldingane, endre svara og sjekk igjen."],
    chosen: ["Du valgte dette.", "Du valde dette."],
    unanswered: ["Du har ikke svart på dette spørsmålet.", "Du har ikkje svart på dette spørsmålet."],
    question_right: ["Spørsmålet er riktig besvart.", "Spørsmålet er rett svart på."],
    question_wrong: ["Spørsmålet er ikke riktig besvart.", "Spørsmålet er ikkje rett svart på."]
  };

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }

  function copyChildren(from, to, skip) {
    for (var c = from.firstChild; c; c = c.nextSibling) {
      if (!skip || !(c.nodeType === 1 && c.matches(skip))) to.appendChild(c.cloneNode(true));
    }
  }

  function pageUrl() {
    var data = document.getElementById("bb-course-data");
    try {
      var page = data && JSON.parse(data.textContent).page;
      if (typeof page === "string") return page;
    } catch (e) { /* fall back to the address */ }
    var base = ".";
    var config = document.getElementById("__config");
    try { base = (config && JSON.parse(config.textContent).base) || "."; } catch (e) { /* "." */ }
    var root = new URL(base.replace(/\/?$/, "/"), location.href).pathname;
    var path = location.pathname.replace(/index\.html$/, "");
    return path.indexOf(root) === 0 ? path.slice(root.length) : path.replace(/^\//, "");
  }

  function buildQuestion(q, qi, quizId, t) {
    var multiple = q.classList.contains("bb-quiz-multiple");
    var base = quizId + "-" + (qi + 1);
    var fieldset = el("fieldset", "bb-quiz-fieldset");
    var legend = el("legend", "bb-quiz-legend", (qi + 1) + ". ");
    copyChildren(q.querySelector(".bb-quiz-prompt"), legend);
    fieldset.appendChild(legend);
    var hint = el("p", "bb-quiz-hint", q.querySelector(".bb-quiz-hint").textContent);
    hint.id = base + "-hint";
    fieldset.setAttribute("aria-describedby", hint.id);
    fieldset.appendChild(hint);
    var answers = [];
    var list = el("ul", "bb-quiz-options");
    q.querySelectorAll(".bb-quiz-answer").forEach(function (a, ai) {
      var id = base + "-" + (ai + 1);
      var item = el("li", "bb-quiz-option");
      var input = el("input");
      input.type = multiple ? "checkbox" : "radio";
      input.name = base;
      input.id = id;
      input.value = String(ai + 1);
      var label = el("label");
      label.htmlFor = id;
      copyChildren(a.querySelector(".bb-quiz-text"), label);
      var feedback = el("div", "bb-quiz-answer-feedback");
      feedback.id = id + "-feedback";
      feedback.hidden = true;
      var correct = a.classList.contains("bb-quiz-right");
      var verdict = el("p", "bb-quiz-verdict");
      verdict.appendChild(el("strong", "", t(correct ? "right" : "wrong")));
      var chosen = el("span", "bb-quiz-chosen", " " + t("chosen"));
      verdict.appendChild(chosen);
      feedback.appendChild(verdict);
      copyChildren(a.querySelector(".bb-quiz-feedback"), feedback, "summary, .bb-quiz-verdict");
      item.appendChild(input);
      item.appendChild(label);
      item.appendChild(feedback);
      list.appendChild(item);
      answers.push({input: input, correct: correct, feedback: feedback, chosen: chosen, item: item});
    });
    fieldset.appendChild(list);
    var result = el("p", "bb-quiz-result");
    result.hidden = true;
    fieldset.appendChild(result);
    fieldset.addEventListener("change", function () { show(answers, result, false); });
    return {fieldset: fieldset, answers: answers, result: result};
  }

  function show(answers, result, on) {
    answers.forEach(function (a) {
      a.feedback.hidden = !on;
      if (on) a.input.setAttribute("aria-describedby", a.feedback.id);
      else a.input.removeAttribute("aria-describedby");
    });
    result.hidden = !on;
  }

  function check(questions, t) {
    var score = 0;
    questions.forEach(function (q) {
      var right = true;
      var answered = false;
      q.answers.forEach(function (a) {
        var on = a.input.checked;
        answered = answered || on;
        right = right && on === a.correct;
        a.chosen.hidden = !on;
        a.item.classList.toggle("bb-quiz-picked", on);
      });
      if (right) score += 1;
      q.result.textContent = t(!answered ? "unanswered" : right ? "question_right" : "question_wrong");
      q.result.className = "bb-quiz-result " + (right ? "bb-quiz-result-right" : "bb-quiz-result-wrong");
      show(q.answers, q.result, true);
    });
    return score;
  }

  function build(quiz) {
    var scope = quiz.closest("[lang]");
    var nn = (scope ? scope.getAttribute("lang") : "") === "nn";
    var t = function (key) { return T[key][nn ? 1 : 0]; };
    var list = quiz.querySelector(".bb-quiz-questions");
    if (!list || quiz.querySelector(".bb-quiz-form")) return;
    var form = el("form", "bb-quiz-form");
    form.noValidate = true;
    var questions = [];
    list.querySelectorAll(":scope > .bb-quiz-question").forEach(function (q, qi) {
      var built = buildQuestion(q, qi, quiz.id, t);
      questions.push(built);
      form.appendChild(built.fieldset);
    });
    var button = el("button", "md-button md-button--primary bb-quiz-check", t("check"));
    button.type = "submit";
    form.appendChild(button);
    var status = el("p", "bb-quiz-status");
    status.setAttribute("role", "status");
    form.appendChild(status);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var score = check(questions, t);
      var max = questions.length;
      var passed = score === max;
      status.textContent = t("score").replace("{score}", score).replace("{max}", max) + ". " +
        t(passed ? "passed" : "failed");
      status.className = "bb-quiz-status " + (passed ? "bb-quiz-passed" : "bb-quiz-failed");
      document.dispatchEvent(new CustomEvent("bb:quiz", {detail: {
        id: pageUrl() + "#" + quiz.id, score: score, max: max, passed: passed}}));
    });
    list.hidden = true;
    list.parentNode.insertBefore(form, list);
  }

  document.querySelectorAll(".bb-quiz").forEach(build);
})();
