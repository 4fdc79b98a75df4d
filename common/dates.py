"""Calendar arithmetic the rules share."""

import datetime


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` months later (earlier, if negative); the month's last day where it has fewer."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    month += 1
    last = (datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(day.day, last))


def months_before(day: datetime.date, months: int) -> datetime.date:
    return add_months(day, -months)
