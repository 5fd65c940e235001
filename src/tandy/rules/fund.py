"""Fund-specific family (TDY3xx): Item 22 of Schedule 14A and the Investment Company Act.

Funds present their trustees in a table with six required columns, separate interested
trustees from independent ones, and count portfolios across the fund complex. Form N-1A
Item 17 asks a fund's statement of additional information (SAI) for nearly the same table,
the same ownership ranges, compensation table and committees, and staff compare the two; so
these rules read SAIs as well as proxy statements that elect trustees.

A rule that reports a whole section as absent (no compensation table, no ownership ranges)
runs only on a whole filing: a proxy statement (PRE or DEF 14A) or an SAI (Form N-1A). An
excerpt of a few pages, such as the revised pages a response letter encloses, is judged only
on the tables it shows.
"""

from __future__ import annotations

import re
from typing import ClassVar, Literal

from tandy.proxy.model import Person, ProxyTable
from tandy.rules.base import Rule, document_kind, filing_date
from tandy.rules.disclosure import elects_directors
from tandy.rules.model import Subject

Filing = Literal["proxy", "sai"]

PROXY_DISCLOSURE_ENHANCEMENTS = "2010-02-28"
"""Effective date of the 2009 proxy disclosure amendments (74 FR 68334, Dec. 23, 2009): trustees'
qualifications (Item 22(b)(3)) and the five-year look-back for other directorships."""

BOARD_TABLES = ("nominees", "trustees", "directors")
BOARD_ROLES = {"nominee", "trustee", "director"}
NEARBY_CHARS = 2_000
"""How far before a table its heading or lead-in sentence may stand."""

def filing_kind(subject: Subject) -> Filing | None:
    """A proxy statement or an SAI, or None for an excerpt (or any other filing)."""
    kind = document_kind(subject)
    return kind if kind in ("proxy", "sai") else None


def board(subject: Subject) -> list[Person]:
    """Trustees, directors and nominees (an officer who also sits on the board included)."""
    return [p for p in subject.proxy.people if BOARD_ROLES & set(p.roles)]


def officers(subject: Subject) -> list[Person]:
    """Officers who are not also on the board (the board table already presents those)."""
    return [p for p in subject.proxy.people if "officer" in p.roles and not BOARD_ROLES & set(p.roles)]


def tables(subject: Subject, kinds: tuple[str, ...]) -> list[ProxyTable]:
    return [t for t in subject.proxy.tables if t.kind in kinds]


def header_text(found: list[ProxyTable]) -> str:
    """Every column heading of the tables, as one lower-case string to look for words in."""
    return " | ".join(" ".join(t.header) for t in found).lower()


def before(subject: Subject, table: ProxyTable) -> str:
    """The text just above a table: its heading and lead-in."""
    start = table.location.start if table.location else 0
    return subject.document.text[max(0, start - NEARBY_CHARS) : start]


def span_of(table: ProxyTable | None) -> tuple[int | None, int | None]:
    loc = table.location if table else None
    return (loc.start, loc.end) if loc else (None, None)


class FundRule(Rule):
    """A rule about a fund's proxy statement or SAI.

    ``filings`` says which whole filings the rule reads; ``whole_filing`` rules report absent
    sections and so skip excerpts; ``since`` is the filing date from which the rule applies,
    read from the cover when there is no EDGAR header.
    """

    registrant = "fund"
    filings: ClassVar[tuple[Filing, ...]] = ("proxy", "sai")
    whole_filing: ClassVar[bool] = False
    since: ClassVar[str | None] = None

    def applies(self, subject: Subject) -> bool:
        if not super().applies(subject) or subject.proxy is None:
            return False
        kind = filing_kind(subject)
        if kind is None:
            return not self.whole_filing
        if kind not in self.filings or (kind == "proxy" and not elects_directors(subject)):
            return False
        if self.since:
            filed = filing_date(subject)
            return filed is not None and filed >= self.since
        return True


class TableRule(FundRule):
    """A rule about the trustee tables: it speaks only where the document has one."""

    def applies(self, subject: Subject) -> bool:
        return super().applies(subject) and bool(tables(subject, BOARD_TABLES))


class PortfoliosOverseenGiven(TableRule):
    """Each trustee's row gives the number of portfolios in the fund complex they oversee.

    What it checks:
    In a fund's trustee or nominee table, every trustee has a figure for the portfolios in the
    fund complex overseen (column (5) of the Item 22(b)(1) table).

    Why staff ask:
    Item 22(b)(1) of Schedule 14A requires the column for every director or nominee; a blank
    leaves shareholders unable to judge how stretched each trustee is.

    Failing example:
        fund: yes
        ---
        Name and Age          Position     Number of Portfolios in Fund Complex Overseen
        -------------         --------     ---------------------------------------------
        Jane Roe (50)         Trustee      81
        John Doe (60)         Trustee

    Passing example:
        fund: yes
        ---
        Name and Age          Position     Number of Portfolios in Fund Complex Overseen
        -------------         --------     ---------------------------------------------
        Jane Roe (50)         Trustee      81
        John Doe (60)         Trustee      81
    """

    name = "portfolios-overseen-missing"
    citation = "Item 22(b)(1) of Schedule 14A"

    def check(self, subject: Subject):
        people = [p for p in board(subject) if not _officer_only(p)]
        if not any(p.portfolios_overseen is not None for p in people):
            return
        for person in people:
            if person.portfolios_overseen is None and person.location:
                yield self.finding(
                    subject,
                    f"The table gives no number of portfolios in the fund complex overseen by {person.name}. "
                    "Please complete column (5) for each trustee.",
                    person.location.start,
                    person.location.end,
                )


_BOARD_SEAT = re.compile(r"\b(?:trustee|director|board\s+member|chair(?:man|woman|person)?\s+of\s+the\s+board)\b", re.I)


def _officer_only(person: Person) -> bool:
    """A person whose stated positions are officer titles alone ("Vice President"), read into a
    board table by a continuation row: no portfolio count is owed for them."""
    return bool(person.positions) and not _BOARD_SEAT.search(person.positions)


_ELEMENTS: tuple[tuple[str, re.Pattern], ...] = (
    ("age", re.compile(r"\bage\b|year\s+of\s+birth|\bborn\b|birth\s*date")),
    ("address", re.compile(r"address")),
    ("positions held with the fund", re.compile(r"position|\btitle")),
    ("term of office and length of time served", re.compile(r"\bterm\b|length|time\s+served|service|\bsince\b|served")),
    ("principal occupations during the past five years", re.compile(r"occupation|employment|business\s+experience")),
    ("number of portfolios in the fund complex overseen", re.compile(r"portfolios|overseen|funds\s+in")),
    ("other directorships held", re.compile(r"directorships?|trusteeships?|other\s+boards?")),
)
_ADDRESS_STATEMENT = re.compile(r"\baddress\s+(?:of|for)\s+(?:each|all|every|the)\b|\bc/o\s", re.I)
_ROLE_HEADING = re.compile(r"\b(?:independent|interested|disinterested|management|non-interested)\s+(?:trustees?|directors?|board\s+members?)\b", re.I)
_TERM_STATEMENT = re.compile(
    r"\b(?:serves?|hold\s+office|holds\s+office)\b[^.]{0,80}\b(?:indefinite|unlimited|until\s+(?:his|her|their|the)\b|for\s+life|term)",
    re.I,
)
_SINCE_YEAR = re.compile(r"\bsince\s+(?:\w+\s+)?(?:19|20)\d\d\b|\(\s*(?:19|20)\d\d\s*\)|\b(?:19|20)\d\d\s*[-–]\s*present\b", re.I)
_OVERSEES_COUNT = re.compile(r"\boversees?\b[^.]{0,120}?\b(?:\d+|_{2,})\s+(?:\w+\s+){0,3}?(?:portfolios|funds|series)\b", re.I)


class TrusteeTableElements(TableRule):
    """The trustee table gives the six elements Item 22(b)(1) requires.

    What it checks:
    Taken together, the trustee and nominee tables (or the text beside them) give each
    trustee's (1) name, address and age; (2) positions held with the fund; (3) term of office
    and length of time served; (4) principal occupations during the past five years; (5) the
    number of portfolios in the fund complex overseen; and (6) other directorships held. On an
    excerpt the address is not judged: funds often give it once, in a sentence on another page.

    Why staff ask:
    Item 22(b)(1) of Schedule 14A (and Item 17(a) of Form N-1A for the SAI) prescribes the table
    column by column, so that shareholders can compare trustees across funds; a missing column
    is one of the first things staff ask to be added.

    Failing example:
        fund: yes
        ---
        The address of each Trustee is c/o the Trust, 1 Main Street, Boston, MA 02110.

        Name and Age          Position     Principal Occupation(s) During Past 5 Years
        -------------         --------     -------------------------------------------
        Jane Roe (50)         Trustee      Professor of Finance, State University.
        John Doe (60)         Trustee      Retired; formerly Partner, Doe & Co.

    Passing example:
        fund: yes
        ---
        The address of each Trustee is c/o the Trust, 1 Main Street, Boston, MA 02110.

        Name and Age    Position   Term and Length     Principal Occupation(s)   Portfolios in   Other
                                   of Time Served      During Past 5 Years       Fund Complex    Directorships
                                                                                 Overseen
        -------------   --------   ----------------    -----------------------   ------------    -------------
        Jane Roe (50)   Trustee    Indefinite;         Professor of Finance,     12              None
                                   since 2001          State University.
        John Doe (60)   Trustee    Indefinite;         Retired; formerly         12              None
                                   since 2004          Partner, Doe & Co.
    """

    name = "trustee-table-incomplete"
    citation = "Item 22(b)(1) of Schedule 14A; Item 17(a) of Form N-1A"

    def check(self, subject: Subject):
        missing = self.missing(subject)
        if missing:
            first = tables(subject, BOARD_TABLES)[0]
            yield self.finding(
                subject,
                f"The trustee table does not give each trustee's {_listed(missing)}. Please add this information "
                "for each trustee and nominee, as Item 22(b)(1) of Schedule 14A requires.",
                *span_of(first),
            )

    def confirmation(self, subject: Subject) -> str | None:
        return f"all six elements given for {len(board(subject))} trustees"

    def missing(self, subject: Subject) -> list[str]:
        found = tables(subject, BOARD_TABLES)
        headers = header_text(found)
        people = board(subject)
        wanted = _ELEMENTS if filing_kind(subject) else [e for e in _ELEMENTS if e[0] != "address"]
        return [label for label, pattern in wanted if not pattern.search(headers) and not self.given_otherwise(subject, label, people, found)]

    def given_otherwise(self, subject: Subject, label: str, people: list[Person], found: list[ProxyTable]) -> bool:
        """The element given outside the column headings: in each row, a heading or a sentence."""
        text = subject.document.text
        if label == "age":
            return all(p.age or p.birth_year for p in people)
        if label == "address":
            return any(p.address for p in people) or bool(_ADDRESS_STATEMENT.search(text))
        if label.startswith("positions"):
            return any(p.positions for p in people) or any(_ROLE_HEADING.search(before(subject, t)) for t in found)
        if label.startswith("term"):
            rows = [p.term or p.positions or "" for p in people]
            return any(p.term for p in people) or any(_SINCE_YEAR.search(r) for r in rows) or bool(_TERM_STATEMENT.search(text))
        if label.startswith("principal"):
            return any(p.occupation for p in people)
        if label.startswith("number"):
            return any(p.portfolios_overseen is not None for p in people) or bool(_OVERSEES_COUNT.search(text))
        return any(p.other_directorships for p in people)


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


_REASON = r"(?:because|as\s+a\s+result\s+of|by\s+reason\s+of|due\s+to|by\s+virtue\s+of|on\s+account\s+of|in\s+light\s+of|owing\s+to|given\s+(?:his|her|their))"
_AFFILIATE = re.compile(
    r"\b(?:(?:investment\s+)?advis[eo]r|(?:investment\s+)?manager|distributor|(?:principal\s+)?underwriter|administrator|sponsor|affiliat\w+)\b", re.I
)


class InterestedTrusteeReason(TableRule):
    """Each interested trustee is identified, with the relationship that makes them interested.

    What it checks:
    For every trustee or nominee the tables mark as an "interested person" of the fund, a
    footnote or sentence gives the reason (an officer of the adviser, stock of its parent, a
    broker-dealer affiliation), or the person's occupation names the adviser, distributor or
    their affiliate.

    Why staff ask:
    Instructions 3 and 4 to Item 22(b)(1) of Schedule 14A (and Form N-1A Item 17) require
    interested trustees to be shown separately and the relationship explained: shareholders
    rely on the independent trustees to police the adviser, so they must see who is not one.

    Failing example:
        fund: yes
        ---
        Name and Age            Position     Principal Occupation(s) During Past 5 Years
        -------------           --------     -------------------------------------------
        Interested Trustee
        Jane Roe* (50)          Trustee      Private investor.

        * Ms. Roe is an "interested person" of the Trust.

    Passing example:
        fund: yes
        ---
        Name and Age            Position     Principal Occupation(s) During Past 5 Years
        -------------           --------     -------------------------------------------
        Interested Trustee
        Jane Roe* (50)          Trustee      Private investor.

        * Ms. Roe is an "interested person" of the Trust because she owns shares of the
          parent company of the Trust's investment adviser.
    """

    name = "interested-trustee-reason-missing"
    citation = "Item 22(b)(1) of Schedule 14A, Instructions 3 and 4; Section 2(a)(19) of the Investment Company Act"

    def check(self, subject: Subject):
        text = subject.document.text
        for person in board(subject):
            if person.interested and not self.explained(person, text):
                loc = person.location
                yield self.finding(
                    subject,
                    f"{person.name} is identified as an interested person of the fund, but the reason is not given. "
                    "Please explain the relationship or event that makes the trustee an interested person.",
                    loc.start if loc else None,
                    loc.end if loc else None,
                )

    def confirmation(self, subject: Subject) -> str | None:
        interested = [p.name for p in board(subject) if p.interested]
        return f"reason given for each interested trustee ({', '.join(interested)})" if interested else None

    @staticmethod
    def explained(person: Person, text: str) -> bool:
        reason = person.interested_reason or ""
        if re.search(_REASON, reason, re.I) or _AFFILIATE.search(reason) or _AFFILIATE.search(person.occupation or ""):
            return True
        surname = re.escape(person.name.split()[-1].strip(",."))
        sentence = rf"\b{surname}\b[^.]{{0,300}}?interested\s+persons?\W{{0,3}}[^.]{{0,250}}?{_REASON}"
        return re.search(sentence, text, re.I | re.S) is not None or _GROUP_REASON.search(text) is not None


_GROUP_REASON = re.compile(
    rf"\b(?:trustees|directors|board\s+members)\s+(?:are|is)\s+(?:deemed\s+)?(?:to\s+be\s+)?\W?interested\b[^.]{{0,150}}?{_REASON}", re.I
)
"""One note for all interested trustees ("Board Members are deemed to be "Interested" ... by reason of
their affiliation with the Manager")."""
_COMPLEX_SIZE = re.compile(
    r"\bfund\s+complex\b[^.]{0,80}?\b(?:consists?\s+of|comprises?|(?:is\s+)?comprised\s+of|is\s+made\s+up\s+of|includes?)\s+(\d{1,4})\s+(?:\w+\s+){0,3}?(?:portfolios|funds|series)\b",
    re.I,
)


class PortfoliosWithinFundComplex(TableRule):
    """No trustee oversees more portfolios than the fund complex is said to contain.

    What it checks:
    Where the document states the size of the fund complex ("the Fund Complex consists of 44
    portfolios"), no trustee's figure in the portfolios-overseen column exceeds it.

    Why staff ask:
    Column (5) of the Item 22(b)(1) table counts portfolios in the fund complex as Item
    22(a)(1)(vi) defines it; a figure above the complex's own size means the column counts
    something else (other complexes, share classes) or the stated size is stale.

    Failing example:
        fund: yes
        ---
        The Fund Complex consists of 44 portfolios.

        Name and Age          Position     Number of Portfolios in Fund Complex Overseen
        -------------         --------     ---------------------------------------------
        Jane Roe (50)         Trustee      44
        John Doe (60)         Trustee      81

    Passing example:
        fund: yes
        ---
        The Fund Complex consists of 44 portfolios.

        Name and Age          Position     Number of Portfolios in Fund Complex Overseen
        -------------         --------     ---------------------------------------------
        Jane Roe (50)         Trustee      44
        John Doe (60)         Trustee      44
    """

    name = "portfolios-exceed-fund-complex"
    citation = "Item 22(b)(1) of Schedule 14A, column (5) and Instruction 6; Item 22(a)(1)(vi)"

    def check(self, subject: Subject):
        stated = _COMPLEX_SIZE.search(subject.document.text)
        if not stated:
            return
        size = int(stated.group(1))
        related = [subject.document.location(stated.start(), stated.end())]
        for person in board(subject):
            if person.portfolios_overseen is not None and person.portfolios_overseen > size and person.location:
                yield self.finding(
                    subject,
                    f"The table gives {person.name} {person.portfolios_overseen} portfolios overseen, but the fund complex "
                    f"is said to consist of {size}. Please reconcile, counting only portfolios in the fund complex.",
                    person.location.start,
                    person.location.end,
                    related,
                )


_LOOK_BACK = re.compile(r"(?:past|last|prior|preceding)\s+(?:5|five)\s+years|since\s+(?:\w+\s+)?(?:19|20)\d\d\s+through|(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d", re.I)
_LOOK_BACK_NEAR_DIRECTORSHIPS = re.compile(
    r"directorships?[^.\n]{0,160}(?:past|last|prior|preceding)\s+(?:5|five)\s+years|(?:past|last)\s+(?:5|five)\s+years[^.\n]{0,80}directorships?", re.I
)
_FORMER = re.compile(r"\bformer(?:ly)?\b|\buntil\s+(?:\w+\s+)?(?:19|20)\d\d\b|\((?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\)", re.I)


class OtherDirectorshipsLookBack(TableRule):
    """Other directorships cover the past five years, not only boards held today.

    What it checks:
    In filings made after the 2009 proxy disclosure amendments took effect (28 February 2010),
    the other-directorships column or a note to it says it covers directorships held during the
    past five years, or the entries themselves show former boards. A reminder, not an error: a
    trustee may simply have held no other board seat in those years.

    Why staff ask:
    Item 22(b)(1), column (6) and Instruction 7, as amended in 2009, asks for public-company and
    registered-fund directorships held during the past five years, so that shareholders can see
    recent ties that a current-only list would hide.

    Failing example:
        fund: yes
        filed: 2012-03-01
        ---
        Name and Age      Position     Other Directorships Held by Trustee
        -------------     --------     -----------------------------------
        Jane Roe (50)     Trustee      Director, Acme Corp.
        John Doe (60)     Trustee      None

    Passing example:
        fund: yes
        filed: 2012-03-01
        ---
        Name and Age      Position     Other Directorships Held by Trustee During the Past 5 Years
        -------------     --------     -----------------------------------------------------------
        Jane Roe (50)     Trustee      Director, Acme Corp.
        John Doe (60)     Trustee      None
    """

    name = "other-directorships-look-back"
    citation = "Item 22(b)(1) of Schedule 14A, column (6) and Instruction 7"
    severity = "info"
    since = PROXY_DISCLOSURE_ENHANCEMENTS

    def check(self, subject: Subject):
        found = tables(subject, BOARD_TABLES)
        headers = header_text(found)
        if "directorship" not in headers or _LOOK_BACK.search(headers):
            return
        if _LOOK_BACK_NEAR_DIRECTORSHIPS.search(subject.document.text):
            return
        if any(_FORMER.search(p.other_directorships or "") for p in board(subject)):
            return
        yield self.finding(
            subject,
            "The other-directorships column appears to list only current directorships. Please disclose "
            "directorships held by each trustee during the past five years.",
            *span_of(found[0]),
        )


_QUALIFICATIONS = re.compile(
    r"(?:experience|qualifications|attributes|skills)\b[^.]{0,300}?(?:led\s+to\s+the\s+conclusion|conclu\w+\s+that\b[^.]{0,120}?should\s+serve|should\s+serve)"
    r"|should\s+serve\s+as\s+an?\s+(?:trustee|director|board\s+member)\b",
    re.I,
)


class TrusteeQualifications(FundRule):
    """The document says why each trustee should serve.

    What it checks:
    A fund proxy statement electing trustees, or an SAI, filed after the 2009 proxy disclosure
    amendments took effect, discusses the experience, qualifications, attributes or skills that
    led to the conclusion that each trustee or nominee should serve.

    Why staff ask:
    Item 22(b)(3)(i) of Schedule 14A and Item 17(b)(10) of Form N-1A require it, in light of the
    fund's business and structure; staff also press for substance over a paragraph shared by the
    whole board.

    Failing example:
        fund: yes
        form: DEF 14A
        filed: 2012-03-01
        ---
        PROPOSAL 1: ELECTION OF TRUSTEES

        Shareholders are asked to elect the nominees listed below as Trustees.

        Jane Roe has been a Trustee since 2001. John Doe has been a Trustee since 2004.

    Passing example:
        fund: yes
        form: DEF 14A
        filed: 2012-03-01
        ---
        PROPOSAL 1: ELECTION OF TRUSTEES

        Shareholders are asked to elect the nominees listed below as Trustees.

        Jane Roe has been a Trustee since 2001. Her experience as a professor of finance
        and as chair of a university endowment's investment committee led to the
        conclusion that she should serve as a Trustee. John Doe's twenty years as an
        audit partner led the Board to conclude that he should serve as a Trustee.
    """

    name = "trustee-qualifications-missing"
    citation = "Item 22(b)(3)(i) of Schedule 14A; Item 17(b)(10) of Form N-1A"
    whole_filing = True
    since = PROXY_DISCLOSURE_ENHANCEMENTS

    def check(self, subject: Subject):
        if _QUALIFICATIONS.search(subject.document.text):
            return
        yield self.finding(
            subject,
            "For each trustee and nominee, please briefly discuss the specific experience, qualifications, "
            "attributes or skills that led to the conclusion that the person should serve as a trustee, in "
            "light of the fund's business and structure.",
            *_board_anchor(subject),
        )


_ELECTION = re.compile(r"^[^\n]{0,40}\bElection\s+of\s+(?:Trustees|Directors|Board\s+Members)\b[^\n]{0,40}$|^[^\n]{0,20}(?:Trustees|Directors|Management\s+of\s+the\s+(?:Fund|Trust))\s*$", re.I | re.M)


def _board_anchor(subject: Subject) -> tuple[int | None, int | None]:
    """Where trustee disclosure belongs: the first trustee table, else the election or management section."""
    found = tables(subject, BOARD_TABLES)
    if found and found[0].location:
        return span_of(found[0])
    match = _ELECTION.search(subject.document.text)
    return (match.start(), match.end()) if match else (None, None)


_DOLLAR_RANGE_STATEMENT = re.compile(r"dollar\s+range", re.I)
_RANGE = re.compile(r"(?:over|more\s+than|above)\s+\$\s?([\d,]+)|\$\s?([\d,]+)\s*(?:-|–|—|to)\s*\$?\s?([\d,]+)", re.I)
ALLOWED_RANGES = {(1, 10_000), (10_001, 50_000), (50_001, 100_000), (100_000, None)}
"""The only brackets Item 22(b)(5) allows: none, $1-$10,000, $10,001-$50,000, $50,001-$100,000 and
over $100,000 (Instruction 3)."""


class OwnershipRanges(FundRule):
    """Trustees' fund holdings are given in the prescribed dollar ranges.

    What it checks:
    A fund proxy statement electing trustees, or an SAI, gives the dollar range of each trustee's
    equity securities in the fund and in the family of investment companies, and uses only the
    brackets the form allows (none, $1-$10,000, $10,001-$50,000, $50,001-$100,000, over $100,000).

    Why staff ask:
    Item 22(b)(5) of Schedule 14A and Item 17(b)(4) of Form N-1A require the table so that
    shareholders can see whether trustees invest alongside them; fixed brackets keep funds
    comparable and stop a fund from choosing flattering ones.

    Failing example:
        fund: yes
        form: DEF 14A
        ---
        PROPOSAL 1: ELECTION OF TRUSTEES

        Shareholders are asked to elect the nominees listed below as Trustees.

        As of December 31, 2011, Jane Roe owned shares of the Fund worth $1-$25,000.

    Passing example:
        fund: yes
        form: DEF 14A
        ---
        PROPOSAL 1: ELECTION OF TRUSTEES

        Shareholders are asked to elect the nominees listed below as Trustees.

        The table below gives the dollar range of equity securities of the Fund, and in
        aggregate of all funds overseen by each Trustee in the family of investment
        companies, beneficially owned by each Trustee as of December 31, 2011.

        Name of Trustee    Dollar Range in the Fund    Aggregate Dollar Range
        ---------------    ------------------------    ----------------------
        Jane Roe           $10,001-$50,000             Over $100,000
        John Doe           None                        $1-$10,000
    """

    name = "ownership-ranges"
    citation = "Item 22(b)(5) of Schedule 14A; Item 17(b)(4) of Form N-1A"
    whole_filing = True

    def check(self, subject: Subject):
        text = subject.document.text
        owned = tables(subject, ("ownership",))
        if not owned and not _DOLLAR_RANGE_STATEMENT.search(text):
            yield self.finding(
                subject,
                "Please disclose, for each trustee and nominee, the dollar range of equity securities "
                "beneficially owned in the fund and, in aggregate, in all funds overseen in the family of "
                "investment companies, using the ranges in Item 22(b)(5) of Schedule 14A.",
                *_board_anchor(subject),
            )
            return
        for table in owned:
            odd = sorted({cell for row in table.rows for cell in row if _odd_range(cell)})
            if odd:
                yield self.finding(
                    subject,
                    f"The ownership table uses {', '.join(odd[:3])}. Please use only the ranges in Item 22(b)(5) "
                    "of Schedule 14A: none, $1-$10,000, $10,001-$50,000, $50,001-$100,000 and over $100,000.",
                    *span_of(table),
                    severity="warning",
                )


def _odd_range(cell: str) -> bool:
    """A dollar bracket in the cell that is not one of the allowed ones."""
    for match in _RANGE.finditer(cell):
        if match.group(1):
            bracket = (int(match.group(1).replace(",", "")), None)
        else:
            bracket = (int(match.group(2).replace(",", "")), int(match.group(3).replace(",", "")))
        if bracket not in ALLOWED_RANGES:
            return True
    return False


_COMPENSATION = re.compile(r"aggregate\s+compensation|total\s+compensation\s+(?:paid\s+)?(?:from|by)|compensation\s+table", re.I)


class CompensationTable(FundRule):
    """The fund's compensation table for trustees is given.

    What it checks:
    A fund proxy statement electing trustees, or an SAI, gives the compensation table: for each
    trustee, aggregate compensation from the fund, pension or retirement benefits, and total
    compensation from the fund and the fund complex.

    Why staff ask:
    Item 22(b)(13) of Schedule 14A (through Item 8) and Item 17(c) of Form N-1A require it;
    trustees' pay comes out of fund assets, and shareholders electing them should see it.

    Failing example:
        fund: yes
        form: DEF 14A
        ---
        PROPOSAL 1: ELECTION OF TRUSTEES

        Shareholders are asked to elect the nominees listed below as Trustees. Each
        Independent Trustee receives an annual retainer from the Trust.

    Passing example:
        fund: yes
        form: DEF 14A
        ---
        PROPOSAL 1: ELECTION OF TRUSTEES

        Shareholders are asked to elect the nominees listed below as Trustees.

        The following table shows the aggregate compensation paid by the Trust to each
        Trustee for the fiscal year ended December 31, 2011, and the total compensation
        paid by the Fund Complex.

        Name of Trustee    Aggregate Compensation    Total Compensation from
                           from the Trust            the Trust and Fund Complex
        ---------------    ----------------------    --------------------------
        Jane Roe           $40,000                   $120,000 (12 funds)
    """

    name = "compensation-table-missing"
    citation = "Item 22(b)(13) of Schedule 14A; Item 17(c) of Form N-1A"
    whole_filing = True

    def check(self, subject: Subject):
        if tables(subject, ("compensation",)) or _COMPENSATION.search(subject.document.text):
            return
        yield self.finding(
            subject,
            "Please provide the compensation table for the trustees required by Item 22(b)(13) of Schedule 14A: "
            "aggregate compensation from the fund, pension or retirement benefits, estimated annual benefits "
            "upon retirement, and total compensation from the fund and fund complex.",
            *_board_anchor(subject),
        )


_AUDIT_COMMITTEE = re.compile(
    r"\bAudit\s+(?:and\s+[A-Z]\w+\s+)?Committee\b|\b(?:acts?|serves?|functions?)\s+as\s+(?:the|its|an)\s+audit\s+committee\b", re.I
)


class FundCommittees(FundRule):
    """The board's audit committee and standing committees are described, with meeting counts.

    What it checks:
    A fund proxy statement electing trustees, or an SAI, says whether the fund has an audit
    committee (or that the whole board acts as one), and, for each standing committee it
    describes, the number of meetings held in the last fiscal year. A missing audit committee
    is an error; a committee without a meeting count a warning.

    Why staff ask:
    Item 22(b)(14) of Schedule 14A and Item 17(b)(2) of Form N-1A require each standing
    committee's functions, members and number of meetings; staff routinely ask for the count of
    a committee the text describes but does not count (a valuation or pricing committee).

    Failing example:
        fund: yes
        form: DEF 14A
        ---
        PROPOSAL 1: ELECTION OF TRUSTEES

        Shareholders are asked to elect the nominees listed below as Trustees.

        The Board of Trustees met four times during the fiscal year ended December 31, 2011.

    Passing example:
        fund: yes
        form: DEF 14A
        ---
        PROPOSAL 1: ELECTION OF TRUSTEES

        Shareholders are asked to elect the nominees listed below as Trustees.

        Audit Committee. The Board has a separately designated Audit Committee made up of
        all of the Independent Trustees. It oversees the Trust's accounting and financial
        reporting. The Audit Committee met four times during the fiscal year ended
        December 31, 2011.
    """

    name = "fund-committees"
    citation = "Item 22(b)(14) of Schedule 14A; Item 17(b)(2) of Form N-1A"
    whole_filing = True

    def check(self, subject: Subject):
        text = subject.document.text
        if not _AUDIT_COMMITTEE.search(text) and not any("audit" in c.name.lower() for c in subject.proxy.committees):
            yield self.finding(
                subject,
                "Please state whether the fund has a separately designated audit committee, or whether the entire "
                "board acts as its audit committee, and identify each standing committee of the board, with its "
                "functions, members and the number of meetings held during the last fiscal year.",
                *_board_anchor(subject),
            )
            return
        counted = [c for c in subject.proxy.committees if c.meetings is not None]
        if not counted:
            return  # no count read at all: the reading, not the document, is the likelier gap
        for committee in subject.proxy.committees:
            if committee.meetings is None and committee.location:
                yield self.finding(
                    subject,
                    f"Please state the number of meetings the {committee.name} held during the last fiscal year.",
                    committee.location.start,
                    committee.location.end,
                    severity="warning",
                )


_OFFICER_ELEMENTS: tuple[tuple[str, re.Pattern], ...] = (
    ("positions held with the fund", re.compile(r"position|\btitle")),
    ("term of office and length of time served", re.compile(r"\bterm\b|length|time\s+served|service|\bsince\b|served")),
    ("principal occupations during the past five years", re.compile(r"occupation|employment|business\s+experience")),
)
_OFFICER_TERM_STATEMENT = re.compile(
    r"\bofficers?\b[^.]{0,160}\b(?:elected|appointed|serve|hold\s+office)\b[^.]{0,120}\b(?:annually|until|indefinite|pleasure|each\s+year|successors?)\b",
    re.I,
)


class OfficerTableElements(FundRule):
    """The officers' table gives each officer's positions, term and occupations.

    What it checks:
    Where the document presents the fund's officers in a table, the table (or the text beside
    it) gives each officer's positions held with the fund, term of office and length of time
    served, and principal occupations during the past five years.

    Why staff ask:
    Item 22(b)(1) of Schedule 14A covers every officer of the fund, not only trustees; the
    officer table is where staff most often find the term of office missing. A warning: funds
    often state officers' terms in words ("elected annually by the Board") that may stand
    anywhere in the document.

    Failing example:
        fund: yes
        ---
        Officers of the Trust

        Name and Age            Position(s) Held with the Trust    Principal Occupation(s) During Past 5 Years
        -------------           -------------------------------    -------------------------------------------
        Jeffrey Tupper (37)     Treasurer                          Vice President, Acme Advisers LLC.
        Mary Zeven (47)         Secretary                          Counsel, Acme Advisers LLC.

    Passing example:
        fund: yes
        ---
        Officers of the Trust

        Name and Age          Position(s) Held    Term of Office and         Principal Occupation(s)
                              with the Trust      Length of Time Served      During Past 5 Years
        -------------         ----------------    ---------------------      -----------------------
        Jeffrey Tupper (37)   Treasurer           From 2002 to present       Vice President, Acme
                                                                             Advisers LLC.
        Mary Zeven (47)       Secretary           From 2001 to present       Counsel, Acme Advisers
                                                                             LLC.
    """

    name = "officer-table-incomplete"
    citation = "Item 22(b)(1) of Schedule 14A; Item 17(a) of Form N-1A"
    severity = "warning"

    def applies(self, subject: Subject) -> bool:
        return super().applies(subject) and bool(tables(subject, ("officers",)))

    def check(self, subject: Subject):
        found = tables(subject, ("officers",))
        headers = header_text(found)
        people = officers(subject)
        missing = [label for label, pattern in _OFFICER_ELEMENTS if not pattern.search(headers) and not self.given_otherwise(subject, label, people)]
        if missing:
            yield self.finding(
                subject,
                f"The officer table does not give each officer's {_listed(missing)}. Please add this information, "
                "as Item 22(b)(1) of Schedule 14A requires.",
                *span_of(found[0]),
            )

    @staticmethod
    def given_otherwise(subject: Subject, label: str, people: list[Person]) -> bool:
        if label.startswith("positions"):
            return any(p.positions for p in people)
        if label.startswith("principal"):
            return any(p.occupation for p in people)
        rows = [p.term or p.positions or "" for p in people]
        return any(p.term for p in people) or any(_SINCE_YEAR.search(r) for r in rows) or bool(_OFFICER_TERM_STATEMENT.search(subject.document.text))


RULES = {
    "TDY301": PortfoliosOverseenGiven,
    "TDY302": TrusteeTableElements,
    "TDY303": InterestedTrusteeReason,
    "TDY304": PortfoliosWithinFundComplex,
    "TDY305": OtherDirectorshipsLookBack,
    "TDY306": TrusteeQualifications,
    "TDY307": OwnershipRanges,
    "TDY308": CompensationTable,
    "TDY309": FundCommittees,
    "TDY310": OfficerTableElements,
}
