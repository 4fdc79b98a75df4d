from django.conf import settings
from django.db import models
from django.urls import reverse

from councils.models import Council


class PendingImportQuerySet(models.QuerySet):
    def waiting_for(self, user, council, now):
        """The uploads this person made to this council that are still waiting to be imported."""
        return self.filter(owner=user, council=council, expires_at__gt=now)

    def expired(self, now):
        return self.filter(expires_at__lte=now)


class PendingImport(models.Model):
    """A paper uploaded and read, waiting for its admin to check what it would create and say "Import".

    It is kept in the database, not the session, so that the check page works
    behind several servers and after a restart; it goes once imported,
    cancelled or expired. It is not a record of the council's, so it has no
    history: the import it leads to has.
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    council = models.ForeignKey(Council, models.CASCADE, related_name="+")
    name = models.CharField(max_length=255)
    # SHA-256 of the file as uploaded.
    checksum = models.CharField(max_length=64)
    data = models.BinaryField()
    # The paper's text, and what the importer read in it (a ParsedPaper as JSON).
    text = models.TextField()
    paper = models.JSONField()
    # What the format reader found in a table paper, so that corrections re-read it without the file;
    # null for a paper read by one of the text layouts.
    extract = models.JSONField(null=True, blank=True)
    # The admin's corrections so far: columns, decision wordings and where it goes (see Corrections).
    corrections = models.JSONField(default=dict, blank=True)
    # What importing it would create, as the check page shows it.
    outcome = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(db_index=True)
    # A large paper is imported by the task worker: when its admin said "Import", and what came of it
    # ({"level": "success" | "info" | "error", "message": ..., "url": ...}) once the worker is done.
    queued_at = models.DateTimeField(null=True, blank=True)
    result = models.JSONField(null=True, blank=True)

    objects = PendingImportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name}, uploaded to {self.council}"

    def get_absolute_url(self):
        return reverse("importing:check", args=[self.council.slug, self.pk])


class PendingPackQuerySet(models.QuerySet):
    def waiting_for(self, user, council, now):
        """The update packs this officer uploaded to this council that are still waiting to be recorded."""
        return self.filter(owner=user, council=council, expires_at__gt=now)

    def expired(self, now):
        return self.filter(expires_at__lte=now)


class PendingPack(models.Model):
    """An officer's filled-in update pack, read and checked, waiting for them to say "Record the updates".

    Like PendingImport it is kept in the database, so the check page works
    behind several servers; it goes once recorded, cancelled or expired, and
    the updates it leads to carry the history.
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+")
    council = models.ForeignKey(Council, models.CASCADE, related_name="+")
    name = models.CharField(max_length=255)
    # SHA-256 of the file as uploaded.
    checksum = models.CharField(max_length=64)
    # When the pack was made, as its signed identity says: what its rows were checked against.
    generated_at = models.DateTimeField()
    # The rows the officer filled in, each with the state of its recommendation when the pack was made.
    rows = models.JSONField()
    # How many of the pack's rows were left empty (or taken out of the file): nothing is recorded for them.
    skipped = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(db_index=True)

    objects = PendingPackQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name}, uploaded to {self.council}"

    def get_absolute_url(self):
        return reverse("importing:pack-check", args=[self.council.slug, self.pk])
