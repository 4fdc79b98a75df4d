"""What the council app tells the apps above it, which it may not import."""

from django.dispatch import Signal

# Sent by save_council_settings after it saved a change, with ``council``, ``user`` and ``changed``
# (the names of the settings that changed): the apps above work out again what depends on them.
settings_changed = Signal()

# Sent by remove_member, with ``council``, ``person`` (who was removed) and ``user`` (who removed them).
member_removed = Signal()
