// A trainee's phone in a live poll: join by code and nickname, then follow the poll.
// The page asks the server for the poll's state (a long poll: the answer comes when something
// changes), shows the pushed question, and sends the answer. Every text from the server or the
// bank is set as text, never as HTML. An answer waits in localStorage until the server has it.
"use strict";
(function () {
  const config = JSON.parse(document.getElementById("config").textContent);
  const S = config.strings;
  const API = config.api;
  const TOKEN = "courseware.live.token." + (config.code || "any");
  const LAST_TOKEN = "courseware.live.token";
  const PENDING = "courseware.live.pending";
  const app = document.getElementById("app");
  const view = document.getElementById("view");
  const who = document.getElementById("who");
  const notice = document.getElementById("notice");
  let token = null;
  let version = "";
  let shownQuestion = null;
  let sending = false;

  const store = {
    get(key) { try { return localStorage.getItem(key); } catch (e) { return null; } },
    set(key, value) { try { localStorage.setItem(key, value); } catch (e) { /* private mode */ } },
    drop(key) { try { localStorage.removeItem(key); } catch (e) { /* private mode */ } },
  };

  function el(tag, props, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children || []) node.append(child);
    return node;
  }

  function fill(text, fields) {
    return text.replace(/\{(\w+)\}/g, (_, name) => (name in fields ? String(fields[name]) : ""));
  }

  function say(text, kind) {
    notice.hidden = !text;
    notice.textContent = text || "";
    notice.className = "notice" + (kind ? " " + kind : "");
  }

  function show(status, nodes) {
    app.dataset.status = status;
    view.replaceChildren(...nodes);
  }

  async function call(path, body) {
    const options = body === undefined ? {} : {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    };
    const lang = (path.includes("?") ? "&" : "?") + "lang=" + encodeURIComponent(config.lang);
    const response = await fetch(API + path + lang, options);  // answers in this phone's language
    let data = {};
    try { data = await response.json(); } catch (e) { data = {}; }
    return { status: response.status, data };
  }

  // ---- joining ---------------------------------------------------------------------------
  function joinForm(message) {
    const code = el("input", { id: "code", name: "code", autocomplete: "off", autocapitalize: "characters",
                               maxlength: "12", value: config.code || "" });
    const nickname = el("input", { id: "nickname", name: "nickname", autocomplete: "nickname",
                                   maxlength: "40", value: config.nickname || "" });
    const button = el("button", { type: "submit", class: "primary", id: "join", text: S.join });
    const form = el("form", { id: "join-form", novalidate: "" }, [
      el("label", { for: "code", text: S.code }), code,
      el("label", { for: "nickname", text: S.nickname }), nickname, button,
    ]);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      button.disabled = true;
      say("");
      try {
        const { status, data } = await call("/join", { code: code.value, nickname: nickname.value });
        if (status === 200 && data.token) {
          token = data.token;
          store.set(TOKEN, token);
          store.set(LAST_TOKEN, token);
          config.code = data.code;
          greet(data.nickname);
          show("waiting", [el("p", { class: "big", text: S.wait })]);
          follow("");
          return;
        }
        say(data.message || S.offline, "error");
      } catch (e) {
        say(S.offline, "error");
      }
      button.disabled = false;
    });
    show("join", [form]);
    if (message) say(message, "error");
    (config.code ? nickname : code).focus();
  }

  function greet(nickname) {
    who.hidden = false;
    who.textContent = fill(S.hello, { nickname });
  }

  // ---- following the poll ------------------------------------------------------------------
  async function catchUp() {
    try {
      const { status, data } = await call("/state?" + new URLSearchParams({ token, since: "" }));
      if (status === 200) render(data);
    } catch (e) {
      // the long poll below keeps following, and catches up as soon as it can
    }
  }

  async function follow(since) {
    let pause = 500;
    for (;;) {
      try {
        const { status, data } = await call("/state?" + new URLSearchParams({ token, since }));
        if (status === 404) {
          store.drop(TOKEN);
          store.drop(LAST_TOKEN);
          token = null;
          joinForm(data.message);
          return;
        }
        if (status !== 200) throw new Error(String(status));
        pause = 500;
        if (notice.dataset.kind === "offline") { say(""); delete notice.dataset.kind; }
        if (data.nickname) greet(data.nickname);
        since = data.v;
        render(data);
      } catch (e) {
        say(S.reconnecting, "error");
        notice.dataset.kind = "offline";
        await new Promise((done) => setTimeout(done, pause));
        pause = Math.min(pause * 2, 5000);
      }
    }
  }

  function render(state) {
    version = state.v;
    const pending = readPending();
    if (pending && (!state.question || pending.question !== state.question.id)) clearPending();
    if (state.status !== "question") clearInterval(countdown);
    if (state.status === "question") {
      const showing = app.dataset.status === "question" || app.dataset.status === "closed";
      if (shownQuestion === state.question.id && showing) return;
      shownQuestion = state.question.id;
      show("question", questionForm(state.question));
      if (readPending()) sendPending();
    } else if (state.status === "answered") {
      clearPending();
      show("answered", [heading(state.question), el("p", { class: "big", text: S.sent })]);
    } else if (state.status === "revealed") {
      clearPending();
      show("revealed", revealed(state));
    } else if (state.status === "ended") {
      clearPending();
      show("ended", [el("p", { class: "big", text: S.ended }),
                     el("p", { text: fill(S.final, { points: points(state.points), rank: state.rank }) })]);
    } else {
      show("waiting", [el("p", { class: "big", text: S.wait })]);
    }
  }

  function heading(question) {
    return el("p", { class: "number", text: fill(S.question, { n: question.number }) });
  }

  function points(value) {
    return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0+$/, "");
  }

  function revealed(state) {
    const result = state.result;
    let line = [S.missed, "muted"];
    if (result.answered) {
      line = result.right ? [S.right, "right"] : result.score > 0 ? [S.partial, "partial"] : [S.wrong, "wrong"];
    }
    return [
      heading(state.question),
      el("p", { class: "result " + line[1], text: line[0] }),
      el("div", { class: "card" }, [
        el("p", { text: S.answer }), el("p", { class: "big", text: result.answer }),
        el("p", { class: "muted", text: result.explanation }),
      ]),
      el("p", { text: fill(S.standing, { points: points(state.points), rank: state.rank }) }),
    ];
  }

  // ---- answering ---------------------------------------------------------------------------
  let countdown = null;

  function questionForm(question) {
    const shownAt = performance.now();  // the speed bonus counts from here, on this phone
    const nodes = [heading(question), el("p", { class: "prompt", text: question.prompt })];
    const take = answerWidget(question, nodes);
    const button = el("button", { type: "button", class: "primary", id: "send", text: S.submit });
    button.addEventListener("click", () => {
      const answer = take();
      if (answer === null) { say(S.choose, "error"); return; }
      writePending({ question: question.id, answer, elapsed_ms: Math.round(performance.now() - shownAt) });
      sendPending();
    });
    if (question.closes_in !== null && question.closes_in !== undefined) {
      const clock = el("p", { class: "clock", id: "clock" });
      nodes.splice(1, 0, clock);
      const deadline = performance.now() + question.closes_in * 1000;
      clearInterval(countdown);
      const tick = () => {
        const left = Math.max(0, Math.ceil((deadline - performance.now()) / 1000));
        clock.textContent = left > 0 ? fill(S.seconds_left, { n: left }) : S.time_up;
        if (left === 0) {
          clearInterval(countdown);
          button.disabled = true;
          app.dataset.status = "closed";
        }
      };
      tick();
      countdown = setInterval(tick, 250);
    }
    nodes.push(button);
    return nodes;
  }

  function answerWidget(question, nodes) {
    if (question.options) {
      const many = question.type === "multiple";
      const chosen = new Set();
      const buttons = question.options.map((option, n) => el("button", {
        type: "button", class: "option c" + (n % 8), "aria-pressed": "false", "data-key": option.key,
      }, [el("span", { class: "letter", text: option.letter }), el("span", { text: option.text })]));
      buttons.forEach((button) => button.addEventListener("click", () => {
        const key = button.dataset.key;
        if (!many) chosen.clear();
        if (chosen.has(key)) chosen.delete(key); else chosen.add(key);
        buttons.forEach((b) => b.setAttribute("aria-pressed", String(chosen.has(b.dataset.key))));
        say("");
      }));
      const pending = readPending();  // after a reload: the answer still waiting to be stored
      if (pending && pending.question === question.id) {
        [].concat(pending.answer).forEach((key) => chosen.add(key));
        buttons.forEach((b) => b.setAttribute("aria-pressed", String(chosen.has(b.dataset.key))));
      }
      if (many) nodes.push(el("p", { class: "muted", text: S.choose_many }));
      nodes.push(el("div", { class: "options", role: "group" }, buttons));
      return () => (chosen.size === 0 ? null : many ? [...chosen] : [...chosen][0]);
    }
    if (question.steps) {
      const order = [...question.steps];
      const list = el("ol", { class: "steps" });
      const draw = () => list.replaceChildren(...order.map((step, n) => el("li", {}, [
        el("span", { class: "pos", text: String(n + 1) }), el("span", { class: "text", text: step }),
        el("button", { type: "button", "aria-label": S.up, text: "↑", onclick: () => move(n, -1) }),
        el("button", { type: "button", "aria-label": S.down, text: "↓", onclick: () => move(n, 1) }),
      ])));
      const move = (n, by) => {
        const to = n + by;
        if (to < 0 || to >= order.length) return;
        [order[n], order[to]] = [order[to], order[n]];
        draw();
      };
      draw();
      nodes.push(el("p", { class: "muted", text: S.order }), list);
      return () => [...order];
    }
    if (question.entries) {
      const selects = question.entries.map((entry, n) => {
        const select = el("select", { id: "pair-" + n, "data-entry": entry }, [
          el("option", { value: "", text: S.pick }),
          ...question.categories.map((category) => el("option", { value: category, text: category })),
        ]);
        nodes.push(el("div", { class: "pair" }, [el("label", { for: "pair-" + n, text: entry }), select]));
        return select;
      });
      return () => {
        const pairs = {};
        selects.forEach((s) => { if (s.value) pairs[s.dataset.entry] = s.value; });
        return Object.keys(pairs).length ? pairs : null;
      };
    }
    const input = el("input", { id: "number", inputmode: "decimal", autocomplete: "off" });
    nodes.push(el("label", { for: "number", text: question.unit ? fill(S.number_in, { unit: question.unit }) : S.number }), input);
    return () => (input.value.trim() ? input.value.trim() : null);
  }

  function readPending() {
    try { return JSON.parse(store.get(PENDING) || "null"); } catch (e) { return null; }
  }
  function writePending(pending) { store.set(PENDING, JSON.stringify(pending)); }
  function clearPending() { store.drop(PENDING); }

  async function sendPending() {
    if (sending) return;
    sending = true;
    const send = document.getElementById("send");
    if (send) send.disabled = true;
    let pause = 500;
    try {
      for (;;) {
        const pending = readPending();
        if (!pending) return;
        say(S.sending);
        let reply;
        try {
          reply = await call("/answer", { token, question: pending.question, answer: pending.answer,
                                          elapsed_ms: pending.elapsed_ms });
        } catch (e) {
          reply = { status: 0, data: {} };
        }
        const outcome = reply.data.outcome;
        if (reply.status === 200 && (outcome === "stored" || outcome === "duplicate")) {
          clearPending();
          say(outcome === "duplicate" ? reply.data.message : "");
          if (app.dataset.status === "question") {
            show("answered", [el("p", { class: "big", text: S.sent })]);
          }
          return;
        }
        if (reply.status >= 200 && reply.status < 500) {  // refused for good: say why
          clearPending();
          say(reply.data.message, "error");
          if (send) send.disabled = false;
          if (outcome === "superseded") catchUp();  // on to the question now on screen
          return;
        }
        say(S.retrying, "error");  // the server is busy or out of reach: the answer waits here
        await new Promise((done) => setTimeout(done, pause));
        pause = Math.min(pause * 2, 5000);
      }
    } finally {
      sending = false;
    }
  }

  // ---- start ---------------------------------------------------------------------------------
  token = store.get(TOKEN) || (config.code ? null : store.get(LAST_TOKEN));
  if (token) {
    show("waiting", [el("p", { class: "big", text: S.wait })]);
    follow("");
  } else {
    joinForm("");
  }
})();
