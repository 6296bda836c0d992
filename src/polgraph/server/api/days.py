"""A day in a query parameter, written YYYY-MM-DD and nothing else: pydantic alone would also read
a number as seconds since 1970 ("to=0" is 1 January 1970), which no user means."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import BeforeValidator

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _written_as_a_day(value):
    if value is None or isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DAY.fullmatch(value.strip()):
        return value.strip()
    raise ValueError("a day is written YYYY-MM-DD")


Day = Annotated[dt.date, BeforeValidator(_written_as_a_day)]
