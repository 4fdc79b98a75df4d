"""What the reviews app tells the apps above it, which it may not import."""

from django.dispatch import Signal

# Sent, inside the writer's transaction, by the services that change a review (its council, its response
# due date, its deletion) or its rounds (opened, closed, changed, deleted), with ``review_ids``: the
# dashboards' summary rows of their recommendations are worked out again.
reviews_changed = Signal()
