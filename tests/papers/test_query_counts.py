"""Paper pages and downloads take a fixed number of queries, whatever the size of the review."""

import pytest
from django.urls import reverse
from django.utils import timezone

from councils.models import Membership
from papers.registry import PAPERS
from tests.conftest import join, make_user
from tests.papers.builders import add_follow_through, make_big_review

# Queries for a paper as it stands now, at most: session and user (2); the
# review with its council and committee (1); a round paper's round (1); then the
# data: rounds, recommendations, responses, updates, committees (5), the
# rounds' source papers' layouts (1, where rounds were imported), the names of
# updates' signed-in authors and lead officers (1); for the update report, the
# responses as at the previous round (1). Carrying positions forward into a
# round without updates, and its summary, take none more. A round the tracker
# collects (all of these) also reads its follow-through: target dates, sign-offs,
# updates found not adequate and escalations (4), and the escalation steps' names (1). An HTML page's
# header counts the reader's unread notifications (1).
LIVE_MAX = 18
# As at a date: the same, from the history tables, plus the review as it was then (1).
AS_AT_MAX = 19

# Each paper in each of its formats, for a round with updates and (a round's papers) one carrying
# every position forward.
CASES = [
    pytest.param(
        kind.slug,
        kind.of_round,
        "" if output == "html" else f"-{output}",
        carried,
        id=f"{kind.slug}-{output}-{label}",
    )
    for kind in PAPERS.values()
    for output in kind.formats
    for carried, label in [(False, "updated"), (True, "carried-forward")]
    if kind.of_round or not carried
]


@pytest.mark.django_db
@pytest.mark.parametrize("size", [10, 500])
@pytest.mark.parametrize(("name", "is_round", "output", "carried"), CASES)
@pytest.mark.parametrize("as_at", [False, True], ids=["now", "as-at"])
def test_a_paper_takes_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, size, name, is_round, output, as_at, carried
):
    review, rounds = make_big_review(size, next_round=carried)
    add_follow_through(review)  # for 1 recommendation in 10, and 10 in 500
    user = make_user("member")
    join(user, review.council, Membership.Role.MEMBER)
    client.force_login(user)
    update_round = rounds[-1] if carried else rounds[2]
    args = [review.council.slug, review.slug] + ([update_round.meeting_date] if is_round else [])
    url = reverse(f"papers:{name}{output}", args=args)

    # As at today: built from the history tables, and showing everything made above.
    query = {"as_at": timezone.localdate().isoformat()} if as_at else {}

    with django_assert_max_num_queries(AS_AT_MAX if as_at else LIVE_MAX):
        response = client.get(url, query)

    assert response.status_code == 200
    if not output:
        page = response.content.decode()
        assert page.count("That the Council does thing number") >= size
        if is_round:
            assert page.count(
                "Current target date: 30 September 2023 (Revised: Waiting for the new contract)"
            ) == (size // 50 or 1)
        if carried:
            assert page.count("No new update. Last reported") == size
            assert page.count("Round 4: work on thing") == size
            assert page.count("Lead officer: Olu Officer") == size


@pytest.mark.django_db
def test_the_cycle_collector_is_paused_while_a_paper_is_built_and_back_after(client, monkeypatch):
    import gc

    from papers.registry import PAPERS as KINDS

    review, rounds = make_big_review(3)
    user = make_user("member")
    join(user, review.council, Membership.Role.MEMBER)
    client.force_login(user)
    kind = KINDS["update-report"]
    seen = []
    kinds = type(kind)  # a frozen dataclass: its methods are patched on the class
    make, render = kinds.make, kinds.render

    def making(self, *args, **kwargs):
        seen.append(("make", gc.isenabled()))
        return make(self, *args, **kwargs)

    def rendering(self, *args, **kwargs):
        seen.append(("render", gc.isenabled()))
        if len(seen) > 2:
            raise RuntimeError("the writing failed")
        return render(self, *args, **kwargs)

    monkeypatch.setattr(kinds, "make", making)
    monkeypatch.setattr(kinds, "render", rendering)
    url = kind.url(review, rounds[2], "docx")
    assert client.get(url).status_code == 200
    assert seen == [("make", False), ("render", False)] and gc.isenabled()
    client.raise_request_exception = True
    with pytest.raises(RuntimeError):
        client.get(url)
    assert gc.isenabled()  # back on, even when writing the paper failed
