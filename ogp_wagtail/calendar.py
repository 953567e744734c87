"""Calendar arithmetic over plain dates: months, quarters, whole years.

Pure functions with no Django in them: the rules, progress and the status
layer all count months the same way because they all count them here.
"""

import calendar
import datetime


def first_of_month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """Move by whole calendar months, clamping to the last day of a shorter month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    # Dates an editor can type reach the calendar's ends; stay inside it.
    if year < datetime.MINYEAR:
        return datetime.date.min
    if year > datetime.MAXYEAR:
        return datetime.date.max
    last_day = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last_day))


def last_day_of_years(start: datetime.date, years: int) -> datetime.date:
    """The last day of a period of ``years`` whole years starting on ``start``.

    A year starting on 1 January ends on 31 December; one starting on
    29 February ends on 28 February of the next year.
    """
    year = start.year + years
    if year > datetime.MAXYEAR:
        return datetime.date.max
    try:
        anniversary = start.replace(year=year)
    except ValueError:  # 29 February into a common year
        anniversary = datetime.date(year, 3, 1)
    return anniversary - datetime.timedelta(days=1)


def months_between(start: datetime.date, end: datetime.date) -> int:
    """Whole months from the month of ``start`` to the month of ``end``."""
    return (end.year - start.year) * 12 + end.month - start.month


def month_after(month: datetime.date) -> datetime.date:
    """The first day of the month after ``month``."""
    return datetime.date(month.year + month.month // 12, month.month % 12 + 1, 1)


def fraction_of_month_elapsed(day: datetime.date) -> float:
    """How much of ``day``'s month is over before ``day`` starts (0 on the 1st)."""
    return (day.day - 1) / calendar.monthrange(day.year, day.month)[1]


def quarter_of(day: datetime.date) -> tuple[int, int]:
    """``(year, quarter)`` of a date: 1 January to 31 March is quarter 1."""
    return day.year, (day.month - 1) // 3 + 1
