"""Stage 0: bring EDGAR filings to disk, politely and resumably (see :func:`fetch`).

A stage before :mod:`tandy.source`: it reads only what choosing filings needs (submissions JSON,
form indexes, a submission's header) and saves each filing's full submission as EDGAR serves
it, in a mirror laid out by CIK and accession with a manifest beside it.
"""

from tandy.edgar.access import AccessSettings, Hosts
from tandy.edgar.fetch import fetch
from tandy.edgar.listing import FORM_GROUPS
from tandy.edgar.mirror import MANIFEST, Mirror, read_manifest
from tandy.edgar.model import FetchReport, MirrorEntry, Outcome, Wanted
from tandy.edgar.request import FetchRequest

__all__ = [
    "FORM_GROUPS",
    "MANIFEST",
    "AccessSettings",
    "FetchReport",
    "FetchRequest",
    "Hosts",
    "Mirror",
    "MirrorEntry",
    "Outcome",
    "Wanted",
    "fetch",
    "read_manifest",
]
