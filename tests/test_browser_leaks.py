"""As a visitor, on a store whose rows carry real-looking 16-digit NIKs and full phone
numbers and whose upload has a hostile file name: no page's HTML or websocket payload, no
download, no deck and no line of the server log holds a whole NIK or phone number; the
hostile names show as written and nothing links to evil.example or runs an onerror; the
server refuses an upload over its limit and one without the XSRF token. One server for the
module."""

import http.client
import io
import re
import shutil
import urllib.parse
import zipfile

import pytest

from ikm_data import deck
from ikm_data.markup import JOINER
from ikm_data.queries import Dataset, Filters
from ikm_data.store import Store
from tests import apptest, states
from tests.browser import screenshot, settle, streamlit_server
from tests.test_browser_states import PAGES

pytestmark = pytest.mark.browser

HOSTILE_FILE = "[Login ulang di sini](https://evil.example/login) x.csv"
HOSTILE_NAMES = ["[Klik di sini](https://evil.example/a) UD", '<img src=x onerror="alert(1)"> IKM',
                 "**Tebal** www.evil.example"]
HOSTILE_PRODUCT = "[Hadiah](https://evil.example/p)"


def _leaky_store(folder) -> Store:
    """The sample (its rows have NIKs and phones too) and a phase 4 of 40 enterprises from a
    file with owners, 16-digit NIKs and 12-digit phones, hostile names among them."""
    store = Store.open(folder, seed_sample=True)
    body = states.rows(4141, 40, states.TYPICAL)
    name, product, phone = (states.TYPICAL.index(c) for c in ("Nama IKM", "Jenis Produk", "No. HP"))
    for row, hostile in zip(body, HOSTILE_NAMES):
        row[name] = hostile
    body[3][product] = HOSTILE_PRODUCT
    body[4][phone] = "+62 812-3456-7890"  # as people write them
    states.upload(store, 4, HOSTILE_FILE, states.csv_bytes(states.TYPICAL, body))
    return store


def _secrets(store: Store) -> set[str]:
    """Every stored NIK and phone number, as stored and as bare digits."""
    ds = Dataset.open(store)
    frame = ds.sql("SELECT nik, phone FROM participants")
    values = {v for v in [*frame["nik"], *frame["phone"]] if isinstance(v, str) and v}
    return values | {re.sub(r"\D", "", v) for v in values}


@pytest.fixture(scope="module")
def leaky(tmp_path_factory):
    """(store, its secrets, base URL, server log path): one server for the module."""
    folder = tmp_path_factory.mktemp("leaks") / "store"
    store = _leaky_store(folder)
    secrets = _secrets(store)
    assert len(secrets) > 900 and any(len(s) == 16 for s in secrets)
    with streamlit_server(folder) as (url, _):
        port = urllib.parse.urlsplit(url).port
        yield store, secrets, url, folder.parent / f"streamlit-{port}.log"


def _found(secrets: set[str], text: str) -> list[str]:
    return sorted(s for s in secrets if len(s) >= 10 and s in text)


def _visit(page, url: str, path: str) -> str:
    """The page's HTML once settled, after checking that no hostile name became a link,
    an image with onerror or bold text."""
    page.goto(f"{url}/{path}")
    settle(page)
    assert page.locator("[data-testid='stException']").count() == 0, path
    assert page.locator("a[href*='evil.example']").count() == 0, path
    assert page.locator("img[onerror], [onerror]").count() == 0, path
    assert page.locator("[data-testid='stMarkdownContainer'] strong:has-text('Tebal')").count() == 0, path
    return page.content()


def test_a_visitor_sees_no_nik_or_phone_anywhere_and_hostile_names_as_text(leaky, page):
    store, secrets, url, log = leaky
    frames: list[str] = []

    def on_socket(ws):
        ws.on("framereceived", lambda data: frames.append(
            data.decode("utf-8", "replace") if isinstance(data, bytes) else data))

    page.on("websocket", on_socket)
    for path, _ in PAGES:
        html = _visit(page, url, path)
        assert not _found(secrets, html), path
        if path == "":
            main = page.locator("[data-testid='stMain']").inner_text().replace(JOINER, "")
            assert HOSTILE_FILE in main  # the source caption names the file as written, no link
            screenshot(page, "leaks-hostile-ringkasan")
        if path == "direktori-ikm":
            screenshot(page, "leaks-direktori")
    payload = "\n".join(frames)
    assert len(payload) > 100_000  # the scan saw the pages' data ...
    assert re.search(r"52\d\d\*{10}\d\d", payload)  # ... the directory's NIKs among it, masked
    assert not _found(secrets, payload)
    server_log = log.read_text(encoding="utf-8", errors="replace")
    assert not _found(secrets, server_log)


def test_no_download_or_deck_holds_a_nik_or_phone(leaky, tmp_path, monkeypatch, files):  # noqa: F811
    store, secrets, _, _ = leaky
    shutil.copytree(store.root, tmp_path / "store")
    monkeypatch.setenv("IKM_DATA_DIR", str(tmp_path / "store"))
    for path in ("ringkasan", "produk", "direktori"):  # the pages whose tables hold enterprises' rows
        apptest.open_app(path)
    assert len(files) >= 15, sorted(files)
    for name, make in files.items():
        data = make()
        texts = [data.decode("utf-8-sig", "replace")]
        if name.endswith(".xlsx"):
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                texts += [z.read(n).decode("utf-8", "replace") for n in z.namelist()]
        assert not _found(secrets, "\n".join(texts)), name
    pptx = deck.build(Dataset.open(Store.open(tmp_path / "store")), Filters(phase=4), "pptx")
    with zipfile.ZipFile(io.BytesIO(pptx)) as z:
        xml = "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml"))
    assert "Hadiah" in xml or "Sumber" in xml  # the slides were read ...
    assert not _found(secrets, xml)  # ... and hold no personal data


def _session_and_xsrf(page, url: str) -> tuple[str, str]:
    """A live session's id (from the first ForwardMsg) and the page's XSRF cookie."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    sessions: list[str] = []

    def on_frame(data):
        if isinstance(data, bytes) and not sessions:
            msg = ForwardMsg()
            try:
                msg.ParseFromString(data)
            except Exception:  # noqa: BLE001 - not a ForwardMsg frame
                return
            if msg.WhichOneof("type") == "new_session" and msg.new_session.initialize.session_id:
                sessions.append(msg.new_session.initialize.session_id)

    page.on("websocket", lambda ws: ws.on("framereceived", on_frame))
    page.goto(f"{url}/unggah-data")
    settle(page)
    cookie = next(c["value"] for c in page.context.cookies() if c["name"] == "_streamlit_xsrf")
    return sessions[0], cookie


def _put(url: str, path: str, headers: dict, body_chunks, length: int | None) -> int:
    parts = urllib.parse.urlsplit(url)
    con = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    con.putrequest("PUT", path)
    for key, value in headers.items():
        con.putheader(key, value)
    if length is None:
        con.putheader("Transfer-Encoding", "chunked")
    else:
        con.putheader("Content-Length", str(length))
    con.endheaders()
    try:
        for chunk in body_chunks:
            con.send(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n" if length is None else chunk)
        if length is None:
            con.send(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass  # the server stopped reading: its answer says why
    status = con.getresponse().status
    con.close()
    return status


def test_the_server_refuses_an_upload_over_its_limit_or_without_its_token(leaky, page):
    _, _, url, log = leaky
    session, xsrf = _session_and_xsrf(page, url)
    path = f"/_stcore/upload_file/{session}/leak-test"
    boundary = "ikmboundary"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"besar.csv\"\r\n"
            "Content-Type: text/csv\r\n\r\n").encode()
    form = {"Content-Type": f"multipart/form-data; boundary={boundary}", "Cookie": f"_streamlit_xsrf={xsrf}"}
    small = head + b"a;b\r\n1;2\r\n" + f"\r\n--{boundary}--\r\n".encode()
    assert _put(url, path, {**form, "X-Xsrftoken": xsrf}, [small], len(small)) == 204  # the endpoint works
    assert _put(url, path, form, [small], len(small)) == 403  # no XSRF token: refused
    mb = 1 << 20
    over = 101 * mb + 1  # server.maxUploadSize is 100 MB (plus 1 MB of framing)
    assert _put(url, path, {**form, "X-Xsrftoken": xsrf}, [head], over) == 413  # told by Content-Length
    chunks = (head if i == 0 else b"x" * mb for i in range(103))  # a client that does not say its size
    assert _put(url, path, {**form, "X-Xsrftoken": xsrf}, chunks, None) == 413
    assert "Upload rejected" in log.read_text(encoding="utf-8", errors="replace")
