"""svsm-meet: minutes of recurring calls, taken live in the terminal."""

__version__ = "0.1.0"
