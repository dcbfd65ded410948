"""SIGTERM and SIGHUP (the terminal closing) end the app only after the text is saved.

Ctrl+C needs nothing here: in the app's raw terminal it arrives as a key, bound to Quit.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Callable

SIGNALS = (signal.SIGTERM, signal.SIGHUP)


def install_signal_handlers(handler: Callable[[int], object]) -> None:
    """Call ``handler(signal number)`` on the app's event loop when a signal arrives."""
    try:
        loop = asyncio.get_running_loop()
        for sig in SIGNALS:
            loop.add_signal_handler(sig, handler, sig)
    except (NotImplementedError, RuntimeError, ValueError, AttributeError):
        pass  # not the main thread, or a platform without these signals


def remove_signal_handlers() -> None:
    try:
        loop = asyncio.get_running_loop()
        for sig in SIGNALS:
            loop.remove_signal_handler(sig)
    except (NotImplementedError, RuntimeError, ValueError, AttributeError):
        pass
