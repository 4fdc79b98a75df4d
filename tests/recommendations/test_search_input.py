"""Whatever is typed into the search box, the list answers with results or a plain message: never a
server error (on both databases)."""

import pytest

from recommendations.filters import LEFT_OUT_AT_MOST, SEARCH_LENGTH
from tests.conftest import make_recommendation

LIST = "/recommendations/"

READABLE = [
    "'", '"', "-", "!", "&", "|", "\\", "()", "a <-> b", "library:*", "ß—ü 漢字", "or", "-the",
    '"-library"', "library -library", "- " * 32 + "library", "-(" * 16 + "library", "-" * 32,
    "cat or " * 40 + "library", '"' + "cat dog " * 35 + '"', "x" * SEARCH_LENGTH,
]  # fmt: skip


@pytest.fixture
def signed_in(client, alice, review):
    make_recommendation(review, text="That the library opens on Sundays.")
    client.force_login(alice)
    return client


@pytest.mark.parametrize("words", READABLE)
def test_any_search_within_the_limits_is_answered(signed_in, words):
    response = signed_in.get(LIST, {"q": words})
    assert response.status_code == 200
    assert "There is a problem" not in response.content.decode()


@pytest.mark.parametrize(
    ("words", "message"),
    [
        ("-" * 500, f"Search can leave out at most {LEFT_OUT_AT_MOST} words"),
        ("- " * 33 + "library", f"Search can leave out at most {LEFT_OUT_AT_MOST} words"),
        ("-!" * 40 + "library", f"Search can leave out at most {LEFT_OUT_AT_MOST} words"),
        ("library " * 40, f"Search must be {SEARCH_LENGTH} characters or fewer"),
        ("library\x00", "Null characters are not allowed"),
    ],
)
def test_a_search_the_database_cannot_read_is_refused_in_plain_english(signed_in, words, message):
    response = signed_in.get(LIST, {"q": words})
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html and message in html
    assert "<strong>0</strong> recommendations" in html
