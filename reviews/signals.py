"""What the review services tell the apps above them, which they may not import."""

from django.dispatch import Signal

# Sent by open_round, in its transaction, with ``update_round`` and ``user`` (who opened it).
round_opened = Signal()

# Sent by close_round when it closed an open round, in its transaction, with ``update_round`` and
# ``user`` (None when the round closed itself after its meeting).
round_closed = Signal()
