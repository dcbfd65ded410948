"""The settings' rules as a pydantic model, for a config file that is not plainly
valid: it coerces what it can (``auto_lock_minutes = 10.0``) and names the first
setting it cannot read. :mod:`reflect_tui.core.config` loads it only then."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError


class ConfigFile(BaseModel):
    """The same fields, defaults and rules as :class:`reflect_tui.core.config.Config`."""

    model_config = ConfigDict(extra="ignore")

    theme: str = "textual-dark"
    auto_lock_minutes: int = Field(default=10, ge=1, le=240)
    default_set: str = "end-of-day"
    clinician_name: str = ""
    export_dates: Literal["day", "week"] = "day"
    ui: Literal["app", "plain"] = "app"
    group_supervision_share: float = Field(default=0.5, ge=0.0, le=1.0)
    supervision_minutes_per_month: int = Field(default=90, ge=0, le=10_000)
    identity_review_months: int = Field(default=6, ge=1, le=60)


def checked(raw: dict[str, Any]) -> dict[str, Any]:
    """Every setting, coerced; ValueError names the first one that cannot be read."""
    try:
        return ConfigFile.model_validate(raw).model_dump()
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise ValueError(f"setting '{field}' {first['msg'].lower()}") from None
