"""Durations as the daemon reads them: "250ms", "5s", "2m", a number of milliseconds, or a
`datetime.timedelta`."""

import datetime


def duration(value):
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, datetime.timedelta):
        return round(value.total_seconds() * 1000)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"a duration is '5s', '250ms', milliseconds or a timedelta, not {value!r}")
    return round(value)


def duration_text(value):
    """A duration for a query string, where the daemon wants a unit: 1500 -> "1500ms"."""
    value = duration(value)
    return value if value is None or isinstance(value, str) else f"{value}ms"


def seconds(value):
    """A duration in seconds, for waiting on this side."""
    if isinstance(value, datetime.timedelta):
        return value.total_seconds()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    text = str(value).strip()
    for suffix, factor in (("ms", 0.001), ("s", 1.0), ("m", 60.0), ("h", 3600.0)):
        if text.endswith(suffix):
            return float(text[:-len(suffix)]) * factor
    return float(text) / 1000.0
