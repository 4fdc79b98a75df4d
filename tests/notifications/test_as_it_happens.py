"""News that comes together (an imported paper, a busy afternoon) reaches someone who wants e-mail as it
happens as one e-mail, a minute later, not one e-mail per change."""

import datetime

from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from notifications.models import Notification
from tests.conftest import make_recommendation, make_update


def make_all_due():
    for result in DBTaskResult.objects.filter(status="READY"):
        result.run_after = timezone.now() - datetime.timedelta(seconds=1)
        result.save(update_fields=["run_after"])


def test_three_changes_together_are_one_email_a_minute_later(
    settings, mia, olive, review, recommendation, run_tasks, settled
):
    settings.NOTIFICATION_EMAIL_DELAY = 60
    others = [make_recommendation(review, position=n, text=f"Recommendation {n}.") for n in (2, 3)]
    run_tasks()
    mail.outbox.clear()
    for item in [recommendation, *others]:
        make_update(recommendation=item, user=olive, text=f"Begun on {item.position}.")

    run_tasks()  # the three fan-outs; the e-mail waits its minute
    assert mail.outbox == []
    assert Notification.objects.filter(user=mia).awaiting_email().count() == 3

    make_all_due()
    run_tasks()

    (message,) = mail.outbox
    assert message.to == ["mia@testshire.example"]
    assert message.subject == "Testshire County Council: 3 changes to what you follow"
    assert "What has just changed in Testshire County Council" in message.body
    for number in (1, 2, 3):
        assert f"Recommendation {number} of Review of Libraries" in message.body
    assert Notification.objects.filter(user=mia).awaiting_email().count() == 0
    # The digest does not carry them again, and a later change is an e-mail of its own.
    make_update(recommendation=recommendation, user=olive, text="Further.")
    run_tasks()
    make_all_due()
    run_tasks()
    assert len(mail.outbox) == 2
    assert mail.outbox[1].subject == "Testshire County Council: Recommendation 1 of Review of Libraries"


def test_someone_who_stopped_emails_meanwhile_is_not_emailed(
    settings, mia, olive, recommendation, run_tasks, settled
):
    from notifications.models import Preference

    from .conftest import prefer

    settings.NOTIFICATION_EMAIL_DELAY = 60
    make_update(recommendation=recommendation, user=olive, text="Begun.")
    run_tasks()
    prefer(mia, Preference.Email.NEVER)
    make_all_due()
    run_tasks()
    assert mail.outbox == []
