"""Writing output files safely: never over an existing file unless told to, never half a file.

Every writer in tandy (response drafts, review reports) goes through :func:`write_atomically`:
the content is written to a temporary file beside the target and renamed into place, so an error
or an interrupt leaves either the old file or none, and a reader never sees a partial one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomically(path: str | Path, force: bool, write: Callable[[Path], None]) -> Path:
    """Have ``write`` fill a temporary file beside ``path``, then rename it into place.

    Raises :class:`FileExistsError` if ``path`` exists and ``force`` is false.
    """
    target = Path(path)
    if target.exists() and not force:
        raise FileExistsError(f"{target} exists; use --force to overwrite it")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    os.close(handle)
    try:
        write(Path(temporary))
        os.chmod(temporary, _default_mode())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def _default_mode() -> int:
    """The mode a plainly created file gets (0o666 less the umask): a temporary file is created
    private (0o600), and the report it becomes should not be."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_text(path: str | Path, text: str, force: bool = False) -> Path:
    """Write UTF-8 text atomically, refusing to overwrite unless ``force``."""
    return write_atomically(path, force, lambda temporary: temporary.write_text(text, encoding="utf-8"))
