"""Reading a user's text file (YAML, CSV) with one clear line for each way it can fail."""

from __future__ import annotations

import os
from pathlib import Path

from ..core.errors import ParcalcError
from ..core.messages import Msg


def read_text(path: Path, what: Msg, error: type[ParcalcError]) -> str:
    """The file's UTF-8 text (a BOM is dropped); `what` names it in messages
    (`Msg("a criterion set (.yaml)")`)."""
    shown = str(path)
    if os.path.isdir(path):  # not Path.is_dir, which raises for a name too long
        raise error.at(shown, "is a folder, not {what}; name a file", what=what)
    try:
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise error.at(shown, "no such file: check its name and path") from None
    except OSError as exc:
        raise error.at(shown, "cannot be read: {reason}", reason=exc.strerror) from None
    except UnicodeDecodeError as exc:
        raise error.at(shown, "is not UTF-8 text (byte {byte}); save it as UTF-8", byte=exc.start) from None
