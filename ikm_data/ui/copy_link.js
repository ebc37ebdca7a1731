// "Salin tautan": copy this page's address with the view's query (``data.query``, built by
// ikm_data.links on the server) to the clipboard. navigator.clipboard exists only on a secure
// page (https, localhost); elsewhere (plain http on an office network) the link is shown
// selected in a field and copied with execCommand, or by the official with Ctrl+C.
// Texts are set with textContent: nothing here is parsed as HTML.
export default function ({ data, parentElement }) {
  let box = parentElement.querySelector(".ikm-link");
  if (!box) {
    box = document.createElement("div");
    box.className = "ikm-link";
    const button = document.createElement("button");
    button.type = "button";
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
  button.textContent = data.label;
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
