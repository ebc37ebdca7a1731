"""Links that carry their filters: ikm_data.links parses and builds the URL query (hostile
values included), and app.py opened with such a query (AppTest) shows exactly that view on
Ringkasan and on a deep page, keeps the address bar in step and says when it ignored a part."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ikm_data import links
from ikm_data.i18n import t
from ikm_data.links import Choices, View
from tests.apptest import APP, ok
from tests.test_states import Truth, check_ringkasan, check_wilayah

CHOICES = Choices(phases=(1, 2, 3, 4), regencies=("5201", "5203", "5271"),
                  products=("susu_kedelai", "minyak_goreng", "dodol_rumput_laut"), default_phase=4)


def _parse(**query):
    return links.parse(query, CHOICES)


# -- the library ------------------------------------------------------------------------------
def test_a_link_with_every_filter_is_read_in_order():
    p = _parse(tahap="3", kabupaten="5271,5203", produk="susu_kedelai", lang="en")
    assert p.view == View(3, ("5271", "5203"), ("susu_kedelai",), "en")
    assert p.ignored == () and p.present == frozenset(links.PARAMS)


def test_repeated_parameters_spaces_and_duplicates():
    p = links.parse({"kabupaten": ["5203", " 5271 ,5203"], "produk": ["", "minyak_goreng,,"]}, CHOICES)
    assert p.view.regencies == ("5203", "5271") and p.view.products == ("minyak_goreng",)
    assert p.ignored == ()


@pytest.mark.parametrize("query, ignored", [
    ({"kabupaten": "9999"}, ("kabupaten",)),
    ({"kabupaten": "5203,9999"}, ("kabupaten",)),
    ({"tahap": "abc"}, ("tahap",)),
    ({"tahap": "99"}, ("tahap",)),  # not a phase of this dashboard
    ({"tahap": "3,4"}, ("tahap",)),
    ({"tahap": "-3"}, ("tahap",)),
    ({"tahap": "٣"}, ("tahap",)),  # an Arabic-Indic three: str.isdigit, but no phase number
    ({"tahap": "3" * 5000}, ("tahap",)),
    ({"produk": "<script>alert(1)</script>"}, ("produk",)),
    ({"produk": "Susu Kedelai"}, ("produk",)),  # names are not codes
    ({"lang": "fr"}, ("lang",)),
    ({"lang": "en,id"}, ("lang",)),
    ({"kabupaten": "x" * 100_000, "produk": "**bold** [a](javascript:x)"}, ("kabupaten", "produk")),
])
def test_unknown_or_malformed_values_are_ignored_by_name(query, ignored):
    p = links.parse(query, CHOICES)
    assert p.ignored == ignored
    assert p.view.phase in (None, *CHOICES.phases)
    assert set(p.view.regencies) <= set(CHOICES.regencies) and set(p.view.products) <= set(CHOICES.products)


def test_empty_values_mean_no_filter_and_foreign_keys_are_dropped_quietly():
    p = _parse(tahap="", kabupaten="", fbclid="IwAR0abc", utm_source="wa")
    assert p.view == View() and p.ignored == () and p.unknown == ("fbclid", "utm_source")


def test_lang_is_case_insensitive_and_keys_too():
    p = links.parse({"LANG": "EN", "Kabupaten": "5203"}, CHOICES)
    assert p.view.lang == "en" and p.view.regencies == ("5203",)


def test_too_many_codes_are_cut_and_said():
    p = _parse(kabupaten=",".join(["5203"] * (links.MAX_ITEMS + 5)))
    assert p.view.regencies == ("5203",) and p.ignored == ("kabupaten",)


def test_build_leaves_defaults_out():
    assert links.build(View(4, (), (), "id"), CHOICES) == {}  # the unfiltered Indonesian overview: a clean /
    assert links.build(View(4, ("5203", "5271"), ("susu_kedelai",), "en"), CHOICES) == {
        "kabupaten": "5203,5271", "produk": "susu_kedelai", "lang": "en"}
    assert links.build(View(3, (), (), "id"), CHOICES) == {"tahap": "3"}


def test_a_pinned_phase_is_always_written():
    assert links.build(View(4, (), (), "id"), CHOICES, pin_phase=True) == {"tahap": "4"}


def test_query_string_keeps_commas_readable_and_escapes_the_rest():
    assert links.query_string({"tahap": "3", "kabupaten": "5203,5271"}) == "tahap=3&kabupaten=5203,5271"
    assert links.query_string({"produk": "a&b=c d"}) == "produk=a%26b%3Dc+d"
    assert links.query_string({}) == ""


def test_build_then_parse_gives_the_view_back():
    view = View(3, ("5271", "5201"), ("dodol_rumput_laut", "susu_kedelai"), "en")
    from urllib.parse import parse_qs

    back = links.parse(parse_qs(links.query_string(links.build(view, CHOICES))), CHOICES)
    assert back.view == view and back.ignored == ()


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from([*links.PARAMS, "x", "TAHAP"]),
                       st.one_of(st.text(max_size=40), st.lists(st.text(max_size=20), max_size=4))))
def test_parse_never_raises_and_keeps_only_known_codes(query):
    p = links.parse(query, CHOICES)
    assert p.view.phase in (None, *CHOICES.phases) and p.view.lang in (None, "id", "en")
    assert set(p.view.regencies) <= set(CHOICES.regencies) and set(p.view.products) <= set(CHOICES.products)
    assert set(p.ignored) <= set(links.PARAMS)


# -- the app (AppTest) ------------------------------------------------------------------------
def _open_link(query: dict):
    """app.py opened from a link: a new session, its first run."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(query)
    at.run()
    return ok(at)


def _follow_link(at, query: dict, page: str):
    """In a running session, a link to ``page`` followed (the browser's back button or a
    link opened in the same tab; AppTest cannot open a deep page on a session's first run,
    the browser test does)."""
    at.query_params.clear()
    at.query_params.update(query)
    at.switch_page(f"pages/{page}.py").run()
    return ok(at)


def _sidebar(at) -> tuple:
    s = at.session_state
    return s["flt_phase"], tuple(s["flt_regencies"]), tuple(s["flt_products"]), s["lang"]


@pytest.mark.parametrize("state_store", ["certified"], indirect=True)
def test_a_link_restores_its_view_on_ringkasan_and_a_deep_page(state_store):
    truth = Truth(state_store.root)
    query = {"tahap": "4", "kabupaten": "5203,5271", "produk": "dodol_rumput_laut,minyak_goreng", "lang": "en"}
    at = _open_link(query)
    view = (4, ("5203", "5271"), ("dodol_rumput_laut", "minyak_goreng"), "en")
    assert _sidebar(at) == view and at.title[0].value == "Overview"
    check_ringkasan(at, truth, 4, view[1], view[2], (), "en")
    assert not at.toast
    # phase 4 is the newest: the address bar leaves it out
    assert at.query_params == {"kabupaten": "5203,5271", "produk": "dodol_rumput_laut,minyak_goreng", "lang": "en"}

    at = _follow_link(at, {"tahap": "3", "kabupaten": "5203"}, "wilayah")
    # the whole view from the link: what it leaves out (products, language) at its default
    assert _sidebar(at) == (3, ("5203",), (), "id") and at.title[0].value == "Wilayah"
    check_wilayah(at, truth, 3, ("5203",), (), (), "id")
    assert at.query_params == {"tahap": "3", "kabupaten": "5203"}


def test_the_address_bar_follows_the_filters_and_survives_a_page_switch(store_with_phase3):
    at = _open_link({})
    assert at.query_params == {}  # the unfiltered Indonesian overview: a clean /
    next(w for w in at.multiselect if w.key == "flt_regencies").set_value(["5203"]).run()
    next(w for w in at.multiselect if w.key == "flt_products").set_value(["susu_kedelai"]).run()
    assert ok(at).query_params == {"kabupaten": "5203", "produk": "susu_kedelai"}
    at.query_params.clear()  # a click on a sidebar page link arrives with an empty query
    at.switch_page("pages/produk.py").run()
    assert ok(at).query_params == {"kabupaten": "5203", "produk": "susu_kedelai"}
    assert _sidebar(at) == (3, ("5203",), ("susu_kedelai",), "id")
    next(w for w in at.sidebar.get("button_group") if w.key == "lang").set_value("en").run()
    assert ok(at).query_params == {"kabupaten": "5203", "produk": "susu_kedelai", "lang": "en"}
    next(w for w in at.multiselect if w.key == "flt_regencies").set_value([]).run()
    next(w for w in at.multiselect if w.key == "flt_products").set_value([]).run()
    assert ok(at).query_params == {"lang": "en"}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_bad_values_give_a_short_notice_never_an_error(store_with_phase3, lang):
    truth = Truth(store_with_phase3.root)
    at = _open_link({"tahap": "abc", "kabupaten": "9999,5203", "produk": "<script>alert(1)</script>", "lang": lang})
    assert _sidebar(at) == (3, ("5203",), (), lang)  # what was known is kept
    check_ringkasan(at, truth, 3, ("5203",), (), (), lang)
    what = ", ".join(t(f"share.param.{p}", lang) for p in ("tahap", "kabupaten", "produk"))
    assert [x.value for x in at.toast] == [t("share.ignored", lang, what=what)]
    assert "<script>" not in str(at) and "9999" not in " ".join(x.value for x in at.toast)
    expected = {"kabupaten": "5203"} | ({"lang": "en"} if lang == "en" else {})
    assert at.query_params == expected  # the address bar now shows what is on screen
    at.run()
    assert not ok(at).toast  # said once


@pytest.mark.parametrize("state_store", ["published_only"], indirect=True)
def test_a_link_to_a_published_only_phase_opens(state_store):
    at = _open_link({"tahap": "2", "kabupaten": "5203"})
    assert _sidebar(at)[:2] == (2, ("5203",)) and not at.toast
