"""What the IT staff install and keep: the store's files private (0600/0700), a backup that
restores into a fresh folder with the same figures, the server's settings, the systemd
unit and the nginx site file (checked by ``nginx -t`` where nginx is installed)."""

import os
import shutil
import stat
import subprocess
import threading
import time
import tomllib

import pytest

from ikm_data import backup, cli, queries
from ikm_data.errors import UsageError
from ikm_data.files import file_lock
from ikm_data.queries import Dataset, Filters
from ikm_data.settings import PROJECT_ROOT
from ikm_data.store import Store
from tests import states

DEPLOY = PROJECT_ROOT / "deploy"


def _modes(root) -> dict[str, int]:
    out = {}
    for folder, dirs, files in os.walk(root):
        for name in [*dirs, *files]:
            path = os.path.join(folder, name)
            out[os.path.relpath(path, root)] = stat.S_IMODE(os.lstat(path).st_mode)
    out["."] = stat.S_IMODE(os.stat(root).st_mode)
    return out


def _private(root) -> None:
    for name, mode in _modes(root).items():
        want = 0o700 if os.path.isdir(os.path.join(root, name)) else 0o600
        assert mode == want, (name, oct(mode))


def test_a_store_is_private_whatever_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        store = Store.open(tmp_path / "store", seed_sample=True)
        states.upload(store, 4, *states._phase_file(4, 404, 5))
        _private(store.root)
        # a store written before this change (0644/0755) is tightened when it is opened
        for path in [store.root, *store.root.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        Store.open(store.root)
        _private(store.root)
    finally:
        os.umask(old)


def _figures(root) -> dict:
    ds = Dataset.open(Store.open(root))
    return {p: queries.kpis(ds, Filters(phase=p)) for p in ds.data_phases()}


def test_a_backup_restores_into_a_fresh_folder_with_the_same_figures(tmp_path, capsys, state_templates):
    shutil.copytree(state_templates("many_phases"), tmp_path / "store")  # built once per session
    store = Store.open(tmp_path / "store")
    archive = tmp_path / "kept" / "dasbor-ikm.tar.gz"
    assert cli.main(["backup", "--data-dir", str(store.root), "--out", str(archive)]) == 0
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600  # it holds NIKs and phone numbers
    target = tmp_path / "restored"
    assert cli.main(["restore", str(archive), "--data-dir", str(target)]) == 0
    assert "sehat" in capsys.readouterr().out
    assert _figures(target) == _figures(store.root) and len(_figures(target)) >= 3
    assert Store.open(target).history() == store.history()
    assert cli.main(["check-store", "--data-dir", str(target)]) == 0
    _private(target)
    with pytest.raises(UsageError):  # never over a store
        backup.restore(archive, target)
    with pytest.raises(UsageError):  # a backup inside the data folder would hold the ones before it
        backup.backup(store, store.root / "b.tar.gz")


def test_a_backup_waits_for_a_writer_and_leaves_out_leftovers(tmp_path):
    store = Store.open(tmp_path / "store", seed_sample=True)
    (store.root / "versions" / ".tmp-crashed").mkdir()
    (store.root / "versions" / ".tmp-crashed" / "participants.parquet").write_bytes(b"half")
    done = []
    with file_lock(store.root / ".lock"):  # a commit is writing
        worker = threading.Thread(target=lambda: done.append(backup.backup(store, tmp_path / "b.tar.gz")))
        worker.start()
        time.sleep(0.3)
        assert not done and not (tmp_path / "b.tar.gz").exists()
    worker.join(10)
    assert done and done[0].versions == 1
    import tarfile

    with tarfile.open(tmp_path / "b.tar.gz") as tar:
        names = tar.getnames()
    assert "state.json" in names and not any(".tmp-" in n or n.endswith(".lock") for n in names)


def test_the_server_settings_are_hardened():
    config = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text())
    server = config["server"]
    assert config["client"]["showErrorDetails"] == "none"
    assert server["address"] == "127.0.0.1" and server["enableXsrfProtection"] and server["enableCORS"]
    assert server["enableAgentApi"] is False and server["enableStaticServing"] is False
    site = (DEPLOY / "nginx-dasbor-ikm.conf").read_text()
    assert f"client_max_body_size {server['maxUploadSize'] + 1}m;" in site  # the same limit, plus framing
    assert "location = /_stcore/metrics { return 404; }" in site
    unit = (DEPLOY / "dasbor-ikm.service").read_text()
    for line in ("UMask=0077", "Environment=IKM_DATA_DIR=/var/lib/dasbor-ikm", "Restart=on-failure",
                 "--server.address 127.0.0.1", "NoNewPrivileges=yes", "ProtectSystem=strict"):
        assert line in unit


def test_nginx_accepts_the_site_file(tmp_path):
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
    if nginx is None:
        pytest.skip("nginx is not installed (Debian: apt-get install nginx); the site file is checked by text only")
    ssl = tmp_path / "ssl"
    ssl.mkdir()
    made = subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=t",
                           "-keyout", str(ssl / "privkey.pem"), "-out", str(ssl / "fullchain.pem")],
                          capture_output=True)
    if made.returncode:
        pytest.skip("openssl cannot make a test certificate here")
    site = (DEPLOY / "nginx-dasbor-ikm.conf").read_text().replace("/etc/ssl/dasbor-ikm", str(ssl))
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "logs").mkdir()
    (tmp_path / "nginx.conf").write_text(
        f"error_log {tmp_path}/logs/error.log;\npid {tmp_path}/nginx.pid;\nevents {{}}\n"
        f"http {{\n  access_log off;\n  include {tmp_path}/site.conf;\n}}\n")
    result = subprocess.run([nginx, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr


def test_the_site_file_runs_unprivileged_for_the_benchmark_as_written(tmp_path):
    """What ``bench --processes`` and the two-process browser test run: the site file itself,
    with only the backends, the plain listener and what needs a certificate changed."""
    from ikm_data import nginx_site

    written = (DEPLOY / "nginx-dasbor-ikm.conf").read_text()
    site = nginx_site.plain_site(["127.0.0.1:9101", "127.0.0.1:9102", "127.0.0.1:9103"], 9100)
    upstream = site[site.index("upstream dasbor_ikm {"):site.index("}", site.index("upstream dasbor_ikm {"))]
    assert [line.strip() for line in upstream.splitlines() if line.strip().startswith("server ")] == [
        "server 127.0.0.1:9101;", "server 127.0.0.1:9102;", "server 127.0.0.1:9103;"]
    kept = [line for line in written.splitlines() if not any(
        word in line for word in ("listen", "ssl_", "server 127.0.0.1:", "return 301", "Secure;", "wss:"))]
    redirect = written[written.index("server {\n    listen 80;"):written.index("}\n", written.index("listen 80;")) + 1]
    assert set(kept) - set(redirect.splitlines()) <= set(site.splitlines())  # sticky hash, upgrade, timeouts...
    for line in ("    hash $ikm_route consistent;", "        proxy_set_header Connection $connection_upgrade;",
                 "        proxy_read_timeout 86400s;", '    ""      "ikm_route=$request_id; Path=/; HttpOnly; '
                 'SameSite=Lax";', "    listen 127.0.0.1:9100;"):
        assert line in site.splitlines()
    directives = "\n".join(line for line in site.splitlines() if not line.lstrip().startswith("#"))
    assert "ssl" not in directives and "443" not in directives and "listen 80" not in directives
    if nginx_site.binary() is None:
        pytest.skip(nginx_site.MISSING)
    (tmp_path / "site.conf").write_text(site)
    for sub in ("logs", "temp"):
        (tmp_path / sub).mkdir()
    (tmp_path / "nginx.conf").write_text(nginx_site.main_conf(tmp_path))
    result = subprocess.run([nginx_site.binary(), "-t", "-p", str(tmp_path), "-e", str(tmp_path / "logs" / "e.log"),
                             "-c", str(tmp_path / "nginx.conf")], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0 and "syntax is ok" in result.stderr, result.stderr
