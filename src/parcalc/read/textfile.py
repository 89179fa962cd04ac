"""Reading a user's text file (YAML, CSV) with one clear line for each way it can fail."""

from __future__ import annotations

from pathlib import Path

from ..core.errors import ParcalcError


def read_text(path: Path, what: str, error: type[ParcalcError]) -> str:
    """The file's UTF-8 text (a BOM is dropped); `what` names it in messages."""
    shown = str(path)
    if path.is_dir():
        raise error.at(shown, f"is a folder, not {what}")
    try:
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise error.at(shown, "no such file") from None
    except OSError as exc:
        raise error.at(shown, f"cannot be read: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise error.at(shown, f"is not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
