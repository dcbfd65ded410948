"""reflect: a private, guided reflection journal for clinicians, in the terminal."""

__version__ = "0.5.0"
