// The projector's view of a live poll: asks the server twice a second and draws the poll in
// large type. Every text is set as text, never as HTML. No controls: those stay on /live.
"use strict";
(function () {
  const config = JSON.parse(document.getElementById("config").textContent);
  const S = config.strings;
  const screen = document.getElementById("screen");
  const view = document.getElementById("view");
  const number = document.getElementById("number");
  const count = document.getElementById("count");
  const corner = document.getElementById("corner");
  let drawn = "";

  function el(tag, props, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else node.setAttribute(key, value);
    }
    for (const child of children || []) node.append(child);
    return node;
  }
  const fill = (text, fields) => text.replace(/\{(\w+)\}/g, (_, k) => (k in fields ? String(fields[k]) : ""));
  const points = (v) => (Number.isInteger(v) ? String(v) : v.toFixed(2).replace(/0+$/, ""));

  function lobby(state) {
    return [el("div", { class: "lobby" }, [
      el("img", { src: config.qr, alt: config.join }),
      el("div", {}, [
        el("p", { class: "muted", text: S.join_at }), el("p", { class: "link", text: config.join }),
        el("p", { class: "muted", text: S.code }), el("p", { class: "code", text: config.code }),
        el("p", { class: "players", text: fill(S.players, { n: state.players }) }),
      ]),
    ])];
  }

  function options(question, revealed) {
    return el("div", { class: "options" + (revealed ? " revealed" : "") }, question.options.map((o, n) =>
      el("div", { class: "option c" + (n % 8) + (o.right ? " right" : ""), "data-letter": o.letter }, [
        el("span", { class: "letter", text: o.letter }),
        el("span", { class: "text", text: o.text }),
        el("span", { class: "tally", text: fill(S.tally, { count: o.count, share: o.share.toFixed(0) }) }),
        (() => { const bar = el("span", { class: "fill" }); bar.style.width = o.share + "%"; return bar; })(),
      ])));
  }

  function summary(question) {
    const s = question.summary;
    const rows = [el("p", { text: fill(S.right_share, { share: s.right_share.toFixed(0) }) }),
                  el("p", { text: fill(S.mean_score, { score: s.mean_score }) })];
    for (const n of s.numbers || []) rows.push(el("p", { class: "muted", text: fill(S.number_row, n) }));
    if (question.answer) rows.push(el("p", { class: "answer", text: fill(S.answer, { answer: question.answer }) }));
    return el("div", { class: "summary" }, rows);
  }

  function podium(rows) {
    return el("ol", { class: "podium" }, rows.map((row, n) => el("li", {}, [
      el("span", { class: "place", text: String(n + 1) }), el("span", { class: "name", text: row.nickname }),
      el("span", { class: "points", text: points(row.points) }),
    ])));
  }

  function draw(state) {
    screen.dataset.status = state.status;
    const q = state.question;
    number.textContent = q ? fill(S.question, { n: q.number }) : "";
    const clock = q && q.closes_in !== null && q.closes_in !== undefined
      ? "　" + (q.closes_in > 0 ? fill(S.seconds_left, { n: Math.ceil(q.closes_in) }) : S.time_up) : "";
    count.textContent = q ? fill(S.answered, { answered: state.answered, players: state.players }) + clock : "";
    corner.replaceChildren(...(state.status === "lobby" ? [] :
      [document.createTextNode(S.code_short + " "), el("b", { text: config.code })]));
    if (state.status === "lobby") { view.replaceChildren(...lobby(state)); return; }
    if (state.status === "ended") {
      view.replaceChildren(el("div", { class: "ended" }, [el("h2", { text: S.ended }), podium(state.podium)]));
      return;
    }
    const stage = el("div", { class: "stage" }, [el("p", { class: "prompt", text: q.prompt }),
      q.options ? options(q, state.status === "revealed") : summary(q)]);
    if (state.status === "revealed") {
      view.replaceChildren(el("div", { class: "columns" }, [
        stage, el("div", {}, [el("h2", { text: S.podium }), podium(state.podium)]),
      ]));
    } else {
      view.replaceChildren(stage);
    }
  }

  async function tick() {
    try {
      const response = await fetch(config.api + "/screen?" + new URLSearchParams({ code: config.code, lang: config.lang }));
      const state = await response.json();
      if (response.ok) {
        const key = JSON.stringify(state);
        if (key !== drawn) { drawn = key; draw(state); }
      } else {
        screen.dataset.status = "error";
        view.replaceChildren(el("h2", { text: state.message || S.offline }));
        drawn = "";
      }
    } catch (e) {
      screen.dataset.status = "offline";
    }
    setTimeout(tick, 500);
  }
  tick();
})();
