"""mockex: drive a mockexd mock exchange from tests: sessions, faults, clock, market, journal,
report. The pytest plugin is `mockex.pytest_plugin`."""

from .client import AsyncClient, Client
from .errors import (Conflict, ConnectionFailed, InvalidRequest, InvalidScenario, MockexError,
                     MockexTimeout, NotFound, TooManySessions, Unauthorized, Unavailable)
from .faults import Fault, Faults
from .models import (Balance, Book, Clock, Entry, FaultStatus, JournalPage, MarketAction, Order,
                     Report, SessionInfo)
from .session import AsyncSession, Session

__version__ = "0.1.0"

__all__ = [
    "AsyncClient", "AsyncSession", "Balance", "Book", "Client", "Clock", "Conflict",
    "ConnectionFailed", "Entry", "Fault", "FaultStatus", "Faults", "InvalidRequest",
    "InvalidScenario", "JournalPage", "MarketAction", "MockexError", "MockexTimeout", "NotFound",
    "Order", "Report", "Session", "SessionInfo", "TooManySessions", "Unauthorized",
    "Unavailable",
]
