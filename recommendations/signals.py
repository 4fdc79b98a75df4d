"""What the recommendation services tell the apps above them, which they may not import."""

from django.dispatch import Signal

# Sent by the services, in their transaction, after they wrote a record of something that happened to
# a recommendation: ``recommendation``, ``record`` (the ProgressUpdate, CabinetResponse, TargetDate,
# ExtensionRequest, SignOff or Escalation written), ``created`` (False for an edit of an existing one)
# and ``user`` (who did it; None for a command's work). The sender is the record's model.
recorded = Signal()
