"""What a page view costs the server (issue 13): no full garbage collection after every view."""

import tomllib

from ikm_data.settings import PROJECT_ROOT


def test_no_full_collection_after_every_view():
    config = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text())
    assert config["runner"]["postScriptGC"] is False
