"""Every URL of the application against every kind of visitor, for GET and for POST.

The URL patterns are walked, so a new view cannot be forgotten: a URL name
missing from MATRIX fails the test until its expected answers are written
down. Council A is Testshire (where the member, officer and admin belong),
council B is Otherton. Nothing of council A may reach council B's officer,
who gets 404 (not 403), so that A's pages do not even show they exist. The unsubscribe link is
the member's own: it needs no sign-in, and anyone else signed in is refused it (403).
"""

import datetime

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from councils import services as councils_services
from importing.layouts import read_paper
from importing.models import PendingImport, PendingPack
from notifications.tokens import make_token
from recommendations import services
from recommendations.models import Theme
from reviews.models import SourceDocument, UpdateRound
from tests.conftest import make_recommendation, make_update, make_user, seed

VISITORS = ["anonymous", "member", "officer", "admin", "other", "superuser"]

# url name, method: anonymous, member A, officer A, admin A, officer B, superuser
MATRIX = """
home                                GET   302 200 200 200 200 200
home                                POST  302 405 405 405 405 405
login                               GET   200 200 200 200 200 200
login                               POST  200 200 200 200 200 200
two-factor-sign-in                  GET   302 302 302 302 302 302
two-factor-sign-in                  POST  302 302 302 302 302 302
two-factor                          GET   302 200 200 200 200 200
two-factor                          POST  302 302 302 302 302 302
two-factor-set-up                   GET   302 302 302 302 302 302
two-factor-set-up                   POST  302 302 302 302 302 302
logout                              GET   302 405 405 405 405 405
logout                              POST  302 302 302 302 302 302
password-change                     GET   302 200 200 200 200 200
password-change                     POST  302 200 200 200 200 200
password-change-done                GET   302 200 200 200 200 200
password-change-done                POST  302 405 405 405 405 405
password-reset                      GET   200 200 200 200 200 200
password-reset                      POST  200 200 200 200 200 200
password-reset-done                 GET   200 200 200 200 200 200
password-reset-done                 POST  405 405 405 405 405 405
password-reset-confirm              GET   200 200 200 200 200 200
password-reset-confirm              POST  200 200 200 200 200 200
password-reset-complete             GET   200 200 200 200 200 200
password-reset-complete             POST  405 405 405 405 405 405
my-recommendations                  GET   302 200 200 200 200 200
my-recommendations                  POST  302 405 405 405 405 405
recommendations:responses           GET   302 200 200 200 200 200
recommendations:responses           POST  302 405 405 405 405 405
council                             GET   302 200 200 200 404 200
council                             POST  302 405 405 405 405 405
councils:people                     GET   302 403 403 200 404 200
councils:people                     POST  302 403 403 200 404 200
councils:change-role                GET   302 405 405 405 405 405
councils:change-role                POST  302 403 403 302 404 302
councils:resend-invitation          GET   302 405 405 405 405 405
councils:resend-invitation          POST  302 403 403 302 404 302
councils:settings                   GET   302 403 403 200 404 200
councils:settings                   POST  302 403 403 200 404 200
importing:upload                    GET   302 403 403 200 404 200
importing:upload                    POST  302 403 403 200 404 200
importing:check                     GET   302 403 403 200 404 302
importing:check                     POST  302 403 403 200 404 302
importing:pack-xlsx                 GET   302 403 200 200 404 200
importing:pack-xlsx                 POST  302 405 405 405 405 405
importing:pack-docx                 GET   302 403 200 200 404 200
importing:pack-docx                 POST  302 405 405 405 405 405
importing:pack-upload               GET   302 403 200 200 404 200
importing:pack-upload               POST  302 403 200 200 404 200
importing:pack-check                GET   302 403 200 302 404 302
importing:pack-check                POST  302 403 200 302 404 302
reviews:detail                      GET   302 200 200 200 404 200
reviews:detail                      POST  302 405 405 405 405 405
reviews:document                    GET   302 200 200 200 404 200
reviews:document                    POST  302 405 405 405 405 405
reviews:document-file               GET   302 200 200 200 404 200
reviews:document-file               POST  302 405 405 405 405 405
reviews:open-round                  GET   302 403 403 200 404 200
reviews:open-round                  POST  302 403 403 200 404 200
reviews:round-progress              GET   302 200 200 200 404 200
reviews:round-progress              POST  302 405 405 405 405 405
reviews:close-round                 GET   302 405 405 405 405 405
reviews:close-round                 POST  302 403 403 302 404 302
reviews:keep-round-open             GET   302 405 405 405 405 405
reviews:keep-round-open             POST  302 403 403 302 404 302
reviews:round                       GET   302 200 200 200 404 200
reviews:round                       POST  302 405 405 405 405 405
papers:cabinet-response      GET   302 200 200 200 404 200
papers:cabinet-response      POST  302 405 405 405 405 405
papers:cabinet-response-docx GET   302 200 200 200 404 200
papers:cabinet-response-docx POST  302 405 405 405 405 405
papers:cabinet-response-csv  GET   302 200 200 200 404 200
papers:cabinet-response-csv  POST  302 405 405 405 405 405
papers:update-report         GET   302 200 200 200 404 200
papers:update-report         POST  302 405 405 405 405 405
papers:update-report-docx    GET   302 200 200 200 404 200
papers:update-report-docx    POST  302 405 405 405 405 405
papers:update-report-csv     GET   302 200 200 200 404 200
papers:update-report-csv     POST  302 405 405 405 405 405
papers:update-table          GET   302 200 200 200 404 200
papers:update-table          POST  302 405 405 405 405 405
papers:update-table-docx     GET   302 200 200 200 404 200
papers:update-table-docx     POST  302 405 405 405 405 405
papers:update-table-csv      GET   302 200 200 200 404 200
papers:update-table-csv      POST  302 405 405 405 405 405
papers:covering-report-docx  GET   302 200 200 200 404 200
papers:covering-report-docx  POST  302 405 405 405 405 405
recommendations:list                GET   302 200 200 200 200 200
recommendations:list                POST  302 405 405 405 405 405
recommendations:figures             GET   302 200 200 200 200 200
recommendations:figures             POST  302 405 405 405 405 405
recommendations:council-figures     GET   302 200 200 200 404 200
recommendations:council-figures     POST  302 405 405 405 405 405
recommendations:review-figures      GET   302 200 200 200 404 200
recommendations:review-figures      POST  302 405 405 405 405 405
recommendations:detail              GET   302 200 200 200 404 200
recommendations:detail              POST  302 405 405 405 405 405
recommendations:add-update          GET   302 403 200 200 404 200
recommendations:add-update          POST  302 403 200 200 404 200
recommendations:edit-update         GET   302 403 200 200 404 200
recommendations:edit-update         POST  302 403 200 200 404 200
recommendations:edit-response       GET   302 403 200 200 404 200
recommendations:edit-response       POST  302 403 200 200 404 200
recommendations:lead-officer        GET   302 403 200 200 404 200
recommendations:lead-officer        POST  302 403 200 200 404 200
recommendations:themes              GET   302 403 200 200 404 200
recommendations:themes              POST  302 403 200 200 404 200
recommendations:target              GET   302 403 200 200 404 200
recommendations:target              POST  302 403 200 200 404 200
recommendations:request-extension   GET   302 403 200 200 404 200
recommendations:request-extension   POST  302 403 200 200 404 200
recommendations:decide-extension    GET   302 403 403 200 404 200
recommendations:decide-extension    POST  302 403 403 200 404 200
recommendations:sign-off            GET   302 403 403 200 404 200
recommendations:sign-off            POST  302 403 403 200 404 200
recommendations:reopen              GET   302 403 403 200 404 200
recommendations:reopen              POST  302 403 403 200 404 200
recommendations:not-adequate        GET   302 403 403 200 404 200
recommendations:not-adequate        POST  302 403 403 200 404 200
recommendations:escalate            GET   302 403 403 200 404 200
recommendations:escalate            POST  302 403 403 200 404 200
recommendations:evidence-file       GET   302 200 200 200 404 200
recommendations:evidence-file       POST  302 405 405 405 405 405
notifications:list                  GET   302 200 200 200 200 200
notifications:list                  POST  302 405 405 405 405 405
notifications:preferences           GET   302 200 200 200 200 200
notifications:preferences           POST  302 200 200 200 200 200
notifications:following             GET   302 200 200 200 200 200
notifications:following             POST  302 405 405 405 405 405
notifications:unsubscribe           GET   200 200 403 403 403 403
notifications:unsubscribe           POST  200 200 403 403 403 403
notifications:follow-recommendation GET   302 405 405 405 405 405
notifications:follow-recommendation POST  302 302 302 302 404 302
notifications:follow-review         GET   302 405 405 405 405 405
notifications:follow-review         POST  302 302 302 302 404 302
notifications:follow-council        GET   302 405 405 405 405 405
notifications:follow-council        POST  302 302 302 302 404 302
notifications:follow-theme          GET   302 405 405 405 405 405
notifications:follow-theme          POST  302 302 302 302 404 302
admin:index                         GET   302 302 302 302 302 200
"""
EXPECTED = {}
for line in MATRIX.strip().splitlines():
    name, method, *codes = line.split()
    EXPECTED[name, method] = dict(zip(VISITORS, map(int, codes), strict=True))


def url_names(patterns=None, namespace=""):
    """Every named URL of the application (the admin's own pages stand for it as admin:index)."""
    names = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            if pattern.namespace != "admin":
                names += url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.append(namespace + pattern.name)
    return names + (["admin:index"] if patterns is None else [])


@pytest.fixture
def world(db, testshire, otherton, alice, olive, adam, oscar, review, recommendation):
    """Council A's objects, one of each, and who is who."""
    update_round = UpdateRound.objects.create(
        review=review, committee=review.committee, meeting_date="2030-06-10", due_date="2030-05-20"
    )
    update = make_update(recommendation=recommendation, round=update_round, text="Begun.")
    document = SourceDocument.objects.create(
        council=testshire,
        review=review,
        name="paper.txt",
        checksum="0" * 64,
        kind=SourceDocument.Kind.UPDATE_REPORT,
        layout=SourceDocument.Layout.COMMITTEE_REPORT,
        text="The paper.",
        data=b"The paper.",
        imported_by=adam,
        imported_at=timezone.now(),
    )
    # An upload of the admin's, waiting to be checked: only they may see it.
    paper = read_paper(seed("southwark").name, seed("southwark").read_bytes())
    pending = PendingImport.objects.create(
        owner=adam,
        council=testshire,
        name=paper.name,
        checksum=paper.checksum,
        data=seed("southwark").read_bytes(),
        text=paper.text,
        paper=paper.parsed.to_json(),
        outcome={"name": paper.name},
        expires_at=timezone.now() + datetime.timedelta(hours=1),
    )
    # An update pack of the officer's, waiting to be checked: only they may see it.
    pack = PendingPack.objects.create(
        owner=olive,
        council=testshire,
        name="update-pack.xlsx",
        checksum="0" * 64,
        generated_at=timezone.now(),
        rows=[],
        expires_at=timezone.now() + datetime.timedelta(hours=1),
    )
    # A second recommendation, with a target date and an extension waiting for the committee.
    second = make_recommendation(review, 2, "That the Council opens a second library.")
    services.set_target(
        recommendation=second, user=olive, date=datetime.date(2030, 3, 31), version=second.version
    )
    extension = services.request_extension(
        recommendation=second, user=olive, date=datetime.date(2030, 9, 30), reason="The builder is late."
    )
    # A third, reported complete and waiting for the committee's sign-off, with a file as evidence.
    third = make_recommendation(review, 3, "That the Council repaints the library.")
    done = services.record_update(recommendation=third, user=olive, text="Repainted.", status="completed")
    kept = services.attach_evidence(update=done, user=olive, name="invoice.txt", data=b"Paid in full.")
    # The council's escalation ladder, which the first recommendation (never updated) may climb.
    councils_services.set_escalation_steps(
        council=testshire, user=adam, names=["Reminder to the lead officer"]
    )
    # A theme only council A uses, for its follow button.
    housing = Theme.objects.create(name="Housing", slug="housing")
    services.set_themes(recommendation=third, user=olive, themes=[housing], version=third.version)
    council, slugs = testshire.slug, (testshire.slug, review.slug)
    rec = (*slugs, recommendation.position)
    args = {
        "home": [],
        "login": [],
        "logout": [],
        "two-factor-sign-in": [],  # with no password given first: back to the sign-in page
        "two-factor": [],
        "two-factor-set-up": [],  # with nothing being set up: back to the two-factor page
        "password-change": [],
        "password-change-done": [],
        "password-reset": [],
        "password-reset-done": [],
        "password-reset-confirm": ["MQ", "not-a-token"],  # a link gone wrong: the "expired" page
        "password-reset-complete": [],
        "my-recommendations": [],
        "recommendations:responses": [],
        "recommendations:list": [],
        "recommendations:figures": [],
        "recommendations:council-figures": [council],
        "recommendations:review-figures": [*slugs],
        "council": [council],
        "councils:people": [council],
        "councils:change-role": [council, alice.memberships.get().pk],
        "councils:resend-invitation": [council, alice.memberships.get().pk],
        "councils:settings": [council],
        "importing:upload": [council],
        "importing:check": [council, pending.pk],
        "importing:pack-xlsx": [council],
        "importing:pack-docx": [council],
        "importing:pack-upload": [council],
        "importing:pack-check": [council, pack.pk],
        "reviews:detail": [*slugs],
        "reviews:document": [council, document.pk],
        "reviews:document-file": [council, document.pk],
        "reviews:open-round": [*slugs],
        "reviews:round-progress": [*slugs, update_round.pk],
        "reviews:close-round": [*slugs, update_round.pk],
        "reviews:keep-round-open": [*slugs, update_round.pk],
        "recommendations:detail": [*rec],
        "recommendations:add-update": [*rec],
        "recommendations:edit-update": [*rec, update.pk],
        "recommendations:edit-response": [*rec],
        "recommendations:lead-officer": [*rec],
        "recommendations:themes": [*rec],
        "recommendations:target": [*rec],
        "recommendations:request-extension": [*rec],
        "recommendations:decide-extension": [*slugs, second.position, extension.pk],
        "recommendations:sign-off": [*slugs, third.position],
        "recommendations:reopen": [*rec],
        "recommendations:not-adequate": [*rec, update.pk],
        "recommendations:escalate": [*rec],
        "recommendations:evidence-file": [*slugs, third.position, kept.pk],
        "notifications:list": [],
        "notifications:preferences": [],
        "notifications:following": [],
        "notifications:unsubscribe": [make_token(alice)],
        "notifications:follow-recommendation": [*rec],
        "notifications:follow-review": [*slugs],
        "notifications:follow-council": [council],
        "notifications:follow-theme": [housing.slug],
        "admin:index": [],
    }
    for name in url_names():
        if name.startswith("papers:cabinet-response"):
            args[name] = [*slugs]
        elif name == "reviews:round" or name.startswith(("papers:update", "papers:covering")):
            args[name] = [*slugs, "2030-06-10"]
    superuser = make_user("root", is_superuser=True, is_staff=True)
    people = {"member": alice, "officer": olive, "admin": adam, "other": oscar, "superuser": superuser}
    return {name: reverse(name, args=values) for name, values in args.items()}, people


def test_every_url_has_its_expected_answers_written_down():
    names = set(url_names())
    missing = sorted(names - {name for name, _ in EXPECTED})
    assert not missing, f"add these URLs to MATRIX: {missing}"
    stale = sorted({name for name, _ in EXPECTED} - names)
    assert not stale, f"these URLs no longer exist: {stale}"


@pytest.mark.parametrize("visitor", VISITORS)
def test_each_visitor_gets_the_expected_answer_everywhere(world, visitor):
    urls, people = world
    wrong = []
    for (name, method), answers in EXPECTED.items():
        client = Client()
        if visitor != "anonymous":
            client.force_login(people[visitor])
        response = client.get(urls[name]) if method == "GET" else client.post(urls[name])
        if response.status_code != answers[visitor]:
            wrong.append(f"{method} {name}: {response.status_code}, expected {answers[visitor]}")
        if visitor == "anonymous" and response.status_code == 302 and name not in ("logout", "admin:index"):
            assert response["Location"].startswith(reverse("login")), name
    assert not wrong, "\n".join(wrong)


def test_council_b_sees_nothing_of_council_a_in_any_page(world, client):
    urls, people = world
    client.force_login(people["other"])
    for name in ("home", "my-recommendations", "recommendations:figures"):
        page = client.get(urls[name]).content.decode()
        assert "Testshire" not in page and "Review of Libraries" not in page
