"""Errors a person can cause when exporting or importing, each one sentence long."""

from __future__ import annotations


class ExportError(Exception):
    """Something about an export request cannot be done (the message says what)."""


class ImportRefused(ExportError):
    """A file cannot be imported; the message gives the reason. Nothing was imported."""
