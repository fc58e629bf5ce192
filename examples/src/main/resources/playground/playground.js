// The keras4j Playground page. The server trains; this page sends the settings (as the URL hash, in the
// TensorFlow Playground's parameter names) and button presses, and draws the frames the server streams.
"use strict";

const FEATURES = [["x", "X\u2081", (x, y) => x], ["y", "X\u2082", (x, y) => y], ["xSquared", "X\u2081\u00b2", (x, y) => x * x],
  ["ySquared", "X\u2082\u00b2", (x, y) => y * y], ["xTimesY", "X\u2081X\u2082", (x, y) => x * y],
  ["sinX", "sin(X\u2081)", (x, y) => Math.sin(x)], ["sinY", "sin(X\u2082)", (x, y) => Math.sin(y)]];
const DENSITY = 100, NEURON_DENSITY = 20, DOMAIN = 6, NODE = 30;

// What tests and curious users can read: every {iteration, train, test} seen, and the last frame.
const playground = window.playground = {sessionId: null, history: [], frame: null, frames: 0, errors: []};
let settings = {};        // the current hash as a map, as the server last confirmed it
let events = null;
let dataVersion = -1;
let points = {train: [], test: []};

// The Playground's colour scale: -1 orange, 0 light grey, 1 blue, clamped.
function colour(v) {
  const lo = [0xf5, 0x93, 0x22], mid = [0xe8, 0xea, 0xeb], hi = [0x08, 0x77, 0xbd];
  v = Math.max(-1, Math.min(1, v));
  const [a, b, t] = v < 0 ? [mid, lo, -v] : [mid, hi, v];
  return [0, 1, 2].map(i => Math.round(a[i] + (b[i] - a[i]) * t));
}
const css = v => `rgb(${colour(v).join(",")})`;

function parseHash(hash) {
  const map = {};
  hash.replace(/^#/, "").split("&").filter(p => p !== "").forEach(p => {
    const [k, v] = p.split("=");
    map[k] = v === undefined ? "" : v;
  });
  return map;
}
const toHash = map => Object.entries(map).map(([k, v]) => `${k}=${v}`).join("&");

function message(text, kind) {
  const m = document.getElementById("message");
  m.textContent = text || "";
  m.className = text ? kind : "";
  if (text && kind === "error") playground.errors.push(text);
}

async function post(path, body) {
  const r = await fetch(path, {method: "POST", body: body || ""});
  let reply = {};
  try { reply = await r.json(); } catch (e) { reply = {error: `The server answered ${r.status} without a message.`}; }
  return {ok: r.ok, status: r.status, reply};
}

async function start() {
  const asked = location.hash.slice(1);
  let r = await post("/api/sessions", asked);
  if (!r.ok && r.status === 400) {
    message(`This link's settings cannot be used: ${r.reply.error} Showing the Playground's defaults instead.`, "error");
    r = await post("/api/sessions", "");
  }
  if (!r.ok) {
    message(r.reply.error || `The server answered ${r.status}.`, "error");
    return;
  }
  playground.sessionId = r.reply.id;
  adopt(r.reply.hash);
  events = new EventSource(`/api/sessions/${playground.sessionId}/events`);
  events.onmessage = e => receive(JSON.parse(e.data));
  events.onerror = () => { if (events.readyState === EventSource.CLOSED) message("The connection to the server was lost: reload the page.", "error"); };
  window.addEventListener("pagehide", () => navigator.sendBeacon(`/api/sessions/${playground.sessionId}/close`));
}

// The server's normalised hash becomes the URL and the controls.
function adopt(hash) {
  settings = parseHash(hash);
  history.replaceState(null, "", "#" + hash);
  showControls();
}

async function command(action) {
  const r = await post(`/api/sessions/${playground.sessionId}/${action}`);
  if (!r.ok) message(r.reply.error, "error"); else if (r.reply.hash) adopt(r.reply.hash);
}

// A control changed: send the whole new hash; a refusal puts the controls back.
async function change(updates) {
  const next = Object.assign({}, settings, updates);
  const r = await post(`/api/sessions/${playground.sessionId}/state`, toHash(next));
  if (r.ok) {
    message("", "");
    adopt(r.reply.hash);
  } else {
    message(r.reply.error, "error");
    showControls();
  }
}

function showControls() {
  const s = settings;
  for (const [id, key] of [["learningRate", "learningRate"], ["activations", "activation"], ["regularizations", "regularization"],
    ["regularRate", "regularizationRate"], ["problem", "problem"], ["percTrainData", "percTrainData"], ["noise", "noise"], ["batchSize", "batchSize"]]) {
    const el = document.getElementById(id);
    if (el.tagName === "SELECT" && ![...el.options].some(o => o.value === s[key])) el.add(new Option(s[key], s[key]));
    el.value = s[key];
  }
  for (const id of ["percTrainData", "noise", "batchSize"]) document.getElementById(id + "-value").textContent = s[id];
  document.getElementById("show-test-data").checked = s.showTestData === "true";
  document.getElementById("discretize").checked = s.discretize === "true";
  const regression = s.problem === "regression";
  document.querySelectorAll("canvas[data-dataset]").forEach(c => {
    c.classList.toggle("hidden", regression);
    c.classList.toggle("selected", c.dataset.dataset === s.dataset);
  });
  document.querySelectorAll("canvas[data-regdataset]").forEach(c => {
    c.classList.toggle("hidden", !regression);
    c.classList.toggle("selected", c.dataset.regdataset === s.regDataset);
  });
  const layers = shape().length;
  document.getElementById("num-layers").textContent = layers;
  document.getElementById("layers-label").textContent = layers === 1 ? "hidden layer" : "hidden layers";
}

const shape = () => (settings.networkShape || "").split(",").filter(v => v !== "").map(Number);

function wire() {
  document.getElementById("play-pause-button").onclick = () =>
    command(document.getElementById("play-pause-button").classList.contains("playing") ? "pause" : "play");
  document.getElementById("reset-button").onclick = () => command("reset");
  document.getElementById("next-step-button").onclick = () => command("step");
  document.getElementById("data-regen-button").onclick = () => command("regenerate");
  const selects = {learningRate: "learningRate", activations: "activation", regularizations: "regularization",
    regularRate: "regularizationRate", problem: "problem"};
  for (const [id, key] of Object.entries(selects)) document.getElementById(id).onchange = e => change({[key]: e.target.value});
  for (const id of ["percTrainData", "noise", "batchSize"]) {
    const el = document.getElementById(id);
    el.oninput = () => { document.getElementById(id + "-value").textContent = el.value; };
    el.onchange = () => change({[id]: el.value});
  }
  document.getElementById("show-test-data").onchange = e => { change({showTestData: String(e.target.checked)}); };
  document.getElementById("discretize").onchange = e => { change({discretize: String(e.target.checked)}); };
  document.querySelectorAll("canvas[data-dataset]").forEach(c => c.onclick = () => change({dataset: c.dataset.dataset}));
  document.querySelectorAll("canvas[data-regdataset]").forEach(c => c.onclick = () => change({regDataset: c.dataset.regdataset}));
  document.getElementById("add-layers").onclick = () => {
    const s = shape();
    if (s.length < 6) change({networkShape: s.concat([2]).join(",")});
  };
  document.getElementById("remove-layers").onclick = () => {
    const s = shape();
    if (s.length > 0) change({networkShape: s.slice(0, -1).join(",")});
  };
  window.addEventListener("hashchange", () => {
    if (location.hash.slice(1) !== toHash(settings)) change(parseHash(location.hash));
  });
  drawThumbnails();
  drawColormap();
}

function drawColormap() {
  const c = document.getElementById("colormap").getContext("2d");
  for (let i = 0; i < 144; i++) { c.fillStyle = css(i / 71.5 - 1); c.fillRect(i, 0, 1, 10); }
}

// Small pictures of each dataset's shape (not its points: those come from the server).
function drawThumbnails() {
  const shapes = {circle: (x, y) => Math.hypot(x, y) < 2.5 ? 1 : -1, xor: (x, y) => x * y >= 0 ? 1 : -1,
    gauss: (x, y) => Math.hypot(x - 2, y - 2) < 2 ? 1 : Math.hypot(x + 2, y + 2) < 2 ? -1 : 0,
    spiral: (x, y) => Math.sin(Math.hypot(x, y) * 1.2 - Math.atan2(x, y)) > 0 ? 1 : -1,
    "reg-plane": (x, y) => (x + y) / 10, "reg-gauss": (x, y) => Math.sin(x * 0.8) * Math.cos(y * 0.6)};
  document.querySelectorAll(".datasets canvas").forEach(c => {
    const f = shapes[c.dataset.dataset || c.dataset.regdataset], g = c.getContext("2d");
    for (let i = 0; i < 30; i++) for (let j = 0; j < 30; j++) {
      g.fillStyle = css(f(-6 + 12 * i / 29, 6 - 12 * j / 29)); g.fillRect(i * 2, j * 2, 2, 2);
    }
  });
}

function decode(base64) {
  const s = atob(base64), v = new Float32Array(s.length);
  for (let i = 0; i < s.length; i++) v[i] = s.charCodeAt(i) / 127.5 - 1;
  return v;
}

function paint(canvas, values, size, discretize) {
  const g = canvas.getContext("2d"), img = g.createImageData(size, size);
  for (let i = 0; i < values.length; i++) {
    const v = discretize ? (values[i] >= 0 ? 1 : -1) : values[i];
    const [r, gr, b] = colour(v);
    img.data.set([r, gr, b, 160], i * 4);
  }
  g.putImageData(img, 0, 0);
}

async function loadData() {
  const r = await fetch(`/api/sessions/${playground.sessionId}/data`);
  const d = await r.json();
  points = {train: d.train, test: d.test};
  dataVersion = d.dataVersion;
  drawPoints();
}

function drawPoints() {
  const c = document.getElementById("heatmap-points"), g = c.getContext("2d");
  g.clearRect(0, 0, 300, 300);
  const scale = v => (v + DOMAIN) / (2 * DOMAIN) * 300;
  const dot = (p, stroke) => {
    g.beginPath(); g.arc(scale(p[0]), 300 - scale(p[1]), 3, 0, 2 * Math.PI);
    g.fillStyle = css(p[2]); g.fill(); g.strokeStyle = stroke; g.lineWidth = 1; g.stroke();
  };
  points.train.forEach(p => dot(p, "#fff"));
  if (settings.showTestData === "true") points.test.forEach(p => dot(p, "#000"));
}

// The Playground's line chart: training loss grey, test loss black.
function drawChart() {
  const c = document.getElementById("linechart"), g = c.getContext("2d"), h = playground.history;
  g.clearRect(0, 0, c.width, c.height);
  if (h.length < 2) return;
  const max = Math.max(...h.map(p => Math.max(p[1], p[2])).filter(Number.isFinite), 1e-9);
  for (const [k, stroke] of [[1, "#777"], [2, "#000"]]) {
    g.beginPath();
    h.forEach((p, i) => {
      const x = i / (h.length - 1) * c.width, y = c.height - (Number.isFinite(p[k]) ? p[k] : max) / max * (c.height - 2);
      i === 0 ? g.moveTo(x, y) : g.lineTo(x, y);
    });
    g.strokeStyle = stroke; g.stroke();
  }
}

// Every frame's losses are kept; only the latest frame is drawn, once the page is free, so a slow machine
// skips pictures instead of queueing them (and its buttons stay responsive).
let latest = null;
function receive(f) {
  playground.frame = f;
  playground.frames++;
  if (f.losses.length && f.losses[0][0] === 0) playground.history = [];
  playground.history.push(...f.losses);
  if (playground.history.length > 2000) playground.history.splice(0, playground.history.length - 2000);
  if (latest === null) setTimeout(() => { const g = latest; latest = null; draw(g); }, 0);
  latest = f;
}

function draw(f) {
  const iter = String(f.iteration).padStart(6, "0");
  document.getElementById("iter-number").textContent = iter.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  document.getElementById("loss-train").textContent = Number(f.lossTrain).toFixed(3);
  document.getElementById("loss-test").textContent = Number(f.lossTest).toFixed(3);
  document.getElementById("play-pause-button").classList.toggle("playing", f.playing);
  if (f.status) message(f.status, "info");
  else if (document.getElementById("message").className === "info") message("", "");
  if (f.hash !== toHash(settings)) adopt(f.hash);
  paint(document.getElementById("heatmap-background"), decode(f.heatmap), DENSITY, settings.discretize === "true");
  drawNetwork(f);
  drawChart();
  if (f.dataVersion !== dataVersion) loadData(); else drawPoints();
}

// The network: features, hidden layers and the output as columns of small heatmaps, the weights as curves
// whose width and colour show their value (width 1 to 10 for |w| from 0 to 5, as there).
let structure = "";
function drawNetwork(f) {
  const key = JSON.stringify([settings.x, settings.y, settings.xSquared, settings.ySquared, settings.xTimesY, settings.sinX,
    settings.sinY, f.neurons.map(l => l.length), document.getElementById("network").clientWidth]);
  if (key !== structure) {
    buildNetwork(f);
    structure = key;
  }
  const links = document.querySelectorAll("#svg path.link");
  let k = 0;
  f.kernels.forEach(kernel => kernel.forEach(row => row.forEach(w => {
    const p = links[k++];
    p.setAttribute("stroke", css(w));
    p.setAttribute("stroke-width", Math.min(10, 1 + Math.abs(w) * 9 / 5));
    p.setAttribute("data-weight", w);
  })));
  f.neurons.forEach((layer, l) => layer.forEach((map, i) => {
    const c = document.getElementById(`canvas-${l + 1}-${i}`);
    paint(c, decode(map), NEURON_DENSITY, false);
    c.title = `bias ${f.biases[l][i].toFixed(3)}`;
  }));
}

function buildNetwork(f) {
  const net = document.getElementById("network"), svg = document.getElementById("svg");
  const active = FEATURES.filter(([k]) => settings[k] === "true");
  const columns = [FEATURES.length].concat(f.neurons.map(l => l.length));
  const width = Math.max(net.clientWidth, 420), height = Math.max(...columns) * (NODE + 20) + 60;
  const colX = i => 60 + i * (width - 120) / (columns.length - 1);
  const rowY = (col, i) => 40 + i * (NODE + 20);
  svg.setAttribute("width", width); svg.setAttribute("height", height);
  net.style.height = height + "px";
  const ns = "http://www.w3.org/2000/svg";
  svg.innerHTML = "";
  net.querySelectorAll("canvas, .neuron-buttons").forEach(e => e.remove());
  const centre = (col, i) => [colX(col) + NODE / 2, rowY(col, i) + NODE / 2];
  // links
  f.kernels.forEach((kernel, layer) => {
    const sources = layer === 0 ? active.map(a => FEATURES.indexOf(a)) : kernel.map((_, i) => i);
    kernel.forEach((row, s) => row.forEach((w, d) => {
      const [x1, y1] = centre(layer, sources[s]), [x2, y2] = centre(layer + 1, d);
      const p = document.createElementNS(ns, "path");
      const mx = (x1 + x2) / 2;
      p.setAttribute("d", `M${x1 + NODE / 2},${y1} C${mx},${y1} ${mx},${y2} ${x2 - NODE / 2},${y2}`);
      p.setAttribute("stroke", css(w)); p.setAttribute("fill", "none");
      p.setAttribute("stroke-width", Math.min(10, 1 + Math.abs(w) * 9 / 5));
      p.setAttribute("class", "link"); p.setAttribute("data-weight", w);
      svg.appendChild(p);
    }));
  });
  // features: clickable, heatmaps of the feature itself
  FEATURES.forEach(([key, label, fn], i) => {
    const c = nodeCanvas(net, colX(0), rowY(0, i), `canvas-${key}`);
    c.classList.add("feature");
    if (settings[key] !== "true") c.classList.add("inactive");
    const v = new Float32Array(NEURON_DENSITY * NEURON_DENSITY);
    for (let r = 0; r < NEURON_DENSITY; r++) for (let q = 0; q < NEURON_DENSITY; q++) {
      const x = -DOMAIN + 2 * DOMAIN * (q + 0.5) / NEURON_DENSITY, y = DOMAIN - 2 * DOMAIN * (r + 0.5) / NEURON_DENSITY;
      v[r * NEURON_DENSITY + q] = fn(x, y) / (key.includes("Squared") || key === "xTimesY" ? 18 : key.startsWith("sin") ? 1 : 6);
    }
    paint(c, v, NEURON_DENSITY, false);
    c.onclick = () => change({[key]: String(settings[key] !== "true")});
    const t = document.createElementNS(ns, "text");
    t.setAttribute("x", colX(0) - 6); t.setAttribute("y", rowY(0, i) + NODE / 2 + 4); t.setAttribute("text-anchor", "end");
    t.textContent = label; svg.appendChild(t);
  });
  // neurons
  f.neurons.forEach((layer, l) => layer.forEach((map, i) => {
    const c = nodeCanvas(net, colX(l + 1), rowY(l + 1, i), `canvas-${l + 1}-${i}`);
    paint(c, decode(map), NEURON_DENSITY, false);
    c.title = `bias ${f.biases[l][i].toFixed(3)}`;
  }));
  // +/- neurons per hidden layer
  shape().forEach((n, l) => {
    const box = document.createElement("div");
    box.className = "neuron-buttons";
    Object.assign(box.style, {position: "absolute", left: colX(l + 1) - 10 + "px", top: "4px"});
    for (const [text, delta] of [["+", 1], ["\u2212", -1]]) {
      const b = document.createElement("button");
      b.className = "neuron-button"; b.textContent = text;
      b.onclick = () => {
        const s = shape(); s[l] = Math.max(1, Math.min(8, s[l] + delta)); change({networkShape: s.join(",")});
      };
      box.appendChild(b);
    }
    net.appendChild(box);
  });
}

function nodeCanvas(parent, x, y, id) {
  const c = document.createElement("canvas");
  c.width = NEURON_DENSITY; c.height = NEURON_DENSITY; c.id = id;
  Object.assign(c.style, {position: "absolute", left: x + "px", top: y + "px", width: NODE + "px", height: NODE + "px",
    border: "1px solid #aaa", background: "#fff"});
  parent.appendChild(c);
  return c;
}

wire();
start().catch(e => message("The page could not start: " + e.message, "error"));
