"""What the reviews app tells the apps above it, which it may not import."""

from django.dispatch import Signal

# Sent, inside the writer's transaction, by the services that change a review (its council, its response
# due date, its deletion) or its rounds (opened, closed, changed, deleted), with ``review_ids``: the
# dashboards' summary rows of their recommendations are worked out again.
reviews_changed = Signal()

# Sent by open_round, in its transaction, with ``update_round`` and ``user`` (who opened it).
round_opened = Signal()

# Sent by close_round when it closed an open round, in its transaction, with ``update_round`` and
# ``user`` (None when the round closed itself after its meeting).
round_closed = Signal()
