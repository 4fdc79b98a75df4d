from django.db.models import QuerySet
from django.utils.text import slugify


def unique_slug(queryset: QuerySet, text: str, max_length: int = 60) -> str:
    """A slug for the text, cut at a word, not yet used in the queryset."""
    base = slugify(text)
    if len(base) > max_length:
        base = base[:max_length].rsplit("-", 1)[0]
    base = base or "untitled"
    slug, n = base, 2
    while queryset.filter(slug=slug).exists():
        suffix = f"-{n}"
        slug, n = base[: max_length - len(suffix)] + suffix, n + 1
    return slug
