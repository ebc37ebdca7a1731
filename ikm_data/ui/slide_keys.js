export default function ({ data, setStateValue }) {
  const s = (window.__ikmSlides ||= { target: 0, sent: null, deck: null, seq: Date.now() });
  if (s.deck !== data.deck || s.sent === null || s.sent === data.slide) {
    s.deck = data.deck; s.target = data.slide; s.sent = null;
  }
  s.total = data.total;
  s.send = setStateValue;
  if (s.listening) return;
  s.listening = true;
  document.addEventListener("keydown", (e) => {
    const step = { ArrowRight: 1, PageDown: 1, ArrowLeft: -1, PageUp: -1 }[e.key];
    if (!step || e.repeat || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (!document.querySelector(".st-key-present_counter")) return;
    const el = e.target;
    if (el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName))) return;
    e.preventDefault();
    e.stopPropagation();
    const next = Math.min(Math.max(0, s.target + step), s.total - 1);
    if (next === s.target) return;
    s.target = next; s.sent = next; s.seq += 1;
    s.send("target", { slide: next, seq: s.seq });
  }, true);
}
