// "Salin tautan": copy this page's address with the view's query (``data.query``, built by
// ikm_data.links on the server) to the clipboard. navigator.clipboard exists only on a secure
// page (https, localhost); elsewhere (plain http on an office network) the link is shown
// selected in a field and copied with execCommand, or by the official with Ctrl+C.
// Texts are set with textContent: nothing here is parsed as HTML.
// Material Symbols "link" (Apache 2.0), the icon Streamlit's own buttons would use.
const LINK_ICON = "M3.9 12c0-1.71 1.39-3.1 3.1-3.1h4V7H7c-2.76 0-5 2.24-5 5s2.24 5 5 5h4v-1.9H7c-1.71 0-3.1-1.39-3.1-3.1z"
  + "M8 13h8v-2H8v2zm9-6h-4v1.9h4c1.71 0 3.1 1.39 3.1 3.1s-1.39 3.1-3.1 3.1h-4V17h4c2.76 0 5-2.24 5-5s-2.24-5-5-5z";

export default function ({ data, parentElement }) {
  let box = parentElement.querySelector(".ikm-link");
  if (!box) {
    box = document.createElement("div");
    box.className = "ikm-link";
    const button = document.createElement("button");
    button.type = "button";
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", LINK_ICON);
    svg.appendChild(path);
    const label = document.createElement("span");
    button.append(svg, label);
    const status = document.createElement("div");
    status.className = "ikm-link-status";
    status.setAttribute("role", "status");
    const field = document.createElement("input");
    field.type = "text";
    field.readOnly = true;
    field.hidden = true;
    box.append(button, status, field);
    parentElement.appendChild(box);
  }
  const [button, status, field] = box.children;
  if (box.dataset.query !== data.query) {  // another view: what was said about the last link is gone
    box.dataset.query = data.query;
    status.textContent = "";
    field.hidden = true;
    delete box.dataset.copied;
  }
  button.lastChild.textContent = data.label;
  button.title = data.help;
  field.setAttribute("aria-label", data.label);
  button.onclick = async () => {
    const url = window.location.origin + window.location.pathname + (data.query ? "?" + data.query : "");
    field.value = url;
    let copied = false;
    if (navigator.clipboard && window.isSecureContext) {
      try {
        await navigator.clipboard.writeText(url);
        copied = true;
      } catch (e) {
        copied = false;
      }
    }
    if (!copied) {
      field.hidden = false;
      field.focus();
      field.select();
      try {
        copied = document.execCommand("copy");
      } catch (e) {
        copied = false;
      }
    }
    field.hidden = copied;
    status.textContent = copied ? data.copied : data.manual;
    box.dataset.copied = copied ? "yes" : "no";
    box.dataset.url = url;
  };
}
